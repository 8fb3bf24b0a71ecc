import { z } from 'zod';
import type { FieldCipher } from '../crypto/field-crypto.ts';
import type { FieldError } from '../errors/app-error.ts';
import type { MapContext, WriteSettings } from '../records/object-definition.ts';
import type { Row } from '../records/records.repo.ts';

/**
 * The field vocabulary a module declares its objects with (docs/adding-a-module.md). One
 * declaration per field; `defineFields` (object-fields.ts) derives the column catalog, row <-> API
 * mapping, request and response schemas, masking and the field list from it.
 */
export type FieldKind = 'text' | 'enum' | 'uuid' | 'date' | 'datetime' | 'integer' | 'decimal' | 'boolean' | 'tags' | 'json' | 'custom' | 'computed';

/** How privacy and logs treat a value: personal data (a person's contact details) or sensitive (ID numbers). */
export type Classification = 'none' | 'personal' | 'sensitive';

export type WriteContext = { errors: FieldError[]; cipher: FieldCipher; write: WriteSettings; input: Record<string, unknown> };

export type Field<O extends z.ZodType = z.ZodType, I extends z.ZodType | undefined = z.ZodType | undefined> = {
  kind: FieldKind;
  /** Response schema. */
  output: O;
  /** Request schema (create and PATCH); undefined for a field only the server sets. */
  input: I;
  /** Column, or undefined for the snake_case of the API name; null when nothing is stored (computed). */
  column?: string | null;
  nullable: boolean;
  /** In the filter/sort catalog (`?filter=`, `?sort=`). */
  filter: boolean;
  sort: boolean;
  values?: readonly string[];
  /** Longest text a request may send. */
  max?: number;
  classification: Classification;
  /** Masked unless the role may read the field (`fields` in roles); `encrypted`: stored with the tenant's key. */
  mask?: { mask: (value: string) => string; encrypted: boolean };
  /** Table a reference points to (checked on write unless `verify` is false); `named`: its name is loaded for `refName`. */
  ref?: { table: string; named?: boolean; verify?: boolean };
  /** Written by the platform (owner, custom fields) or the object's own hooks, not by the field mapping. */
  platform?: boolean;
  read?: (value: unknown, row: Row, ctx: MapContext) => unknown;
  write?: (value: unknown, ctx: WriteContext) => unknown;
};

type Common = {
  column?: string;
  /** Server-set: in responses, not in request bodies. */
  readOnly?: boolean;
  filter?: boolean;
  sort?: boolean;
  classification?: Classification;
};
type Nullable<T extends z.ZodType, R> = R extends true ? T : z.ZodNullable<T>;
type Input<T extends z.ZodType | undefined, RO> = RO extends true ? undefined : T;

const iso = (d: unknown) => (d instanceof Date ? d.toISOString() : d == null ? null : String(d));
/** A date column as `yyyy-mm-dd`: PGlite hands back UTC midnight, node-postgres local midnight. */
export const calendarDay = (d: unknown): string | null =>
  d == null ? null : d instanceof Date ? (d.getUTCHours() === 0 ? d.toISOString().slice(0, 10) : d.toLocaleDateString('sv')) : String(d).slice(0, 10);

function field<O extends z.ZodType, I extends z.ZodType | undefined>(
  kind: FieldKind,
  o: Common & { required?: boolean },
  output: O,
  input: I,
  extra: Partial<Omit<Field, 'kind' | 'output' | 'input'>> = {},
): Field<O, I> {
  return {
    kind,
    output,
    input: (o.readOnly ? undefined : input) as I,
    ...(o.column ? { column: o.column } : {}),
    nullable: !o.required,
    filter: o.filter ?? true,
    sort: o.sort ?? true,
    classification: o.classification ?? 'none',
    ...extra,
  };
}

const maybe = <T extends z.ZodType>(schema: T, required: boolean | undefined) => (required ? schema : schema.nullable());

/**
 * Text up to `max` characters, trimmed; `required`: never null and not empty. `input` replaces the
 * request schema (a URL, a currency code); the response is still a string.
 */
export function text<const R extends boolean = false, const RO extends boolean = false, S extends z.ZodType = z.ZodString>(
  o: Common & { max: number; required?: R; readOnly?: RO; input?: S },
): Field<Nullable<z.ZodString, R>, NoInfer<Input<Nullable<S, R>, RO>>> {
  const trimmed = z.string().trim().max(o.max);
  const input = o.input ?? (o.required ? trimmed.min(1) : trimmed);
  return field('text', o, maybe(z.string(), o.required), maybe(input, o.required), { max: o.max }) as never;
}

