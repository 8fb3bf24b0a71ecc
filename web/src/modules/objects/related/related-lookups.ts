import type { CustomFieldDef } from '#shared/fields/custom-fields-api';
import type { ObjectMeta } from '#shared/objects/objects-api';

/** A custom object's lookup field that points at records of another object. */
export type RelatedLookup = { object: ObjectMeta & { path: string }; field: CustomFieldDef };

/**
 * The (custom object, lookup field) pairs whose lookup targets `target` (a registry name such as
 * 'company'), for objects the user may read: one related list each, in registry then field order.
 */
export function relatedLookups(
  objects: readonly ObjectMeta[],
  fields: readonly CustomFieldDef[],
  target: string,
  canRead: (object: string) => boolean,
): RelatedLookup[] {
  const out: RelatedLookup[] = [];
  for (const object of objects) {
    if (!object.custom || !object.record || !object.path || !canRead(object.name)) continue;
    const path = object.path;
    const pointing = fields.filter((f) => f.object === object.name && f.type === 'lookup' && f.target === target).sort((a, b) => a.position - b.position);
    for (const field of pointing) out.push({ object: { ...object, path }, field });
  }
  return out;
}

/** The list filter for the records whose lookup field `key` holds `id`. */
export const pointingAt = (key: string, id: string) => ({ [`custom.${key}`]: { eq: id } });
