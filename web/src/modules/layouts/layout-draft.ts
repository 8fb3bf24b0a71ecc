import type { FieldDef, LocalizedText } from '#shared/fields/field-types';
import { layoutColumns, type ObjectLayout } from '#shared/records/layout';

/** The editor's container of fields no section places (the page shows them under "Other"). */
export const UNPLACED = '__unplaced';

export type DraftSection = { id: string; label: LocalizedText; fields: string[]; collapsed: boolean };
/** What the editor changes: the list's columns in order, and the detail page's sections. */
export type Draft = { columns: string[]; sections: DraftSection[] };

/** The editor's starting point: the saved layout, limited to fields the object still has, or the defaults. */
export function draftOf(layout: ObjectLayout | null, fields: readonly FieldDef[]): Draft {
  const known = new Set(fields.map((f) => f.key));
  const placed = new Set<string>();
  const sections = (layout?.sections ?? []).map((s) => ({
    id: s.id,
    label: { ...s.label },
    collapsed: !!s.collapsed,
    fields: s.fields.filter((k) => known.has(k) && !placed.has(k) && !!placed.add(k)),
  }));
  return { columns: layoutColumns(fields, layout?.listColumns), sections };
}

/** Fields no section places, in the object's field order. */
export function unplacedFields(draft: Draft, fields: readonly FieldDef[]): string[] {
  const placed = new Set(draft.sections.flatMap((s) => s.fields));
  return fields.map((f) => f.key).filter((k) => !placed.has(k));
}

/** The section holding a field, or UNPLACED. */
export function containerOf(draft: Draft, key: string): string {
  return draft.sections.find((s) => s.fields.includes(key))?.id ?? UNPLACED;
}

/** Moves a field into a section (at `index`, at the end when absent) or out of every section (UNPLACED). */
export function moveField(draft: Draft, key: string, to: string, index?: number): Draft {
  const sections = draft.sections.map((s) => {
    const fields = s.fields.filter((k) => k !== key);
    if (s.id !== to) return fields.length === s.fields.length ? s : { ...s, fields };
    const at = index === undefined ? fields.length : Math.max(0, Math.min(index, fields.length));
    return { ...s, fields: [...fields.slice(0, at), key, ...fields.slice(at)] };
  });
  return { ...draft, sections };
}

/**
 * Where a dragged field lands: on a container (`container:<id>`), at that container's end; on
 * another field, at that field's place in its container.
 */
export function dropField(draft: Draft, key: string, overId: string): Draft {
  if (overId === key) return draft;
  if (overId.startsWith('container:')) return moveField(draft, key, overId.slice('container:'.length));
  const to = containerOf(draft, overId);
  const target = draft.sections.find((s) => s.id === to);
  return moveField(draft, key, to, target?.fields.indexOf(overId));
}

/** Moves one column to another's place. */
export function moveColumnTo(columns: readonly string[], key: string, overKey: string): string[] {
  const from = columns.indexOf(key);
  const to = columns.indexOf(overKey);
  if (from < 0 || to < 0 || from === to) return [...columns];
  const next = columns.filter((k) => k !== key);
  next.splice(to, 0, key);
  return next;
}

export function toggleColumn(columns: readonly string[], key: string, on: boolean): string[] {
  const without = columns.filter((k) => k !== key);
  return on ? [...without, key] : without;
}

/** An id no section of the draft has (`section-3`). */
export function newSectionId(draft: Draft): string {
  const ids = new Set(draft.sections.map((s) => s.id));
  let n = draft.sections.length + 1;
  while (ids.has(`section-${n}`)) n += 1;
  return `section-${n}`;
}

export function addSection(draft: Draft, label: LocalizedText): Draft {
  return { ...draft, sections: [...draft.sections, { id: newSectionId(draft), label, fields: [], collapsed: false }] };
}

export function updateSection(draft: Draft, id: string, change: Partial<Pick<DraftSection, 'label' | 'collapsed'>>): Draft {
  return { ...draft, sections: draft.sections.map((s) => (s.id === id ? { ...s, ...change } : s)) };
}

/** Removes a section; its fields go back to "no section". */
export function removeSection(draft: Draft, id: string): Draft {
  return { ...draft, sections: draft.sections.filter((s) => s.id !== id) };
}

/** Moves a section one place up (-1) or down (1). */
export function shiftSection(draft: Draft, id: string, delta: -1 | 1): Draft {
  const i = draft.sections.findIndex((s) => s.id === id);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= draft.sections.length) return draft;
  const sections = [...draft.sections];
  [sections[i], sections[j]] = [sections[j] as DraftSection, sections[i] as DraftSection];
  return { ...draft, sections };
}

/** The PUT body: columns equal to the fields' own defaults and no sections are saved as null (the defaults). */
export function toRequest(draft: Draft, fields: readonly FieldDef[]): Pick<ObjectLayout, 'listColumns' | 'sections'> {
  const defaults = layoutColumns(fields, null);
  const same = defaults.length === draft.columns.length && defaults.every((k, i) => draft.columns[i] === k);
  return {
    listColumns: same ? null : draft.columns,
    sections: draft.sections.length
      ? draft.sections.map((s) => ({
          id: s.id,
          label: { zh: s.label.zh.trim(), en: s.label.en.trim() },
          fields: s.fields,
          ...(s.collapsed ? { collapsed: true } : {}),
        }))
      : null,
  };
}
