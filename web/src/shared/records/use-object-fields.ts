import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { CUSTOM_FIELDS_KEY, customFieldsApi, toFieldDef } from '#shared/fields/custom-fields-api';
import type { FieldDef } from '#shared/fields/field-types';
import { objectByName, useObjects } from '#shared/objects/use-objects';
import { withDeclared } from './declared-fields';
import type { ObjectDef } from './object-def';

/**
 * Built-in fields (as the server declares them: limits, choices, server-set, masking) followed by
 * the tenant's custom fields for the object, in admin order.
 */
export function useObjectFields(def: ObjectDef): { fields: FieldDef[]; loading: boolean } {
  const { data, isPending } = useQuery({ queryKey: CUSTOM_FIELDS_KEY, queryFn: customFieldsApi.list, staleTime: 60_000 });
  const { objects } = useObjects();
  const declared = objectByName(objects, def.entity)?.fields;
  const fields = useMemo(() => {
    const custom = (data ?? [])
      .filter((d) => d.object === def.entity || d.object === def.object)
      .sort((a, b) => a.position - b.position)
      .map(toFieldDef)
      .map((f, i) => (i < (def.customFieldsInList ?? 0) ? { ...f, listDefault: true } : f));
    const at = def.customFieldsAt ?? def.fields.length;
    const own = withDeclared(def.fields, declared);
    return [...own.slice(0, at), ...custom, ...own.slice(at)];
  }, [data, def, declared]);
  return { fields, loading: isPending };
}
