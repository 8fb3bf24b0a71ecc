import type { ApiResponse } from '#shared/api/api-types';
import type { FieldDef, LocalizedText } from '#shared/fields/field-types';

/** An object's layout (GET /api/v1/layouts/:object); nulls mean the defaults, version 0 that none was saved. */
export type ObjectLayout = ApiResponse<'/api/v1/layouts/{object}'>;

/** One titled group of the detail page, as an admin arranged it (Settings > Layouts). */
export type LayoutSection = NonNullable<ObjectLayout['sections']>[number];

/** A section with the fields it shows; `other` gathers the fields no section places. */
export type FieldGroup = { id: string; label: LocalizedText | null; fields: FieldDef[]; collapsed: boolean; other?: boolean };

/** The id of the group of fields no section places. */
export const OTHER_SECTION = '__other';

/**
 * The detail page's groups: the layout's sections in order, each with the fields it names that
 * the page has (in the section's order), then the fields no section placed; null without sections.
 */
export function groupFields(fields: readonly FieldDef[], sections: readonly LayoutSection[] | null | undefined): FieldGroup[] | null {
  if (!sections?.length) return null;
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const placed = new Set<string>();
  const groups: FieldGroup[] = sections.map((s) => {
    const own = s.fields.flatMap((k) => {
      const f = byKey.get(k);
      if (!f || placed.has(k)) return [];
      placed.add(k);
      return [f];
    });
    return { id: s.id, label: s.label, fields: own, collapsed: !!s.collapsed };
  });
  const rest = fields.filter((f) => !placed.has(f.key));
  return rest.length ? [...groups, { id: OTHER_SECTION, label: null, fields: rest, collapsed: false, other: true }] : groups;
}

/** The list's default columns: the layout's, where they name fields the list has, else each field's own default. */
export function layoutColumns(fields: readonly FieldDef[], listColumns: readonly string[] | null | undefined): string[] {
  const known = new Set(fields.map((f) => f.key));
  const chosen = [...new Set(listColumns ?? [])].filter((k) => known.has(k));
  return chosen.length ? chosen : fields.filter((f) => f.listDefault).map((f) => f.key);
}
