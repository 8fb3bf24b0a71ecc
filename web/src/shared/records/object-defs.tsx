import type { TFunction } from 'i18next';
import { createContext, useContext, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObjectMeta } from '#shared/objects/objects-api';
import { objectByName, useObjects } from '#shared/objects/use-objects';
import type { ObjectDef } from './object-def';

/** The ObjectDef of a registry object (its registry entry, when loaded), in the UI language; undefined for one no feature renders. */
export type ObjectDefResolver = (object: string, meta: ObjectMeta | undefined, t: TFunction, language: string) => ObjectDef | undefined;

const ObjectDefs = createContext<ObjectDefResolver>(() => undefined);

/**
 * The app shell provides the resolver (it may import every feature); a feature that needs other
 * features' object definitions (the approval designer's criteria) reads them here instead of
 * importing those features, which import it back.
 */
export const ObjectDefsProvider = ObjectDefs.Provider;

export function useObjectDef(object: string | null | undefined): ObjectDef | undefined {
  const resolve = useContext(ObjectDefs);
  const { t, i18n } = useTranslation();
  const { objects } = useObjects();
  const meta = object ? objectByName(objects, object) : undefined;
  return useMemo(() => (object ? resolve(object, meta, t, i18n.language) : undefined), [resolve, object, meta, t, i18n.language]);
}