/** One of `values`; `settable` narrows what a request may set (the rest come from actions, e.g. `converted`). */
export function enumOf<const V extends readonly [string, ...string[]], const R extends boolean = false, const RO extends boolean = false>(
  values: V,
  o: Common & { required?: R; readOnly?: RO; settable?: readonly [string, ...string[]] } = {},
): Field<Nullable<z.ZodEnum<{ [K in V[number]]: K }>, R>, Input<Nullable<z.ZodEnum, R>, RO>> {
  const input = z.enum(o.settable ?? values);
  return field('enum', o, maybe(z.enum(values), o.required), maybe(input, o.required), { values }) as never;
}

/**
 * An id pointing at a record of `to`: checked on write that the table holds it (unless the
 * object's `prepare` checks it itself: `verify: false`); `named` loads its name for a `refName` field.
 */
export function ref<const R extends boolean = false, const RO extends boolean = false>(
  o: Common & { to?: string; named?: boolean; verify?: boolean; required?: R; readOnly?: RO } = {},
): Field<Nullable<z.ZodString, R>, Input<Nullable<z.ZodString, R>, RO>> {
  const extra: Partial<Omit<Field, 'kind' | 'output' | 'input'>> = o.to
    ? { ref: { table: o.to, ...(o.named ? { named: o.named } : {}), ...(o.verify === false ? { verify: false } : {}) } }
    : {};
  return field('uuid', o, maybe(z.string(), o.required), maybe(z.uuid(), o.required), extra) as never;
}

/** A timestamp, served as ISO 8601. */
export function datetime<const R extends boolean = false, const RO extends boolean = true>(
  o: Common & { required?: R; readOnly?: RO } = {},
): Field<Nullable<z.ZodString, R>, Input<Nullable<z.ZodString, R>, RO>> {
  return field('datetime', { readOnly: true, ...o }, maybe(z.string(), o.required), maybe(z.iso.datetime({ offset: true }), o.required), {
    read: iso,
  }) as never;
}

/** A calendar day, `yyyy-mm-dd`. */
export function date<const R extends boolean = false, const RO extends boolean = false>(
  o: Common & { required?: R; readOnly?: RO } = {},
): Field<Nullable<z.ZodString, R>, Input<Nullable<z.ZodString, R>, RO>> {
  return field('date', o, maybe(z.string(), o.required), maybe(z.iso.date(), o.required), { read: calendarDay }) as never;
}

/** PostgreSQL `integer` (int4): a larger whole number would fail in the database, not in validation. */
export const INT4 = { min: -2_147_483_648, max: 2_147_483_647 } as const;

/** A whole number within [min, max], and always within the `integer` column's range. */
export function integer<const R extends boolean = false, const RO extends boolean = false>(
  o: Common & { min?: number; max?: number; required?: R; readOnly?: RO } = {},
): Field<Nullable<z.ZodNumber, R>, Input<Nullable<z.ZodNumber, R>, RO>> {
  const input = z
    .number()
    .int()
    .min(Math.max(o.min ?? INT4.min, INT4.min))
    .max(Math.min(o.max ?? INT4.max, INT4.max));
  return field('integer', o, maybe(z.number(), o.required), maybe(input, o.required)) as never;
}

export type DecimalInputOptions = {
  /** The column's `numeric(precision, scale)`; 20, 2 by default (money). */
  precision?: number;
  scale?: number;
  /** 0: no negative numbers. */
  min?: 0;
};

/**
 * A request value for a `numeric(precision, scale)` column: a JSON number or a decimal string,
 * kept as written (never through a float) and refused unless it fits the column: 1e30, "12abc"
 * or 3 decimals in a 2-place column are a 400 with the field's limits, not a database error.
 */
export function decimalInput(o: DecimalInputOptions = {}) {
  const precision = o.precision ?? 20;
  const scale = o.scale ?? 2;
  const digits = precision - scale;
  const pattern = new RegExp(`^${o.min === 0 ? '' : '-?'}\\d{1,${digits}}${scale > 0 ? `(\\.\\d{1,${scale}})?` : ''}$`);
  const message = o.min === 0 ? 'fields.invalid_decimal_nonnegative' : 'fields.invalid_decimal';
  return z
    .union([z.string().max(precision + 3), z.number()])
    .transform((v) => String(v).trim())
    .refine((v) => pattern.test(v), { message, params: { digits, scale } });
}

/** Money and other exact numbers: a decimal string out (never a float); a request may send what `decimalInput` takes, or `input`. */
export function decimal<const R extends boolean = false, const RO extends boolean = false, S extends z.ZodType = ReturnType<typeof decimalInput>>(
  o: Common & DecimalInputOptions & { input?: S; required?: R; readOnly?: RO } = {},
): Field<Nullable<z.ZodString, R>, NoInfer<Input<Nullable<S, R>, RO>>> {
  return field('decimal', o, maybe(z.string(), o.required), maybe(o.input ?? decimalInput(o), o.required)) as never;
}

