import type { CustomFieldDef } from '#shared/fields/custom-fields-api';
import type { ObjectMeta } from '#shared/objects/objects-api';

/** A sensitive field row; `custom` carries the definition (for its label) of a custom field. */
export type FieldRow = { object: string; field: string; custom?: CustomFieldDef };

/** Objects a role can grant anything on, in registry order (standard first, then custom). */
export function matrixObjects(objects: readonly ObjectMeta[]): ObjectMeta[] {
  return objects.filter((o) => o.actions.length > 0);
}

/**
 * Sensitive fields per object, in registry order: the object's declared ones, then its custom
 * fields an admin marked sensitive that the registry does not already list.
 */
export function sensitiveFieldRows(objects: readonly ObjectMeta[], customFields: readonly CustomFieldDef[]): FieldRow[] {
  return objects.flatMap((o) => {
    const own = customFields.filter((c) => c.object === o.name).sort((a, b) => a.position - b.position);
    const byField = new Map(own.map((c) => [`custom.${c.key}`, c]));
    const declared = o.sensitiveFields.map((field) => ({ object: o.name, field, custom: byField.get(field) }));
    const extra = own
      .filter((c) => c.sensitive && !o.sensitiveFields.includes(`custom.${c.key}`))
      .map((c) => ({ object: o.name, field: `custom.${c.key}`, custom: c }));
    return [...declared, ...extra];
  });
}
