import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { sql } from 'kysely';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from './app.ts';
import { databaseAvailable } from './db.ts';
import { mutated, nasty, type Schema, valid } from './openapi-arbitraries.ts';

/**
 * The OpenAPI-driven fuzzer (#22): every operation of /api/openapi.json gets generated valid,
 * boundary and invalid requests (fast-check) as the admin, a rep and anonymous. Never a 5xx; every
 * 4xx is problem+json and writes nothing (the row count of every table, audit log included, is
 * unchanged). Declared header parameters are sent too: `If-Match` with the current ETag, a stale,
 * a malformed or a wildcard one; `Idempotency-Key` fresh, reused with another body, empty or too long. `KEHU_FUZZ_REQUESTS` sets the number of requests (the bench sends 100,000),
 * `KEHU_FUZZ_SEED` replays a run.
 */
const REQUESTS = Number(process.env.KEHU_FUZZ_REQUESTS ?? 800);
// A fixed seed in `npm test` (the same requests each run); KEHU_FUZZ_SEED=random for a new one.
const SEED = process.env.KEHU_FUZZ_SEED === 'random' ? Date.now() % 2 ** 31 : Number(process.env.KEHU_FUZZ_SEED ?? 22);

type Parameter = { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema: Schema };
type Operation = { method: string; path: string; parameters: Parameter[]; body: Schema | null; responses: Record<string, Schema> };

/** Operations that would end the fuzzer's own sessions or reach out of the box. */
const SKIPPED = new Set(['POST /api/v1/auth/logout', 'POST /api/v1/auth/change-password', 'POST /api/v1/mail/settings/test']);
/** A failed sign-in is recorded (rate limiting, audit): a write that a 401 is meant to make. */
const WRITES_ON_REFUSAL = new Set(['POST /api/v1/auth/login']);

/** What a validation message must not say: the schema library's words for types and bounds. */
const TECHNICAL =
  /expected:? (a |an )?(string|number|boolean|object|array|integer|int|date|bigint)|received|期望|接收|undefined|<=|>=|invalid_type|too_big|too_small|NaN/i;
/** A Chinese message carries at least one Han character. */
const CHINESE = /\p{Script=Han}/u;

type Request = { op: number; who: number; variant: 'valid' | 'mutated' | 'params' | 'content'; seed: number };