export function boolean<const RO extends boolean = false>(o: Common & { readOnly?: RO } = {}): Field<z.ZodBoolean, Input<z.ZodBoolean, RO>> {
  return field('boolean', { ...o, required: true }, z.boolean(), z.boolean()) as never;
}

/** Free tags: unique, each 1-50 characters, at most 50. */
export function tags<const RO extends boolean = false>(o: Common & { readOnly?: RO } = {}): Field<z.ZodArray<z.ZodString>, Input<z.ZodArray<z.ZodString>, RO>> {
  return field('tags', { sort: false, ...o, required: true }, z.array(z.string()), z.array(z.string().trim().max(50).min(1)).max(50), {
    write: (value) => [...new Set(value as string[])],
  }) as never;
}

/**
 * A jsonb value (phones, e-mails, an address): `input`/`output` say its shape, `write` may
 * normalize it (pushing field errors); it is serialized for the driver.
 */
export function json<O extends z.ZodType, I extends z.ZodType, const RO extends boolean = false>(o: {
  output: O;
  input: I;
  column?: string;
  readOnly?: RO;
  classification?: Classification;
  write?: (value: unknown, ctx: WriteContext) => unknown;
}): Field<O, Input<I, RO>> {
  const normalize = o.write;
  return field('json', { ...o, filter: false, sort: false, required: true }, o.output, o.input, {
    nullable: o.output.safeParse(null).success,
    write: (value, ctx) => (value === null ? null : JSON.stringify(normalize ? normalize(value, ctx) : value)),
  }) as never;
}

/** A value computed from the row when it is served (not stored, not filterable). */
export function computed<O extends z.ZodType>(output: O, read: (row: Row, ctx: MapContext) => z.infer<O>): Field<O, undefined> {
  return {
    kind: 'computed',
    output,
    input: undefined,
    column: null,
    // May be absent or null (`lookups` is sent only for objects with lookup fields): not required.
    nullable: output.safeParse(null).success || output.safeParse(undefined).success,
    filter: false,
    sort: false,
    classification: 'none',
    read: (_v, row, ctx) => read(row, ctx),
  };
}

const recordRef = z.object({ id: z.string(), name: z.string() });

/** `{id, name}` of the record a `ref({ named: true })` column points to (a contact's company). */
export const refName = (column: string) =>
  computed(recordRef.nullable(), (row, ctx) => (row[column] ? (ctx.related.get(row[column] as string) ?? null) : null));

/**
 * Marks a field masked for roles without read permission on it (`fields` in roles); `encrypted`:
 * stored with the tenant's key. Classified sensitive unless it says personal (phones: masked, not secret).
 */
export function masked<F extends Field>(f: F, mask: (value: string) => string, o: { encrypted?: boolean } = {}): F {
  const encrypted = o.encrypted ?? false;
  return {
    ...f,
    classification: f.classification === 'none' ? 'sensitive' : f.classification,
    mask: { mask, encrypted },
    ...(encrypted
      ? {
          read: (value: unknown, _row: Row, ctx: MapContext) => (value ? ctx.cipher.decrypt(value as string) : null),
          write: (value: unknown, ctx: WriteContext) => (value ? ctx.cipher.encrypt(value as string) : null),
          filter: false,
          sort: false,
        }
      : {}),
  };
}

/** The record's id (UUIDv7, set by the server); declared first so responses start with it. */
export const id = () => field('uuid', { readOnly: true, required: true }, z.string(), undefined);

/**
 * The fields every owned business record has besides its id (DESIGN.md, "Data rules"): owner,
 * custom fields, who and when, version and the recycle bin. `owner` is filled in by the record service.
 */
export const recordFields = () => ({
  ownerId: { ...ref({ to: 'users' }), input: z.uuid(), platform: true },
  // Filled in by the record service with the owner's name (`present`).
  owner: computed(recordRef.nullable(), () => null),
  // Filled in by the record service when the object has lookup custom fields: key -> the target's name, if the reader may read it.
  lookups: computed(z.record(z.string(), recordRef.nullable()).optional(), () => undefined),
  custom: {
    ...field('custom', { required: true, filter: false, sort: false }, z.record(z.string(), z.unknown()), z.record(z.string(), z.unknown())),
    platform: true,
  },
  createdAt: datetime({ required: true }),
  createdBy: ref({ readOnly: true }),
  updatedAt: datetime({ required: true }),
  updatedBy: ref({ readOnly: true, filter: false }),
  version: field('integer', { readOnly: true, required: true, filter: false, sort: false }, z.number(), undefined),
  deletedAt: datetime({ filter: false, sort: false }),
});
