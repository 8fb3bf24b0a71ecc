export const FILTER_OPS = ['eq', 'ne', 'in', 'nin', 'contains', 'startsWith', 'gt', 'gte', 'lt', 'lte', 'between', 'isEmpty'] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

export type Scalar = string | number | boolean | null;
export type FilterValue = Scalar | Scalar[];

/** The API's filter grammar: `{"city":{"eq":"北京"}}`, `{"and":[...]}`, `{"or":[...]}`, nested at will. */
export type FieldFilter = { [field: string]: Partial<Record<FilterOp, FilterValue>> };
export type Filter = FieldFilter | { and: Filter[] } | { or: Filter[] };

/** One row of the filter builder. */
export type Condition = { id: string; field: string; op: FilterOp; value: FilterValue };
export type Conjunction = 'and' | 'or';
/** Rows and nested groups joined by one conjunction; a group inside a group is its own (…). */
export type ConditionGroup = { id?: string; conjunction: Conjunction; conditions: FilterNode[] };
export type FilterNode = Condition | ConditionGroup;

export const isGroup = (n: FilterNode): n is ConditionGroup => 'conjunction' in n;
