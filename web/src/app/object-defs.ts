import { companyObject, contactObject } from '#modules/customers';
import { dealObject } from '#modules/deals';
import { leadObject } from '#modules/leads';
import { customObjectDef } from '#modules/objects';
import type { ObjectDefResolver } from '#shared/records/object-defs';

const STANDARD: Record<string, typeof companyObject> = { company: companyObject, contact: contactObject, lead: leadObject, deal: dealObject };

/** Every object definition the features declare, for ObjectDefsProvider: the standard ones, and custom objects from the registry. */
export const resolveObjectDef: ObjectDefResolver = (object, meta, t, language) =>
  STANDARD[object] ?? (meta?.custom && meta.path ? customObjectDef({ ...meta, path: meta.path }, t, language) : undefined);
