import fc from 'fast-check';

/** The part of JSON Schema (OpenAPI 3.1) the API's generated document uses. */
export type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
};

const MAX_DEPTH = 6;

function stringOf(s: Schema): fc.Arbitrary<string> {
  const max = Math.min(s.maxLength ?? 40, 40);
  const min = Math.min(s.minLength ?? 0, max);
  switch (s.format) {
    case 'uuid':
      return fc.uuid({ version: 7 });
    case 'email':
      return fc.emailAddress().filter((e) => e.length <= (s.maxLength ?? 254) && /^[A-Za-z0-9_'+.-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/.test(e));
    case 'date':
      return fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
    case 'uri':
      return fc.webUrl();
  }
  if (s.pattern) {
    try {
      return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length >= min && v.length <= (s.maxLength ?? Number.POSITIVE_INFINITY));
    } catch {
      // an expression JavaScript cannot compile: plain strings below
    }
  }
  return fc.oneof(fc.string({ minLength: min, maxLength: max }), fc.string({ unit: 'grapheme', minLength: min, maxLength: max }));
}

function numberOf(s: Schema, integer: boolean): fc.Arbitrary<number> {
  const step = integer ? 1 : 1e-9;
  const low = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + step : undefined);
  const high = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - step : undefined);
  // An open side reaches a million past the other (a lower bound of 1 MiB and no upper one is a range too).
  const min = low ?? Math.min(-1e6, (high ?? 0) - 1e6);
  const max = high ?? Math.max(1e6, (low ?? 0) + 1e6);
  if (integer) return fc.integer({ min: Math.max(Math.ceil(min), Number.MIN_SAFE_INTEGER), max: Math.min(Math.floor(max), Number.MAX_SAFE_INTEGER) });
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** Values valid for `schema` (as far as JSON Schema says: the server may still refuse them on meaning). */
export function valid(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  if (depth > MAX_DEPTH) return fc.constant(null);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union?.length) return fc.oneof(...union.map((s) => valid(s, depth + 1)));
  if (schema.allOf?.length) return valid(Object.assign({}, ...schema.allOf), depth + 1);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length > 1) return fc.oneof(...types.map((type) => valid({ ...schema, type }, depth + 1)));
  switch (types[0]) {
    case 'string':
      return stringOf(schema);
    case 'integer':
      return numberOf(schema, true);
    case 'number':
      return numberOf(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(valid(schema.items ?? {}, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)),
      });
    case 'object': {
      const props = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const record = fc.record(Object.fromEntries(Object.entries(props).map(([k, s]) => [k, valid(s, depth + 1)])), {
        requiredKeys: Object.keys(props).filter((k) => required.has(k)),
      });
      if (Object.keys(props).length === 0 && schema.additionalProperties && typeof schema.additionalProperties === 'object')
        return fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), valid(schema.additionalProperties, depth + 1), { maxKeys: 3 });
      return record;
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Values at the edges or beyond: sizes, numbers (1e30, -0, NaN as text), unicode edge cases, deep and huge JSON. */
export const nasty: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    1e30,
    -1e30,
    -0,
    Number.MAX_SAFE_INTEGER + 2,
    -1,
    0,
    2 ** 31,
    0.1,
    'NaN',
    'Infinity',
    '-0',
    '1e30',
    '9'.repeat(400),
    '',
    ' ',
    '\u0000',
    '\ud800',
    '𠮷'.repeat(300),
    '\u202e\u0301',
    'a'.repeat(20_000),
    '<script>alert(1)</script>',
    "'; drop table contacts; --",
    '%00',
    '../../etc/passwd',
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    true,
    false,
    null,
    [],
    {},
    { __proto__: { admin: true } },
    { constructor: { prototype: { polluted: true } } },
  ),
  fc.integer({ min: 1, max: 300 }).map((n) => {
    let deep: unknown = 'x';
    for (let i = 0; i < n; i++) deep = { a: deep };
    return deep;
  }),
  fc.integer({ min: 1000, max: 20_000 }).map((n) => Array.from({ length: n }, (_, i) => i)),
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'binary', maxLength: 50 }),
);

/** A value valid for `schema` with one part swapped for a nasty one, a required key dropped or an unknown key added. */
export function mutated(schema: Schema): fc.Arbitrary<unknown> {
  return fc.tuple(valid(schema), nasty, fc.nat(), fc.constantFrom('swap', 'drop', 'add', 'whole')).map(([value, bad, at, how]) => {
    if (how === 'whole' || value === null || typeof value !== 'object' || Array.isArray(value)) return bad;
    const copy = { ...(value as Record<string, unknown>) };
    const keys = Object.keys(schema.properties ?? copy);
    const key = keys.length ? (keys[at % keys.length] as string) : 'extra';
    if (how === 'drop') delete copy[key];
    else if (how === 'add') copy[`unknown${at % 7}`] = bad;
    else copy[key] = bad;
    return copy;
  });
}
