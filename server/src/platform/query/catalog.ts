import { type RawBuilder, sql } from 'kysely';

export type FieldType = 'text' | 'number' | 'decimal' | 'date' | 'datetime' | 'boolean' | 'enum' | 'tags' | 'uuid';

/** One filterable/sortable field of an object as the API names it. */
export type FieldSpec = {
  type: FieldType;
  /** SQL for the value; a plain column name for built-in fields. */
  expr: RawBuilder<unknown>;
  nullable: boolean;
  sortable: boolean;
  values?: readonly string[];
  /**
   * The declared field whose value this entry reads when its name differs (`phone` reads the
   * `phones` digits): filtering or sorting on it needs read permission on that field if it is masked.
   */
  field?: string;
};

export type Catalog = Record<string, FieldSpec>;

const PG_TYPE: Record<FieldType, string> = {
  text: 'text',
  number: 'numeric',
  decimal: 'numeric',
  date: 'date',
  datetime: 'timestamptz',
  boolean: 'boolean',
  enum: 'text',
  tags: 'text[]',
  uuid: 'uuid',
};

/** A parameter cast to the field's SQL type, so comparisons use the column's semantics. */
export const typed = (type: FieldType, value: unknown) => sql`cast(${value} as ${sql.raw(PG_TYPE[type])})`;

/** A list parameter cast to an array of the field's SQL type (for `in` / `nin`). */
export const typedList = (type: FieldType, values: unknown) => sql`cast(${values} as ${sql.raw(`${PG_TYPE[type].replace('[]', '')}[]`)})`;

type ColumnOptions = { nullable?: boolean; sortable?: boolean; values?: readonly string[] };

/** A built-in column of the object's table. */
export const column = (name: string, type: FieldType, options: ColumnOptions = {}): FieldSpec => ({
  type,
  expr: sql.ref(name),
  nullable: options.nullable ?? true,
  sortable: options.sortable ?? type !== 'tags',
  ...(options.values ? { values: options.values } : {}),
});

/** Reads a custom value as its type (the `kehu_*` functions of 20261207T0100-custom-objects: leakproof, never raise). */
const READ_AS: Partial<Record<FieldType, string>> = {
  number: 'kehu_numeric',
  decimal: 'kehu_numeric',
  date: 'kehu_date',
  datetime: 'kehu_timestamptz',
  boolean: 'kehu_boolean',
  uuid: 'kehu_uuid',
};

/**
 * SQL for a custom value read with its type. The key is a literal (keys are validated
 * identifiers), so a filter's expression is the very one a custom object's field index holds.
 */
export function customValueExpr(key: string, type: FieldType, table?: string): RawBuilder<unknown> {
  const custom = table ? sql.ref(`${table}.custom`) : sql.ref('custom');
  if (type === 'tags') return sql`array(select jsonb_array_elements_text(coalesce(${custom}->${sql.lit(key)}, '[]'::jsonb)))`;
  const text = sql`${custom}->>${sql.lit(key)}`;
  const reader = READ_AS[type];
  return reader ? sql`${sql.raw(reader)}(${text})` : sql`(${text})`;
}

/** A custom field stored in the record's `custom` jsonb, read with the defined type. */
export function customField(key: string, type: FieldType, values?: readonly string[]): FieldSpec {
  return { type, expr: customValueExpr(key, type), nullable: true, sortable: type !== 'tags', ...(values ? { values } : {}) };
}
