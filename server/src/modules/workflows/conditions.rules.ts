/** A field's change as events carry it (`payload.changes`): API field names, `custom.<key>` for custom fields. */
export type ChangeSet = Record<string, { from: unknown; to: unknown }>;

/** The operators a rule condition adds to the filter grammar; they read the event, not the record. */
export const CHANGE_OPERATORS = ['changed', 'changedFrom', 'changedTo'] as const;
export type ChangeOperator = (typeof CHANGE_OPERATORS)[number];

type Node = Record<string, unknown>;
const isObject = (v: unknown): v is Node => v !== null && typeof v === 'object' && !Array.isArray(v);
const isChangeOp = (op: string): op is ChangeOperator => (CHANGE_OPERATORS as readonly string[]).includes(op);
const NUMERIC = /^-?\d+(\.\d+)?$/;

/** Loose equality for a changed value: `100` matches `"100.00"`, anything else compares as JSON. */
export function sameValue(a: unknown, b: unknown): boolean {
  if ((typeof a === 'number' || typeof a === 'string') && (typeof b === 'number' || typeof b === 'string')) {
    if (NUMERIC.test(String(a)) && NUMERIC.test(String(b))) return Number(a) === Number(b);
    return String(a) === String(b);
  }
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function changeHolds(changes: ChangeSet | null, field: string, op: ChangeOperator, value: unknown): boolean {
  const change = changes && Object.hasOwn(changes, field) ? changes[field] : undefined;
  switch (op) {
    case 'changed':
      return value === false ? !change : !!change;
    case 'changedFrom':
      return !!change && sameValue(change.from, value);
    case 'changedTo':
      return !!change && sameValue(change.to, value);
  }
}

const and = (parts: (boolean | Node)[]): boolean | Node => {
  if (parts.some((p) => p === false)) return false;
  const rest = parts.filter((p): p is Node => p !== true);
  return rest.length === 0 ? true : rest.length === 1 ? (rest[0] as Node) : { and: rest };
};
const or = (parts: (boolean | Node)[]): boolean | Node => {
  if (parts.some((p) => p === true)) return true;
  const rest = parts.filter((p): p is Node => p !== false);
  return rest.length === 0 ? false : rest.length === 1 ? (rest[0] as Node) : { or: rest };
};

/**
 * Decides the change operators against the event's changes and simplifies the tree: true or
 * false when that settles it, else what is left, plain filter grammar for the record query.
 */
export function resolveChanges(node: unknown, changes: ChangeSet | null): boolean | Node {
  if (!isObject(node)) return true;
  const parts: (boolean | Node)[] = [];
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'and' || key === 'or') && Array.isArray(value)) {
      const children = value.map((child) => resolveChanges(child, changes));
      parts.push(key === 'and' ? and(children) : or(children));
      continue;
    }
    if (!isObject(value)) {
      parts.push({ [key]: value });
      continue;
    }
    const kept: Node = {};
    for (const [op, operand] of Object.entries(value)) {
      if (isChangeOp(op)) parts.push(changeHolds(changes, key, op, operand));
      else kept[op] = operand;
    }
    if (Object.keys(kept).length > 0) parts.push({ [key]: kept });
  }
  return and(parts);
}

/** Every change operator in the tree, for validation at save. */
export function changeOperators(node: unknown): { field: string; op: ChangeOperator; value: unknown }[] {
  if (!isObject(node)) return [];
  return Object.entries(node).flatMap(([key, value]) => {
    if ((key === 'and' || key === 'or') && Array.isArray(value)) return value.flatMap(changeOperators);
    if (!isObject(value)) return [];
    return Object.entries(value).flatMap(([op, operand]) => (isChangeOp(op) ? [{ field: key, op, value: operand }] : []));
  });
}

/** The tree without its change operators (what the filter grammar must accept), or null when nothing is left. */
export function withoutChangeOperators(node: unknown): Node | null {
  if (!isObject(node)) return null;
  const out: Node = {};
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'and' || key === 'or') && Array.isArray(value)) {
      const children = value.map(withoutChangeOperators).filter((c): c is Node => c !== null);
      if (children.length > 0) out[key] = children;
      continue;
    }
    if (!isObject(value)) {
      out[key] = value;
      continue;
    }
    const kept = Object.fromEntries(Object.entries(value).filter(([op]) => !isChangeOp(op)));
    // An empty operator object is the grammar's own error to report; only drop what was change-only.
    if (Object.keys(kept).length > 0 || Object.keys(value).length === 0) out[key] = kept;
  }
  return Object.keys(out).length > 0 ? out : null;
}

/** A trigger's "field X changed (from A to B)" as conditions, so both go through one evaluation. */
export function triggerConditions(t: { field?: string; from?: unknown; to?: unknown }): Node | null {
  if (!t.field) return null;
  const ops: Node = { changed: true };
  if (t.from !== undefined) ops.changedFrom = t.from;
  if (t.to !== undefined) ops.changedTo = t.to;
  return { [t.field]: ops };
}
