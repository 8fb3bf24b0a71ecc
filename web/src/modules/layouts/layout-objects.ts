import type { TFunction } from 'i18next';
import { companyObject, contactObject } from '#modules/customers';
import { dealObject } from '#modules/deals';
import { leadObject } from '#modules/leads';
import { customObjectDef } from '#modules/objects';
import type { ObjectMeta } from '#shared/objects/objects-api';
import type { ObjectDef } from '#shared/records/object-def';

/** A registry object whose pages the web draws from a field list, so a layout applies to them. */
export type LayoutObject = { meta: ObjectMeta; def: ObjectDef };

const STANDARD: Record<string, ObjectDef> = { company: companyObject, contact: contactObject, lead: leadObject, deal: dealObject };

/** The record objects an admin can lay out, in registry order: standard ones the web knows, then custom ones. */
export function layoutObjects(objects: readonly ObjectMeta[], t: TFunction, language: string): LayoutObject[] {
  return objects.flatMap((meta): LayoutObject[] => {
    if (!meta.record) return [];
    const def = STANDARD[meta.name] ?? (meta.custom && meta.path ? customObjectDef({ ...meta, path: meta.path }, t, language) : undefined);
    return def ? [{ meta, def }] : [];
  });
}
