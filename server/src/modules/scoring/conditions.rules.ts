/** The operators a scoring or assignment condition may use on a lead field. */
export const CONDITION_OPERATORS = ['eq', 'ne', 'in', 'nin', 'contains', 'startsWith', 'gt', 'gte', 'lt', 'lte', 'isEmpty', 'isNotEmpty'] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

export type ConditionValue = string | number | boolean | string[] | null | undefined;
export type Condition = { field: string; operator: ConditionOperator; value?: ConditionValue };

/** Operators that need no value. */
export const UNARY_OPERATORS: readonly ConditionOperator[] = ['isEmpty', 'isNotEmpty'];

const norm = (v: unknown) => String(v).trim().toLocaleLowerCase();
const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
const asList = (v: ConditionValue): string[] => (Array.isArray(v) ? v : v === null || v === undefined ? [] : [String(v)]).map(norm);

function compareNumbers(actual: unknown, expected: ConditionValue, test: (a: number, b: number) => boolean): boolean {
  const a = Number(actual);
  const b = Number(expected);
  return !isEmpty(actual) && Number.isFinite(a) && Number.isFinite(b) && test(a, b);
}

/**
 * True when the field value satisfies the condition. Text compares trimmed and
 * case-insensitively (Chinese text is unaffected); a list value (tags) matches when any
 * element does, as users expect of "tag is VIP".
 */
export function matchesCondition(actual: unknown, c: Pick<Condition, 'operator' | 'value'>): boolean {
  if (Array.isArray(actual) && !UNARY_OPERATORS.includes(c.operator)) {
    if (c.operator === 'ne' || c.operator === 'nin') return actual.every((a) => matchesCondition(a, c));
    return actual.some((a) => matchesCondition(a, c));
  }
  switch (c.operator) {
    case 'isEmpty':
      return isEmpty(actual);
    case 'isNotEmpty':
      return !isEmpty(actual);
    case 'eq':
      return !isEmpty(actual) && norm(actual) === norm(c.value);
    case 'ne':
      return isEmpty(actual) || norm(actual) !== norm(c.value);
    case 'in':
      return !isEmpty(actual) && asList(c.value).includes(norm(actual));
    case 'nin':
      return isEmpty(actual) || !asList(c.value).includes(norm(actual));
    case 'contains':
      return !isEmpty(actual) && norm(actual).includes(norm(c.value));
    case 'startsWith':
      return !isEmpty(actual) && norm(actual).startsWith(norm(c.value));
    case 'gt':
      return compareNumbers(actual, c.value, (a, b) => a > b);
    case 'gte':
      return compareNumbers(actual, c.value, (a, b) => a >= b);
    case 'lt':
      return compareNumbers(actual, c.value, (a, b) => a < b);
    case 'lte':
      return compareNumbers(actual, c.value, (a, b) => a <= b);
  }
}

/** Reads `industry` or `custom.budget` from a lead's field map. */
export function fieldValue(fields: Record<string, unknown>, field: string): unknown {
  if (field.startsWith('custom.')) return (fields.custom as Record<string, unknown> | undefined)?.[field.slice(7)];
  return fields[field];
}

export function matchesAll(fields: Record<string, unknown>, conditions: Condition[], match: 'all' | 'any' = 'all'): boolean {
  if (conditions.length === 0) return true;
  const test = (c: Condition) => matchesCondition(fieldValue(fields, c.field), c);
  return match === 'all' ? conditions.every(test) : conditions.some(test);
}
