import { type FieldPermissions, fieldRule, mergeRoles, type Permissions, scopeOf } from '#platform/access/access.ts';
import type { CustomFieldDef } from '#platform/custom-fields/custom-fields.types.ts';
import type { ObjectDeclaration } from '#platform/objects/object-registry.ts';
import type { TProcessingRecord } from './privacy.schema.ts';

export type RoleGrant = { name: string; isAdmin: boolean; permissions: Permissions; fields: FieldPermissions };
export type Purpose = Pick<TProcessingRecord, 'purpose' | 'legalBasis' | 'retention' | 'version' | 'updatedAt'>;

/** Custom field types that hold a person's contact details by their nature. */
const PERSONAL_TYPES = new Set<CustomFieldDef['type']>(['email', 'phone']);

/** A custom field's classification: marked sensitive by the admin, personal by its type, else none. */
export const customClassification = (def: CustomFieldDef): 'personal' | 'sensitive' | null =>
  def.sensitive ? 'sensitive' : PERSONAL_TYPES.has(def.type) ? 'personal' : null;

const label = (l: CustomFieldDef['label']) => ({ zh: l.zh ?? l.en ?? '', en: l.en ?? l.zh ?? '' });

/**
 * One object's record of processing, derived: its personal and sensitive fields (declared and
 * custom) and every role that reads its records, with the masked fields it reads in clear.
 * Null for an object without personal data.
 */
export function processingRecord(o: {
  declaration: ObjectDeclaration;
  defs: CustomFieldDef[];
  roles: RoleGrant[];
  purpose: Purpose;
}): TProcessingRecord | null {
  const { declaration: d } = o;
  const declared = (d.definition?.fields ?? []).flatMap((f) =>
    f.classification === 'none' ? [] : [{ name: f.name, label: null, classification: f.classification, masked: f.masked, custom: false }],
  );
  const custom = o.defs.flatMap((def) => {
    const classification = customClassification(def);
    return classification ? [{ name: `custom.${def.key}`, label: label(def.label), classification, masked: def.sensitive, custom: true }] : [];
  });
  const fields = [...declared, ...custom];
  if (!fields.length) return null;
  const masked = fields.filter((f) => f.masked).map((f) => f.name);
  const readers = o.roles.flatMap((role) => {
    const access = { userId: null, teamUserIds: [], ...mergeRoles([{ isAdmin: role.isAdmin, permissions: role.permissions, fields: role.fields }]) };
    const scope = scopeOf(access, d.name, 'read');
    if (scope === 'none') return [];
    return [{ role: role.name, isAdmin: role.isAdmin, scope, clearFields: masked.filter((f) => fieldRule(access, d.name, f).read) }];
  });
  return { object: d.name, label: d.label, custom: !!d.custom, fields, readers, ...o.purpose };
}
