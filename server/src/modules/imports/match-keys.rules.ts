import type { CustomFieldDef } from '#platform/custom-fields/custom-fields.types.ts';
import type { FieldError } from '#platform/errors/app-error.ts';
import type { ImportSpec } from '#platform/objects/import-spec.ts';

/** Custom field types whose value, trimmed and lowercased, can name one record (not lists, dates, choices or phones). */
const KEYABLE = new Set<CustomFieldDef['type']>(['text', 'number', 'email', 'url']);

/** The unique fields an import may match rows by: the spec's declared keys, then the custom fields marked unique. */
export const matchFieldsOf = (spec: Pick<ImportSpec, 'keys'>, customDefs: CustomFieldDef[]): string[] => [
  ...Object.keys(spec.keys ?? {}),
  ...customDefs.filter((d) => d.unique && KEYABLE.has(d.type)).map((d) => `custom.${d.key}`),
];

/**
 * Where a unique field's value lives (a column of the table, or a key of its `custom` document) and
 * the row's value; the database compares them trimmed, lowercased and NFKC-normalised (ＡＢ-１ meets ab-1).
 */
export type UniqueKey = { column: string; value: string } | { custom: string; value: string };

/**
 * A row's unique key from its input (after cleaning), or the row's error when the field is blank.
 * Null when `field` is no longer offered (the unique flag was removed): the row is then not matched.
 */
export type UniqueKeyOfOptions = { spec: Pick<ImportSpec, 'keys'>; customDefs: CustomFieldDef[]; field: string; input: Record<string, unknown> };

export function uniqueKeyOf({ spec, customDefs, field, input }: UniqueKeyOfOptions): UniqueKey | { error: FieldError } | null {
  if (!matchFieldsOf(spec, customDefs).includes(field)) return null;
  const custom = field.startsWith('custom.') ? field.slice('custom.'.length) : null;
  const raw = custom ? (input.custom as Record<string, unknown> | undefined)?.[custom] : input[field];
  const value = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
  if (!value) return { error: { field, message: 'imports.match_key_blank' } };
  return custom ? { custom, value } : { column: spec.keys?.[field] as string, value };
}
