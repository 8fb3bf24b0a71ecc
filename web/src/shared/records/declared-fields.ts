import type { FieldDef } from '#shared/fields/field-types';
import type { ObjectFieldMeta } from '#shared/objects/objects-api';

/**
 * The web's field list for a standard object, corrected by what the server declares for it
 * (GET /api/v1/objects `fields`, from the module's one field declaration): the length limit,
 * the choices a field accepts, server-set fields and masking come from the server; labels,
 * order and list defaults stay the web's. Fields the server does not declare (custom fields,
 * composite ones) pass unchanged.
 */
export function withDeclared(fields: readonly FieldDef[], declared: readonly ObjectFieldMeta[] | undefined): FieldDef[] {
  if (!declared?.length) return [...fields];
  const byName = new Map(declared.map((d) => [d.name, d]));
  return fields.map((field) => {
    const d = byName.get(field.key);
    if (!d) return field;
    const next: FieldDef = { ...field };
    if (d.maxLength !== undefined) next.maxLength = d.maxLength;
    if (d.readOnly) next.readOnly = true;
    if (d.masked) next.sensitive = true;
    if (d.values && field.options) {
      const allowed = new Set(d.values);
      const known = field.options.filter((o) => allowed.has(o.value));
      const added = d.values.filter((v) => !field.options?.some((o) => o.value === v)).map((v) => ({ value: v, label: { zh: v, en: v } }));
      next.options = [...known, ...added];
    }
    return next;
  });
}
