import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { AppError } from '../errors/app-error.ts';
import { type Catalog, type FieldSpec, type FieldType, typed, typedList } from './catalog.ts';

export const OPERATORS = ['eq', 'ne', 'in', 'nin', 'contains', 'startsWith', 'gt', 'gte', 'lt', 'lte', 'between', 'isEmpty'] as const;
export type Operator = (typeof OPERATORS)[number];

const ORDERED: Operator[] = ['eq', 'ne', 'in', 'nin', 'gt', 'gte', 'lt', 'lte', 'between', 'isEmpty'];
const ALLOWED: Record<FieldType, readonly Operator[]> = {
  text: ['eq', 'ne', 'in', 'nin', 'contains', 'startsWith', 'isEmpty'],
  enum: ['eq', 'ne', 'in', 'nin', 'isEmpty'],
  uuid: ['eq', 'ne', 'in', 'nin', 'isEmpty'],
  boolean: ['eq', 'ne', 'isEmpty'],
  tags: ['eq', 'contains', 'in', 'nin', 'isEmpty'],
  number: ORDERED,
  decimal: ORDERED,
  date: ORDERED,
  datetime: ORDERED,
};

const bad = (message: string, params: Record<string, unknown> = {}) => new AppError('validation', { errors: [{ field: 'filter', message, params }] });

const SCALAR_CHECK: Record<FieldType, { test: (v: unknown) => boolean; expected: string }> = {
  text: { test: (v) => typeof v === 'string', expected: 'a string' },
  enum: { test: (v) => typeof v === 'string', expected: 'a string' },
  tags: { test: (v) => typeof v === 'string', expected: 'a string' },
  uuid: { test: (v) => typeof v === 'string' && /^[0-9a-f-]{36}$/i.test(v), expected: 'a UUID' },
  boolean: { test: (v) => typeof v === 'boolean', expected: 'true or false' },
  number: { test: (v) => isNumeric(v), expected: 'a number' },
  decimal: { test: (v) => isNumeric(v), expected: 'a number' },
  date: { test: (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)), expected: 'an ISO date' },
  datetime: { test: (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)), expected: 'an ISO date-time' },
};

function isNumeric(v: unknown) {
  return (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v));
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

function checkValue(name: string, spec: FieldSpec, op: Operator, value: unknown) {
  const check = SCALAR_CHECK[spec.type];
  const fail = (expected: string) => bad('fields.bad_filter_value', { field: name, op, expected });
  if (op === 'isEmpty') {
    if (typeof value !== 'boolean') throw fail('true or false');
  } else if (op === 'in' || op === 'nin') {
    if (!Array.isArray(value) || value.length === 0 || value.length > 1000 || !value.every(check.test)) throw fail(`a list of ${check.expected}`);
  } else if (op === 'between') {
    if (!Array.isArray(value) || value.length !== 2 || !value.every(check.test)) throw fail(`[from, to], each ${check.expected}`);
  } else if (!check.test(value)) {
    throw fail(check.expected);
  }
  if (spec.values && (op === 'eq' || op === 'ne' || op === 'in' || op === 'nin')) {
    const list = Array.isArray(value) ? value : [value];
    if (!list.every((v) => spec.values?.includes(v as string))) throw fail(`one of ${spec.values.join(', ')}`);
  }
}

function condition(spec: FieldSpec, op: Operator, value: unknown): RawBuilder<SqlBool> {
  const { expr, type } = spec;
  if (type === 'tags') {
    const list = Array.isArray(value) ? value : [value];
    switch (op) {
      case 'isEmpty':
        return value ? sql`coalesce(cardinality(${expr}), 0) = 0` : sql`cardinality(${expr}) > 0`;
      case 'nin':
        return sql`not (${expr} && ${typed('tags', list)})`;
      default:
        return sql`${expr} && ${typed('tags', list)}`;
    }
  }
  const v = (x: unknown) => typed(type, x);
  switch (op) {
    case 'eq':
      return sql`${expr} = ${v(value)}`;
    case 'ne':
      return sql`${expr} is distinct from ${v(value)}`;
    case 'in':
      return sql`${expr} = any(${typedList(type, value)})`;
    case 'nin':
      return sql`not coalesce(${expr} = any(${typedList(type, value)}), false)`;
    case 'contains':
      return sql`${expr} ilike ${`%${escapeLike(String(value))}%`}`;
    case 'startsWith':
      return sql`${expr} ilike ${`${escapeLike(String(value))}%`}`;
    case 'gt':
      return sql`${expr} > ${v(value)}`;
    case 'gte':
      return sql`${expr} >= ${v(value)}`;
    case 'lt':
      return sql`${expr} < ${v(value)}`;
    case 'lte':
      return sql`${expr} <= ${v(value)}`;
    case 'between': {
      const [from, to] = value as [unknown, unknown];
      return sql`${expr} between ${v(from)} and ${v(to)}`;
    }
    case 'isEmpty': {
      const empty = type === 'text' ? sql<SqlBool>`coalesce(${expr}, '') = ''` : sql<SqlBool>`${expr} is null`;
      return value ? empty : sql`not (${empty})`;
    }
  }
}

const MAX_DEPTH = 5;

function compileNode(node: unknown, catalog: Catalog, depth: number): RawBuilder<SqlBool> {
  if (depth > MAX_DEPTH || node === null || typeof node !== 'object' || Array.isArray(node)) throw bad('fields.bad_filter');
  const parts: RawBuilder<SqlBool>[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'and' || key === 'or') {
      if (!Array.isArray(value) || value.length === 0) throw bad('fields.bad_filter');
      const children = value.map((child) => compileNode(child, catalog, depth + 1));
      parts.push(sql`(${sql.join(children, sql.raw(key === 'and' ? ' and ' : ' or '))})`);
      continue;
    }
    const spec = Object.hasOwn(catalog, key) ? catalog[key] : undefined;
    if (!spec) throw bad('fields.unknown_filter_field', { field: key });
    const ops = value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value) : [['eq', value] as const];
    if (ops.length === 0) throw bad('fields.bad_filter');
    for (const [op, operand] of ops) {
      if (!(ALLOWED[spec.type] as readonly string[]).includes(op)) throw bad('fields.bad_operator', { field: key, op, type: spec.type });
      checkValue(key, spec, op as Operator, operand);
      parts.push(condition(spec, op as Operator, operand));
    }
  }
  if (parts.length === 0) throw bad('fields.bad_filter');
  return parts.length === 1 ? (parts[0] as RawBuilder<SqlBool>) : sql`(${sql.join(parts, sql.raw(' and '))})`;
}

/** Parses the `filter` query parameter (JSON text) into a SQL condition, or null when absent. */
export function compileFilter(raw: string | undefined, catalog: Catalog): RawBuilder<SqlBool> | null {
  if (raw === undefined || raw === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw bad('fields.bad_filter');
  }
  return compileNode(parsed, catalog, 0);
}
