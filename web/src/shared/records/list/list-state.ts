import type { ConditionGroup } from '#shared/filter/filter-types';
import type { FieldDef } from '#shared/fields/field-types';

/** Everything that defines what a list shows; saved views store the same shape. */
export type ListView = {
  group: ConditionGroup;
  sort: string;
  columns: string[];
};

export const DEFAULT_SORT = '-createdAt';

export function defaultColumns(fields: FieldDef[]): string[] {
  return fields.filter((f) => f.listDefault).map((f) => f.key);
}

export const emptyView = (fields: FieldDef[]): ListView => ({
  group: { conjunction: 'and', conditions: [] },
  sort: DEFAULT_SORT,
  columns: defaultColumns(fields),
});

/** `-createdAt` <-> antd's {field, order}. */
export function parseSort(sort: string): { field: string; order: 'ascend' | 'descend' } | null {
  const first = sort.split(',')[0]?.trim();
  if (!first) return null;
  return first.startsWith('-') ? { field: first.slice(1), order: 'descend' } : { field: first, order: 'ascend' };
}

export function toSort(field: string | undefined, order: 'ascend' | 'descend' | null | undefined): string {
  if (!field || !order) return DEFAULT_SORT;
  return order === 'descend' ? `-${field}` : field;
}
