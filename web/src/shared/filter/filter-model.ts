import type { Condition, ConditionGroup, FieldFilter, Filter, FilterOp, FilterValue } from './filter-types';
import { FILTER_OPS } from './filter-types';

const isBlank = (v: FilterValue): boolean => v === null || v === '' || (Array.isArray(v) && (v.length === 0 || v.every((x) => x === null || x === '')));

/** A condition is complete when it can be sent: isEmpty needs no value, between needs two. */
export function isComplete(c: Condition): boolean {
  if (!c.field) return false;
  if (c.op === 'isEmpty') return typeof c.value === 'boolean';
  if (c.op === 'between') return Array.isArray(c.value) && c.value.length === 2 && c.value.every((v) => !isBlank(v));
  return !isBlank(c.value);
}

function conditionToFilter(c: Condition): FieldFilter {
  return { [c.field]: { [c.op]: c.value } };
}

/** Builder rows -> API grammar; incomplete rows are dropped, a single row is not wrapped. */
export function groupToFilter(group: ConditionGroup): Filter | null {
  const parts = group.conditions.filter(isComplete).map(conditionToFilter);
  if (parts.length === 0) return null;
  if (parts.length === 1) return parts[0] ?? null;
  return group.conjunction === 'or' ? { or: parts } : { and: parts };
}

let seq = 0;
export const newConditionId = (): string => `c${Date.now().toString(36)}${(seq++).toString(36)}`;

const isOp = (k: string): k is FilterOp => (FILTER_OPS as readonly string[]).includes(k);

function fieldFilterToConditions(f: FieldFilter): Condition[] {
  const out: Condition[] = [];
  for (const [field, ops] of Object.entries(f)) {
    for (const [op, value] of Object.entries(ops ?? {})) {
      if (isOp(op) && value !== undefined) out.push({ id: newConditionId(), field, op, value });
    }
  }
  return out;
}

/**
 * API grammar -> builder rows. The builder shows one flat group; nested groups it cannot
 * represent return null so the caller can keep the raw filter instead of losing it.
 */
export function filterToGroup(filter: Filter | null | undefined): ConditionGroup | null {
  if (!filter) return { conjunction: 'and', conditions: [] };
  const conj = 'and' in filter ? 'and' : 'or' in filter ? 'or' : null;
  if (conj === null) return { conjunction: 'and', conditions: fieldFilterToConditions(filter as FieldFilter) };
  const parts = (filter as Record<string, Filter[]>)[conj] ?? [];
  const conditions: Condition[] = [];
  for (const part of parts) {
    if ('and' in part || 'or' in part) return null;
    conditions.push(...fieldFilterToConditions(part as FieldFilter));
  }
  return { conjunction: conj, conditions };
}

/** Combines the builder filter with a fixed one (e.g. a quick "my records" toggle). */
export function andFilters(...filters: (Filter | null | undefined)[]): Filter | null {
  const present = filters.filter((f): f is Filter => !!f);
  if (present.length === 0) return null;
  if (present.length === 1) return present[0] ?? null;
  return { and: present };
}