describe.skipIf(!databaseAvailable)('OpenAPI fuzzer', () => {
  let t: TestApp;
  let users: (TestUser | null)[];
  let operations: Operation[];
  let ids: string[];
  let countsSql: string;
  const stats = { requests: 0, byStatus: new Map<number, number>(), covered: new Set<string>(), checkedBodies: 0, headers: new Map<string, number>() };
  // Responses against the schemas the document declares (strict off: the document carries OpenAPI keywords).
  const ajv = addFormats.default(new Ajv({ strict: false, allErrors: false }));
  const validators = new Map<Schema, ReturnType<Ajv['compile']>>();
  const validatorOf = (schema: Schema) => {
    const known = validators.get(schema);
    if (known) return known;
    const v = ajv.compile(schema);
    validators.set(schema, v);
    return v;
  };

  const counts = async () => {
    const { rows } = await sql.raw<{ counts: string }>(countsSql).execute(t.db.kysely);
    return rows[0]?.counts ?? '';
  };
  /** The next transaction id: it moves only when a transaction wrote (or tried to); then the counts are taken again. */
  const nextXid = async () => (await sql<{ x: string }>`select pg_snapshot_xmax(pg_current_snapshot())::text as x`.execute(t.db.kysely)).rows[0]?.x;
  let known = { xid: '', counts: '' };
  const snapshot = async () => {
    const xid = await nextXid();
    if (xid !== known.xid) known = { xid: xid ?? '', counts: await counts() };
    return known.counts;
  };

  beforeAll(async () => {
    t = await createTestApp();
    (t.deps.config as { apiRateLimit: number }).apiRateLimit = 1e9;
    const rep = await t.createUser({ role: 'Sales Rep' });
    const other = await t.createTenant('elsewhere');
    users = [t.admin, rep, null];
    const doc = (await t.request(null, { method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<
        string,
        Record<
          string,
          {
            parameters?: Parameter[];
            requestBody?: { content?: Record<string, { schema: Schema }> };
            responses?: Record<string, { content?: Record<string, { schema: Schema }> }>;
          }
        >
      >;
    };
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, op]) => ({
          method: method.toUpperCase(),
          path,
          parameters: op.parameters ?? [],
          body: op.requestBody?.content?.['application/json']?.schema ?? null,
          responses: Object.fromEntries(
            Object.entries(op.responses ?? {}).flatMap(([status, r]) => {
              const schema = r.content?.['application/json']?.schema;
              return schema ? [[status, schema]] : [];
            }),
          ),
        }))
        .filter((op) => !SKIPPED.has(`${op.method} ${op.path}`)),
    );
    // Real ids here and in the other tenant, besides the random ones the generators make.
    ids = [];
    for (const [user, path, payload] of [
      [t.admin, 'companies', { name: '模糊 Fuzz Co' }],
      [t.admin, 'contacts', { name: '模糊 Fuzz', phones: [{ number: '+86 138 0013 8000' }] }],
      [t.admin, 'leads', { name: '模糊线索' }],
      [rep, 'contacts', { name: 'Rep contact' }],
      [other, 'contacts', { name: 'Foreign contact' }],
      [other, 'companies', { name: 'Foreign company' }],
    ] as const) {
      const res = await t.request(user, { method: 'POST', url: `/api/v1/${path}`, payload });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
    const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%' order by 1`.execute(t.db.kysely);
    countsSql = `select concat_ws(',', ${tables.rows.map((r) => `(select count(*) from public."${r.name}")`).join(', ')}) as counts`;
  });

  afterAll(async () => {
    const statuses = [...stats.byStatus].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`);
    process.stdout.write(
      `fuzz: ${stats.requests} requests over ${stats.covered.size} of ${operations?.length ?? 0} operations (seed ${SEED}), ${stats.checkedBodies} responses checked against their schema; ${statuses.join(', ')}; header parameters sent: ${[...stats.headers].map(([h, n]) => `${h} ${n}`).join(', ') || 'none'}\n`,
    );
    await t?.close();
  });

  const pathValue = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...['contacts', 'contact', 'companies', 'lead', 'deal', 'distributors']) },
    { weight: 3, arbitrary: fc.uuid({ version: 7 }) },
    { weight: 1, arbitrary: nasty.map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))) },
  );

  /** A lone surrogate has no UTF-8: sent as the bytes a broken client would send. */
  const encoded = (v: string) => {
    try {
      return encodeURIComponent(v);
    } catch {
      return '%ED%A0%80';
    }
  };

  /** `If-Match`: GOOD_ETAG stands for the current ETag of the resource (read just before sending). */
  const GOOD_ETAG = '<current etag>';
  const ifMatch = fc.oneof(
    { weight: 3, arbitrary: fc.constant(GOOD_ETAG) },
    { weight: 2, arbitrary: fc.constantFrom('"999999"', '"0"', 'W/"1"', '1', '*') },
    {
      weight: 3,
      arbitrary: fc.constantFrom('abc', 'W/"x"', '"1", "2"', '""', '"-1"', '"1.5"', `"${'9'.repeat(400)}"`, '"1e3"', ' ', 'W/', '"0x1"'),
    },
  );
  const idempotencyKey = fc.oneof(
    { weight: 3, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,60}$/) },
    { weight: 2, arbitrary: fc.constant('fuzz-reused-key') },
    { weight: 1, arbitrary: fc.constantFrom('', 'k'.repeat(201), ' ') },
  );
  const headerValue = (p: Parameter) =>
    p.name.toLowerCase() === 'if-match' ? ifMatch : p.name.toLowerCase() === 'idempotency-key' ? idempotencyKey : valid(p.schema).map(String);

  /** The request to send: method, url, headers and payload. */
  function build(r: Request) {
    const op = operations[r.op % operations.length] as Operation;
    const [sample] = fc.sample(
      fc.record({
        path: fc.array(fc.oneof(pathValue, fc.constantFrom(...ids)), { minLength: 4, maxLength: 4 }),
        query: fc.tuple(
          ...op.parameters.map((p) =>
            fc.tuple(fc.boolean(), p.in === 'header' ? headerValue(p) : r.variant === 'params' ? fc.oneof(valid(p.schema), nasty) : valid(p.schema)),
          ),
        ),
        body: op.body
          ? r.variant === 'mutated'
            ? mutated(op.body)
            : r.variant === 'valid' || r.variant === 'params'
              ? valid(op.body)
              : nasty
          : fc.constant(undefined),
        raw: fc.constantFrom('{"a":', 'plain text', '<xml/>', '', '[]'.repeat(5000), 'null'),
        type: fc.constantFrom('text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json'),
      }),
      { seed: r.seed, numRuns: 1 },
    );
    const s = sample as NonNullable<typeof sample>;
    let i = 0;
    const url = op.path.replace(/\{[^}]+\}/g, () => encoded(String(s.path[i++ % 4])));
    const query = new URLSearchParams();
    op.parameters.forEach((p, k) => {
      const [include, value] = (s.query as [boolean, unknown][])[k] as [boolean, unknown];
      if (p.in !== 'query' || (!include && !p.required)) return;
      query.set(p.name, typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));
    });
    const qs = query.toString();
    const headers: Record<string, string> = {};
    op.parameters.forEach((p, k) => {
      const [include, value] = (s.query as [boolean, unknown][])[k] as [boolean, unknown];
      if (p.in === 'header' && (include || p.required)) headers[p.name.toLowerCase()] = String(value);
    });
    let payload: string | undefined;
    if (r.variant === 'content') {
      headers['content-type'] = s.type;
      payload = s.raw;
    } else if (s.body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(s.body);
    }
    return { op, method: op.method as 'GET', url: `${url}${qs ? `?${qs}` : ''}`, headers, ...(payload !== undefined ? { payload } : {}) };
  }

  async function send(r: Request) {
    const req = build(r);
    const user = users[r.who % users.length] ?? null;
    if (req.headers['if-match'] === GOOD_ETAG) {
      // The resource's current ETag, as a client that just read it would send.
      const read = await t.request(user, { method: 'GET', url: req.url.split('?')[0] as string });
      req.headers['if-match'] = String(read.headers.etag ?? '"1"');
    }
    // Half the requests ask for Chinese: their refusals must be in Chinese.
    if (r.seed % 2 === 0) req.headers['accept-language'] = 'zh-CN';
    const before = await snapshot();
    const res = await t.request(user, {
      method: req.method,
      url: req.url,
      headers: req.headers,
      ...(req.payload !== undefined ? { payload: req.payload } : {}),
    });
    stats.requests++;
    stats.byStatus.set(res.statusCode, (stats.byStatus.get(res.statusCode) ?? 0) + 1);
    stats.covered.add(`${req.op.method} ${req.op.path}`);
    for (const h of ['if-match', 'idempotency-key']) if (req.headers[h] !== undefined) stats.headers.set(h, (stats.headers.get(h) ?? 0) + 1);
    const sent = Object.entries(req.headers)
      .filter(([k]) => k !== 'content-type')
      .map(([k, v]) => `${k}: ${v.slice(0, 60)}`)
      .join(', ');
    const say = `${req.method} ${req.url.slice(0, 300)}${sent ? ` [${sent}]` : ''} as ${['admin', 'rep', 'anonymous'][r.who % 3]} (${r.variant}, request seed ${r.seed}, run seed ${SEED}) with ${String(req.payload ?? '').slice(0, 300)}: ${res.statusCode} ${res.body.slice(0, 500)}`;
    expect(res.statusCode < 500, say).toBe(true);
    const declared = req.op.responses[String(res.statusCode)];
    // `fields=` asks for a sparse record on purpose: the declared schema is the full one. `/api/v1/{object}`
    // (custom objects) given a standard object's path is served by that object's own route and schema.
    const generic = req.op.path.includes('{object}');
    if (res.statusCode < 300 && declared && !generic && String(res.headers['content-type']).includes('json') && !/[?&]fields=/.test(req.url)) {
      const validate = validatorOf(declared);
      stats.checkedBodies++;
      expect(validate(res.json()), `${say}: the response does not match its schema: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
    if (res.statusCode >= 400) {
      expect(String(res.headers['content-type']), say).toContain('application/problem+json');
      // A refusal names the field and the limit in the user's language, never a type (#22).
      for (const e of (res.json() as { errors?: { field?: unknown; message?: unknown }[] }).errors ?? []) {
        expect(typeof e.message === 'string' && !TECHNICAL.test(e.message), `${say}: a validation message speaks of types: ${JSON.stringify(e)}`).toBe(true);
        if (req.headers['accept-language'] === 'zh-CN')
          expect(CHINESE.test(String(e.message)), `${say}: an untranslated message: ${JSON.stringify(e)}`).toBe(true);
      }
      if (!WRITES_ON_REFUSAL.has(`${req.op.method} ${req.op.path}`)) expect(await snapshot(), `${say}: a refused request wrote`).toBe(before);
    }
  }

  it('finds the header parameters the platform reads declared in the document: If-Match on a record change, Idempotency-Key on POST', () => {
    const headersOf = (key: string) =>
      operations
        .find((op) => `${op.method} ${op.path}` === key)
        ?.parameters.filter((p) => p.in === 'header')
        .map((p) => p.name.toLowerCase());
    expect(headersOf('PATCH /api/v1/contacts/{id}')).toEqual(['if-match']);
    expect(headersOf('DELETE /api/v1/roles/{id}')).toEqual(['if-match']);
    expect(headersOf('POST /api/v1/contacts')).toEqual(['idempotency-key']);
    expect(headersOf('GET /api/v1/contacts')).toEqual([]);
  });

  it('answers what it found before with a 4xx in problem+json, writing nothing', async () => {
    const cases = [
      { method: 'GET', url: `/api/v1/contacts/${'a'.repeat(2000)}`, status: 404 },
      {
        method: 'POST',
        url: '/api/v1/lead-scoring/groups',
        payload: { name: 'g', cap: null, position: 9007199254740973, active: true, rules: [] },
        status: 400,
      },
      { method: 'PATCH', url: '/api/v1/lead-assignment/settings', payload: { holidays: ['7680-66-37'] }, status: 400 },
      { method: 'POST', url: '/api/v1/workflow-rules/dry-run', payload: { recordId: '01a24fe2-8a77-7178-a4e6-3bea8fa01600', changes: {} }, status: 400 },
      { method: 'PUT', url: '/api/v1/privacy/processing-records/deal', payload: { purpose: 'x', legalBasis: null, retention: null }, status: 404 },
    ] as const;
    for (const c of cases) {
      const before = await counts();
      const res = await t.request(t.admin, { method: c.method, url: c.url, ...('payload' in c ? { payload: c.payload } : {}) });
      expect(res.statusCode, `${c.method} ${c.url}: ${res.body}`).toBe(c.status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(await counts(), `${c.method} ${c.url} wrote`).toBe(before);
    }
  });

  it(`${REQUESTS} generated requests over every operation: no 5xx, problem+json and no write on every 4xx`, {
    timeout: Math.max(300_000, REQUESTS * 100),
  }, async () => {
    const request = fc.record({
      op: fc.nat(),
      who: fc.nat({ max: 2 }),
      variant: fc.constantFrom<Request['variant']>('valid', 'mutated', 'params', 'content'),
      seed: fc.integer({ min: 0, max: 2 ** 30 }),
    });
    // Every operation in turn, each with a batch of generated requests.
    const perOp = Math.max(1, Math.floor(REQUESTS / operations.length));
    let next = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(request, { minLength: perOp, maxLength: perOp }), async (batch) => {
        const op = next++ % operations.length;
        for (const r of batch) await send({ ...r, op });
      }),
      { seed: SEED, numRuns: Math.ceil(REQUESTS / perOp), endOnFailure: true },
    );
  });
});
