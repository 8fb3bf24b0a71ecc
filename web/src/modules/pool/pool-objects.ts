import { useTranslation } from 'react-i18next';
import { recordUrl } from '#shared/objects/record-url';
import { hasCapability, objectByName, objectLabel, useObjects } from '#shared/objects/use-objects';

export type PoolObjects = {
  /** The registry's pool-capable objects (companies, contacts), labelled in the UI language. */
  options: { value: string; label: string }[];
  labelOf: (object: string) => string;
  /** The REST path of the object's records ('companies'); empty until the registry has loaded. */
  pathOf: (object: string) => string;
  /** The record's page, or null when the object has none. */
  urlOf: (object: string, id: string) => string | null;
};

/** What the pool pages need from the object registry: which objects a pool may hold, their names and paths. */
export function usePoolObjects(): PoolObjects {
  const { i18n } = useTranslation();
  const { objects } = useObjects();
  const meta = (name: string) => objectByName(objects, name);
  return {
    options: objects.filter((o) => hasCapability(o, 'pool') && o.path).map((o) => ({ value: o.name, label: objectLabel(o, i18n.language) })),
    labelOf: (object) => objectLabel(meta(object), i18n.language) || object,
    pathOf: (object) => meta(object)?.path ?? '',
    urlOf: (object, id) => recordUrl(meta(object), id),
  };
}
