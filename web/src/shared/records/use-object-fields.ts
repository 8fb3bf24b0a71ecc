import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { CUSTOM_FIELDS_KEY, customFieldsApi, toFieldDef } from '#shared/fields/custom-fields-api';
import type { FieldDef } from '#shared/fields/field-types';
import type { ObjectDef } from './object-def';

/** Built-in fields followed by the tenant's custom fields for the object, in admin order. */
export function useObjectFields(def: ObjectDef): { fields: FieldDef[]; loading: boolean } {
  const { data, isPending } = useQuery({ queryKey: CUSTOM_FIELDS_KEY, queryFn: customFieldsApi.list, staleTime: 60_000 });
  const fields = useMemo(() => {
    const custom = (data ?? [])
      .filter((d) => d.object === def.entity || d.object === def.object)
      .sort((a, b) => a.position - b.position)
      .map(toFieldDef)
      .map((f, i) => (i < (def.customFieldsInList ?? 0) ? { ...f, listDefault: true } : f));
    const at = def.customFieldsAt ?? def.fields.length;
    return [...def.fields.slice(0, at), ...custom, ...def.fields.slice(at)];
  }, [data, def]);
  return { fields, loading: isPending };
}
