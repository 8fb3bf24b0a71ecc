import type { Condition, ConditionGroup, FieldFilter, Filter, FilterNode, FilterOp, FilterValue } from './filter-types';
import { FILTER_OPS, isGroup } from './filter-types';

/** How deep groups may nest in the builder (the server allows five levels, and lists add one). */
export const MAX_GROUP_DEPTH = 3;

const isBlank = (v: FilterValue): boolean => v === null || v === '' || (Array.isArray(v) && (v.length === 0 || v.every((x) => x === null || x === '')));

/** A condition is complete when it can be sent: isEmpty needs no value, between needs two. */
export function isComplete(c: Condition): boolean {
  if (!c.field) return false;
  if (c.op === 'isEmpty') return typeof c.value === 'boolean';
  if (c.op === 'between') return Array.isArray(c.value) && c.value.length === 2 && c.value.every((v) => !isBlank(v));
  return !isBlank(c.value);
}

/** Complete conditions anywhere in the tree, e.g. for the filter button's badge. */
export function countComplete(group: ConditionGroup): number {
  return group.conditions.reduce((n, c) => n + (isGroup(c) ? countComplete(c) : isComplete(c) ? 1 : 0), 0);
}

function conditionToFilter(c: Condition): FieldFilter {
  return { [c.field]: { [c.op]: c.value } };
}

/** Builder tree -> API grammar; incomplete rows and empty groups are dropped, a lone part is not wrapped. */
export function groupToFilter(group: ConditionGroup): Filter | null {
  const parts = group.conditions
    .map((n) => (isGroup(n) ? groupToFilter(n) : isComplete(n) ? conditionToFilter(n) : null))
    .filter((f): f is Filter => f !== null);
  if (parts.length === 0) return null;
  if (parts.length === 1) return parts[0] ?? null;
  return group.conjunction === 'or' ? { or: parts } : { and: parts };
}

let seq = 0;
export const newConditionId = (): string => `c${Date.now().toString(36)}${(seq++).toString(36)}`;
export const emptyGroup = (conjunction: ConditionGroup['conjunction'] = 'and'): ConditionGroup => ({ id: newConditionId(), conjunction, conditions: [] });

const isOp = (k: string): k is FilterOp => (FILTER_OPS as readonly string[]).includes(k);

/** One grammar object -> builder nodes, all of which must hold (fields and/or nested and/or keys). */
function objectToNodes(filter: Filter): FilterNode[] {
  const out: FilterNode[] = [];
  for (const [key, body] of Object.entries(filter)) {
    if ((key === 'and' || key === 'or') && Array.isArray(body)) {
      out.push({ id: newConditionId(), conjunction: key, conditions: (body as Filter[]).flatMap((part) => partToNodes(part, key)) });
      continue;
    }
    if (!body || typeof body !== 'object') continue;
    for (const [op, value] of Object.entries(body as Record<string, FilterValue>)) {
      if (isOp(op) && value !== undefined) out.push({ id: newConditionId(), field: key, op, value });
    }
  }
  return out;
}

/** A part of an and/or list: several conditions in one object mean "all of", so under OR they get their own group. */
function partToNodes(part: Filter, parent: ConditionGroup['conjunction']): FilterNode[] {
  const nodes = objectToNodes(part);
  if (nodes.length <= 1) return nodes;
  return parent === 'and' ? nodes : [{ id: newConditionId(), conjunction: 'and', conditions: nodes }];
}

/** API grammar -> builder tree, nested groups included; unknown operators are skipped. */
export function filterToGroup(filter: Filter | null | undefined): ConditionGroup {
  if (!filter) return emptyGroup();
  const nodes = objectToNodes(filter);
  const only = nodes[0];
  if (nodes.length === 1 && only && isGroup(only)) return only;
  return { id: newConditionId(), conjunction: 'and', conditions: nodes };
}

/** Combines the builder filter with a fixed one (e.g. a quick "my records" toggle). */
export function andFilters(...filters: (Filter | null | undefined)[]): Filter | null {
  const present = filters.filter((f): f is Filter => !!f);
  if (present.length === 0) return null;
  if (present.length === 1) return present[0] ?? null;
  return { and: present };
}
