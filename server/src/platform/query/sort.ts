import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { AppError } from '../errors/app-error.ts';
import { type Catalog, type FieldSpec, typed } from './catalog.ts';

export type SortKey = { name: string; spec: FieldSpec; desc: boolean };

const badSort = (field: string) => new AppError('validation', { errors: [{ field: 'sort', message: 'fields.unknown_sort_field', params: { field } }] });
const badCursor = () => new AppError('validation', { errors: [{ field: 'cursor', message: 'fields.bad_cursor' }] });

/** Parses `-createdAt,name` and appends the id as the final tie-breaker. */
export function parseSort(raw: string | undefined, catalog: Catalog, fallback: string): SortKey[] {
  const keys: SortKey[] = [];
  for (const part of (raw || fallback)
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const desc = part.startsWith('-');
    const name = desc ? part.slice(1) : part;
    const spec = Object.hasOwn(catalog, name) ? catalog[name] : undefined;
    if (!spec?.sortable || name === 'id') throw badSort(name);
    keys.push({ name, spec, desc });
  }
  const last = keys.at(-1);
  keys.push({ name: 'id', spec: { type: 'uuid', expr: sql.ref('id'), nullable: false, sortable: true }, desc: last?.desc ?? false });
  return keys;
}

/**
 * `order by` items; nulls always sort last so the keyset comparison below stays simple. Columns
 * that cannot be null get a plain `desc`/`asc`, which a `(created_at desc, id desc)` index serves.
 */
export const orderBy = (keys: SortKey[]) =>
  sql.join(keys.map((k) => sql`${k.spec.expr} ${sql.raw(k.desc ? 'desc' : 'asc')}${sql.raw(k.spec.nullable ? ' nulls last' : '')}`));

/** The sort values selected beside each row (as text, to keep microseconds) to build the next cursor. */
export const cursorColumns = (keys: SortKey[]) => keys.map((k, i) => sql<string | null>`cast(${k.spec.expr} as text)`.as(`_k${i}`));

export function encodeCursor(row: Record<string, unknown>, keys: SortKey[]): string {
  return Buffer.from(JSON.stringify(keys.map((_, i) => row[`_k${i}`] ?? null))).toString('base64url');
}

export function decodeCursor(raw: string, keys: SortKey[]): (string | null)[] {
  try {
    const values = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(values) && values.length === keys.length && values.every((v) => v === null || typeof v === 'string')) {
      if (values.at(-1) !== null) return values as (string | null)[];
    }
  } catch {}
  throw badCursor();
}

/** The keyset condition "strictly after the cursor row" for the given sort. */
export function afterCursor(keys: SortKey[], values: (string | null)[]): RawBuilder<SqlBool> {
  const uniform = keys.every((k) => !k.spec.nullable && k.desc === keys[0]?.desc) && values.every((v) => v !== null);
  if (uniform) {
    // Row comparison lets PostgreSQL walk a matching composite index straight to the page.
    const left = sql.join(keys.map((k) => k.spec.expr));
    const right = sql.join(keys.map((k, i) => typed(k.spec.type, values[i])));
    return sql`(${left}) ${sql.raw(keys[0]?.desc ? '<' : '>')} (${right})`;
  }
  const branches: RawBuilder<SqlBool>[] = [];
  const equalSoFar: RawBuilder<SqlBool>[] = [];
  keys.forEach((key, i) => {
    const value = values[i] ?? null;
    const { expr, type } = key.spec;
    if (value !== null) {
      const beyond = sql<SqlBool>`(${expr} ${sql.raw(key.desc ? '<' : '>')} ${typed(type, value)} or ${expr} is null)`;
      branches.push(sql.join([...equalSoFar, beyond], sql` and `) as RawBuilder<SqlBool>);
      equalSoFar.push(sql`${expr} = ${typed(type, value)}`);
    } else {
      equalSoFar.push(sql`${expr} is null`);
    }
  });
  return branches.length
    ? sql`(${sql.join(
        branches.map((b) => sql`(${b})`),
        sql` or `,
      )})`
    : sql`false`;
}
