import type { CustomFieldDef } from '#platform/custom-fields/custom-fields.types.ts';
import type { ObjectDeclaration } from '#platform/objects/object-registry.ts';
import { customClassification } from './processing.rules.ts';

/** A personal field as stored: a column of the object's table, or a key of its `custom` jsonb. */
export type PersonalField =
  | { field: string; custom: false; column: string; json: boolean; encrypted: boolean; required: boolean; matchable: boolean }
  | { field: string; custom: true; key: string; matchable: boolean };

/** Where a subject is looked for, and what points at the subject's records, per object: derived from the declarations only. */
export type ObjectPlan = {
  object: string;
  label: { zh: string; en: string };
  table: string;
  personal: PersonalField[];
  /** column (or `custom.<key>`) -> the object table it points to. */
  refs: { column: string; custom: boolean; table: string }[];
  hasName: boolean;
};

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Custom field types whose value is the person's e-mail or phone, so the subject is found by them. */
const MATCHABLE = new Set<CustomFieldDef['type']>(['email', 'phone', 'text']);

/**
 * One object's plan: its personal and sensitive fields (declared and custom) that the table
 * really has, and the references (declared and custom lookups) a related record points with.
 */
export function objectPlan(o: {
  declaration: ObjectDeclaration;
  defs: CustomFieldDef[];
  columns: Map<string, { nullable: boolean }>;
  tableOf: (object: string) => string | undefined;
}): ObjectPlan | null {
  const def = o.declaration.definition;
  if (!def) return null;
  const encrypted = new Set<string>(def.sensitive.filter((s) => s.encrypted).map((s) => s.field));
  const declared = (def.fields ?? []).flatMap((f): PersonalField[] => {
    if (f.classification === 'none') return [];
    const column = snake(f.name);
    const info = o.columns.get(column);
    if (!info) return [];
    const isEncrypted = encrypted.has(f.name);
    return [
      {
        field: f.name,
        custom: false,
        column,
        json: f.type === 'json',
        encrypted: isEncrypted,
        required: !info.nullable,
        matchable: !isEncrypted && (f.type === 'json' || f.type === 'text'),
      },
    ];
  });
  const custom = o.defs.flatMap((d): PersonalField[] => {
    const classification = customClassification(d);
    return classification ? [{ field: `custom.${d.key}`, custom: true, key: d.key, matchable: !d.sensitive && MATCHABLE.has(d.type) }] : [];
  });
  // `related` names a custom lookup `custom.<key>`; custom lookups are also read from their definitions.
  const declaredRefs = Object.entries({ ...def.references, ...def.related }).map(([column, table]) =>
    column.startsWith('custom.') ? { column: column.slice(7), custom: true, table } : { column, custom: false, table },
  );
  const customRefs = o.defs.flatMap((d) => {
    const table = d.type === 'lookup' && d.target ? o.tableOf(d.target) : undefined;
    return table ? [{ column: d.key, custom: true, table }] : [];
  });
  const refs = new Map([...declaredRefs, ...customRefs].map((r) => [`${r.custom}:${r.column}`, r]));
  return {
    object: o.declaration.name,
    label: o.declaration.label,
    table: def.table,
    personal: [...declared, ...custom],
    refs: [...refs.values()].filter((r) => r.custom || o.columns.has(r.column)),
    hasName: o.columns.has('name'),
  };
}
