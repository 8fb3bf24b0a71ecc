import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useObjects } from '#shared/objects/use-objects';
import type { ObjectDef } from '#shared/records/object-def';
import { customObjectDef, isCustomRecordObject, type RecordObjectMeta } from './custom-object-def';

/** The custom object served at `/o/<path>` and its ObjectDef in the UI language. */
export function useCustomObject(path: string): { meta: RecordObjectMeta | undefined; def: ObjectDef | undefined; loading: boolean } {
  const { t, i18n } = useTranslation();
  const { objects, loading } = useObjects();
  const found = objects.find((o) => o.path === path);
  const meta = isCustomRecordObject(found) ? found : undefined;
  const def = useMemo(() => (meta ? customObjectDef(meta, t, i18n.language) : undefined), [meta, t, i18n.language]);
  return { meta, def, loading };
}
