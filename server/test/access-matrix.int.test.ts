import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '#db/tx.ts';
import { accessOf } from '#platform/auth/auth.service.ts';
import type { RequestContext } from '#platform/context.ts';
import { mergeValuesFor } from '#modules/mail/index.ts';
import { renderPayload } from '#modules/webhooks/webhook-payload.service.ts';
import {
  allows,
  expectedStatus,
  MODEL_ACTIONS,
  MODEL_SCOPES,
  type Model,
  type ModelRecord,
  type ModelRole,
  type ModelUser,
  readsPhones,
  readsSecret,
  scopeOf,
} from './access-model.ts';
import { createTestApp, type TestApp, type TestUser } from './app.ts';
import { databaseAvailable } from './db.ts';

/**
 * The randomized access matrix (#22): random roles (a scope per object and action, phones
 * and a sensitive custom field `secret` readable or not), users holding several of them in a team tree, records owned across the
 * teams and a second tenant's records; then random get / list / filter / search / count /
 * export / patch / delete / restore / reveal requests, webhook payloads and e-mail merge values,
 * each against the expectation access-model.ts computes on its own. `KEHU_ACCESS_CHECKS` sets
 * the number of checks (the bench runs 10,000); `KEHU_ACCESS_SEED` replays a failing run.
 */
const CHECKS = Number(process.env.KEHU_ACCESS_CHECKS ?? 240);
const SEED = Number(process.env.KEHU_ACCESS_SEED ?? Date.now() % 2 ** 31);
const PER_EPOCH = 40;
const OBJECTS = [
  { object: 'contact', path: 'contacts' },
  { object: 'lead', path: 'leads' },
  { object: 'distributors', path: 'distributors' },
] as const;
const WORDS = ['amber', 'cobalt', 'violet'] as const;
const ROLES = 4;
/** Objects with the sensitive custom field `secret` (a standard object and a custom one). */
const SECRET_OBJECTS = ['contact', 'distributors'];

type Rec = ModelRecord & { name: string; word: string; digits?: string; phone?: string; secret?: string; path: string };
type Op = { kind: string; who: number; rec: number; word: number };

describe.skipIf(!databaseAvailable)('randomized access matrix', () => {
  let t: TestApp;
  const model: Model = { roles: [], users: [], parents: new Map() };
  const logins = new Map<string, TestUser>();
  const roleIds: string[] = [];
  const records: Rec[] = [];
  let checks = 0;
  const tally = new Map<string, number>();

  beforeAll(async () => {
    t = await createTestApp();
    (t.deps.config as { apiRateLimit: number }).apiRateLimit = 1e9; // thousands of checks a minute, from few users
    await t.request(t.admin, { method: 'POST', url: '/api/v1/custom-objects', payload: { name: 'distributors', label: { zh: '经销商', en: 'Distributor' } } });
    for (const object of SECRET_OBJECTS)
      await t.defineCustomField(t.admin, { object, key: 'secret', label: { zh: '密码', en: 'Secret' }, type: 'text', sensitive: true });
    const rand = fc.sample(fc.array(fc.integer({ min: 0, max: 2 ** 30 }), { minLength: 64, maxLength: 64 }), { seed: SEED, numRuns: 1 })[0] as number[];
    let k = 0;
    const next = (n: number) => (rand[k++ % rand.length] as number) % n;
    // Team tree: root > A > A1, root > B.
    const teams = await inTenant(t.db.kysely, t.admin.tenantId, async (tx) => {
      const root = (await tx.selectFrom('teams').select('id').executeTakeFirstOrThrow()).id;
      const make = async (name: string, parent: string) => {
        const id = crypto.randomUUID();
        await tx.insertInto('teams').values({ tenant_id: t.admin.tenantId, id, name, parent_id: parent }).execute();
        return id;
      };
      const a = await make('A', root);
      return { root, a, a1: await make('A1', a), b: await make('B', root) };
    });
    model.parents = new Map([
      [teams.root, null],
      [teams.a, teams.root],
      [teams.a1, teams.a],
      [teams.b, teams.root],
    ]);
    for (let i = 0; i < ROLES; i++) {
      const res = await t.request(t.admin, { method: 'POST', url: '/api/v1/roles', payload: { name: `Matrix ${i}`, permissions: {} } });
      expect(res.statusCode, res.body).toBe(201);
      roleIds.push(res.json().id);
      model.roles.push({ permissions: {}, phones: false, secret: false });
    }
    // Users in every team (one in none, one at the root), each with 1-3 roles.
    const placed = [teams.a, teams.a, teams.a1, teams.b, teams.b, null, teams.root];
    for (const [i, team] of placed.entries()) {
      const roles = [...new Set([i % ROLES, next(ROLES), next(ROLES)].slice(0, 1 + next(3)))];
      const user = await t.createUser({ role: `Matrix ${roles[0]}`, teamId: team, name: `Matrix user ${i}` });
      await inTenant(t.db.kysely, t.admin.tenantId, async (tx) => {
        for (const r of roles.slice(1))
          await tx
            .insertInto('user_roles')
            .values({ tenant_id: t.admin.tenantId, user_id: user.id, role_id: roleIds[r] as string })
            .execute();
      });
      logins.set(user.id, user);
      model.users.push({ id: user.id, team, roles });
    }
    logins.set(t.admin.id, t.admin);
    model.users.push({ id: t.admin.id, team: teams.root, roles: [], admin: true });
    // Two records of each object per user, named with a word (search and filter pick subsets); contacts with a unique phone.
    let n = 0;
    for (const owner of model.users)
      for (const { object, path } of OBJECTS)
        for (let j = 0; j < 2; j++) {
          n++;
          const word = WORDS[n % WORDS.length] as string;
          const name = `矩阵 ${word} 记录`;
          const phone = object === 'contact' ? `+86 139 ${1000 + n} ${5000 + n}` : undefined;
          const secret = SECRET_OBJECTS.includes(object) ? `Q${7000 + n}XK${n}Z` : undefined;
          const res = await t.request(t.admin, {
            method: 'POST',
            url: `/api/v1/${path}`,
            payload: { name, ownerId: owner.id, ...(phone ? { phones: [{ number: phone }] } : {}), ...(secret ? { custom: { secret } } : {}) },
          });
          expect(res.statusCode, res.body).toBe(201);
          records.push({
            id: res.json().id,
            object,
            path,
            owner: owner.id,
            deleted: false,
            tenant: 'home',
            name,
            word,
            ...(phone ? { phone, digits: `139${1000 + n}${5000 + n}` } : {}),
            ...(secret ? { secret } : {}),
          });
        }
    // The second tenant: its records answer 404 to everyone here and never show up in a list.
    const foreignAdmin = await t.createTenant('other');
    for (const { object, path } of OBJECTS.slice(0, 2)) {
      const res = await t.request(foreignAdmin, {
        method: 'POST',
        url: `/api/v1/${path}`,
        payload: { name: `矩阵 amber 记录`, phones: [{ number: '+86 139 9999 9999' }] },
      });
      expect(res.statusCode, res.body).toBe(201);
      records.push({ id: res.json().id, object, path, owner: foreignAdmin.id, deleted: false, tenant: 'foreign', name: '矩阵 amber 记录', word: 'amber' });
    }
  });

  afterAll(async () => {
    process.stdout.write(`access matrix: ${checks} checks (seed ${SEED}): ${[...tally].map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
    await t?.close();
  });

  const roleArb = fc.record({
    permissions: fc.record(
      Object.fromEntries(OBJECTS.map(({ object }) => [object, fc.record(Object.fromEntries(MODEL_ACTIONS.map((a) => [a, fc.constantFrom(...MODEL_SCOPES)])))])),
    ),
    phones: fc.boolean(),
    secret: fc.boolean(),
  }) as fc.Arbitrary<ModelRole>;
  const KINDS = [
    'get',
    'list',
    'filter',
    'search',
    'phone',
    'phoneFilter',
    'secretFilter',
    'secretPatch',
    'count',
    'export',
    'patch',
    'delete',
    'restore',
    'reveal',
    'foreign',
    'webhook',
    'merge',
  ];
  const opArb = fc.record({
    kind: fc.constantFrom(...KINDS),
    who: fc.nat(),
    rec: fc.nat(),
    word: fc.nat(),
  });

  const applyRoles = async (roles: ModelRole[]) => {
    for (const [i, role] of roles.entries()) {
      const current = (await t.request(t.admin, { method: 'GET', url: `/api/v1/roles/${roleIds[i]}` })).json();
      const res = await t.request(t.admin, {
        method: 'PATCH',
        url: `/api/v1/roles/${roleIds[i]}`,
        headers: { 'if-match': `"${current.version}"` },
        payload: {
          permissions: role.permissions,
          fieldPermissions: {
            contact: { phones: { read: role.phones, edit: false }, 'custom.secret': { read: role.secret, edit: role.secret } },
            distributors: { 'custom.secret': { read: role.secret, edit: role.secret } },
          },
        },
      });
      expect(res.statusCode, res.body).toBe(200);
      model.roles[i] = role;
    }
  };

  const ids = (body: { data: { id: string }[] }) => body.data.map((r) => r.id).sort();
  const home = (object: string) => records.filter((r) => r.object === object && r.tenant === 'home');
  const visible = (user: ModelUser, object: string, action: 'read' | 'export' = 'read') =>
    home(object)
      .filter((r) => allows(model, user, r, 'read') && allows(model, user, r, action))
      .map((r) => r.id)
      .sort();

  async function check(op: Op) {
    const user = model.users[op.who % model.users.length] as ModelUser;
    const login = logins.get(user.id) as TestUser;
    const rec = records[op.rec % records.length] as Rec;
    const { object, path } = rec;
    const readNone = scopeOf(model, user, object, 'read') === 'none';
    const as = (method: 'GET' | 'PATCH' | 'DELETE' | 'POST', url: string, payload?: object) =>
      t.request(login, { method, url, ...(payload ? { payload } : {}) });
    const word = WORDS[op.word % WORDS.length] as string;
    const phones = readsPhones(model, user);
    const secrets = readsSecret(model, user);
    /** A record's `secret` as shown: in clear to who may read it, else masked (never the value itself). */
    const secretShown = (shown: Record<string, unknown>, r: Rec) => {
      if (!r.secret) return;
      const value = (shown.custom as Record<string, unknown> | undefined)?.secret;
      if (secrets) expect(value, `${say}: secret in clear`).toBe(r.secret);
      else expect(value === r.secret || JSON.stringify(shown).includes(r.secret), `${say}: secret masked`).toBe(false);
    };
    const say = `${op.kind} as user ${op.who % model.users.length} on ${object} ${rec.id} (seed ${SEED})`;
    tally.set(op.kind, (tally.get(op.kind) ?? 0) + 1);
    checks++;
    const listed = async (url: string, want: string[] | null) => {
      const res = await as('GET', url);
      if (want === null) return expect(res.statusCode, say).toBe(403);
      expect(res.statusCode, `${say}: ${res.body}`).toBe(200);
      expect(ids(res.json()), say).toEqual(want);
    };
    switch (op.kind) {
      case 'get': {
        const res = await as('GET', `/api/v1/${path}/${rec.id}`);
        expect(res.statusCode, say).toBe(expectedStatus(model, user, rec, 'read'));
        if (res.statusCode === 200 && rec.phone) expect(res.json().phones[0].number === rec.phone, `${say}: phones in clear`).toBe(phones);
        if (res.statusCode === 200) secretShown(res.json(), rec);
        return;
      }
      case 'list': {
        await listed(`/api/v1/${path}?limit=200`, readNone ? null : visible(user, object));
        if (!readNone && rec.secret && !secrets)
          expect((await as('GET', `/api/v1/${path}?limit=200`)).body.includes(rec.secret), `${say}: secret in list`).toBe(false);
        return;
      }
      case 'filter': {
        const filter = encodeURIComponent(JSON.stringify({ name: { contains: word } }));
        const want = readNone
          ? null
          : home(object)
              .filter((r) => r.word === word && allows(model, user, r, 'read'))
              .map((r) => r.id)
              .sort();
        return listed(`/api/v1/${path}?limit=200&filter=${filter}`, want);
      }
      case 'search': {
        const want = readNone
          ? null
          : home(object)
              .filter((r) => r.word === word && allows(model, user, r, 'read'))
              .map((r) => r.id)
              .sort();
        return listed(`/api/v1/${path}?limit=200&q=${word}`, want);
      }
      case 'phone': {
        const target = home('contact')[op.rec % home('contact').length] as Rec;
        const none = scopeOf(model, user, 'contact', 'read') === 'none';
        const want = none ? null : phones && allows(model, user, target, 'read') ? [target.id] : [];
        return listed(`/api/v1/contacts?limit=200&q=${target.digits}`, want);
      }
      case 'phoneFilter': {
        const target = home('contact')[op.rec % home('contact').length] as Rec;
        const res = await as('GET', `/api/v1/contacts/count?filter=${encodeURIComponent(JSON.stringify({ phone: { contains: target.digits?.slice(-8) } }))}`);
        if (scopeOf(model, user, 'contact', 'read') === 'none') return expect(res.statusCode, say).toBe(403);
        if (!phones) return expect(res.statusCode, say).toBe(400);
        expect(res.statusCode, say).toBe(200);
        return expect(res.json().count, say).toBe(allows(model, user, target, 'read') ? 1 : 0);
      }
      case 'secretFilter': {
        // Filtering or sorting on the masked custom field is an oracle unless the user may read it.
        const secretRecs = records.filter((r) => r.secret && r.tenant === 'home');
        const target = secretRecs[op.rec % secretRecs.length] as Rec;
        const sort = op.word % 2 === 1;
        const query = sort ? 'sort=custom.secret' : `filter=${encodeURIComponent(JSON.stringify({ 'custom.secret': { eq: target.secret } }))}`;
        const res = await as('GET', `/api/v1/${target.path}?limit=200&${query}`);
        if (scopeOf(model, user, target.object, 'read') === 'none') return expect(res.statusCode, say).toBe(403);
        if (!secrets) return expect(res.statusCode, `${say}: ${res.body}`).toBe(400);
        expect(res.statusCode, `${say}: ${res.body}`).toBe(200);
        return expect(ids(res.json()), say).toEqual(sort ? visible(user, target.object) : allows(model, user, target, 'read') ? [target.id] : []);
      }
      case 'secretPatch': {
        // A new value needs the field's edit rule; the stored value sent back as is changes nothing and is allowed.
        const secretRecs = records.filter((r) => r.secret && r.tenant === 'home');
        const target = secretRecs[op.rec % secretRecs.length] as Rec;
        const old = target.secret as string;
        const value = op.word % 2 ? `${old.slice(0, -1)}${old.endsWith('Z') ? 'Y' : 'Z'}` : old;
        const res = await as('PATCH', `/api/v1/${target.path}/${target.id}`, { custom: { secret: value } });
        const status = expectedStatus(model, user, target, 'update');
        expect(res.statusCode, `${say}: ${res.body}`).toBe(status === 200 && value !== old && !secrets ? 400 : status);
        if (res.statusCode === 200) target.secret = value;
        return;
      }
      case 'count': {
        const res = await as('GET', `/api/v1/${path}/count`);
        if (readNone) return expect(res.statusCode, say).toBe(403);
        return expect(res.json().count, say).toBe(visible(user, object).length);
      }
      case 'export': {
        const res = await as('GET', `/api/v1/${path}/export`);
        if (readNone || scopeOf(model, user, object, 'export') === 'none') return expect(res.statusCode, say).toBe(403);
        expect(res.statusCode, say).toBe(200);
        const want = visible(user, object, 'export');
        const got = records
          .filter((r) => r.object === object && res.body.includes(r.id))
          .map((r) => r.id)
          .sort();
        expect(got, say).toEqual(want);
        if (object === 'contact')
          for (const r of home('contact')) if (want.includes(r.id)) expect(res.body.includes(r.phone as string), `${say}: phones`).toBe(phones);
        for (const r of home(object)) if (r.secret && want.includes(r.id)) expect(res.body.includes(r.secret), `${say}: secret`).toBe(secrets);
        return;
      }
      case 'patch': {
        const res = await as('PATCH', `/api/v1/${path}/${rec.id}`, { name: rec.name });
        return expect(res.statusCode, `${say}: ${res.body}`).toBe(
          rec.tenant === 'foreign' ? (readNone ? 403 : 404) : expectedStatus(model, user, rec, 'update'),
        );
      }
      case 'delete': {
        const res = await as('DELETE', `/api/v1/${path}/${rec.id}`);
        const want = rec.tenant === 'foreign' ? (readNone ? 403 : 404) : expectedStatus(model, user, rec, 'delete');
        expect(res.statusCode, `${say}: ${res.body}`).toBe(want === 200 ? 204 : want);
        if (want === 200) rec.deleted = true;
        return;
      }
      case 'restore': {
        const res = await as('POST', `/api/v1/${path}/${rec.id}/restore`);
        const want = rec.tenant === 'foreign' ? (readNone ? 403 : 404) : expectedStatus(model, user, rec, 'delete', { deleted: true });
        expect(res.statusCode, `${say}: ${res.body}`).toBe(want);
        if (want === 200) rec.deleted = false;
        return;
      }
      case 'reveal': {
        const target = home('contact')[op.rec % home('contact').length] as Rec;
        const secret = op.word % 2 === 1;
        const res = await as('POST', `/api/v1/contacts/${target.id}/reveal`, { field: secret ? 'custom.secret' : 'phones' });
        const want = !(secret ? secrets : phones) ? 403 : expectedStatus(model, user, target, 'read');
        expect(res.statusCode, say).toBe(want);
        if (want === 200) expect(JSON.stringify(res.json().value)).toContain(secret ? target.secret : target.phone);
        return;
      }
      case 'foreign': {
        const foreign = records.filter((r) => r.tenant === 'foreign');
        const target = foreign[op.rec % foreign.length] as Rec;
        const none = scopeOf(model, user, target.object, 'read') === 'none';
        return expect((await as('GET', `/api/v1/${target.path}/${target.id}`)).statusCode, say).toBe(none ? 403 : 404);
      }
      case 'webhook':
      case 'merge': {
        if (rec.tenant === 'foreign') return;
        const shown = await inTenant(t.db.kysely, t.admin.tenantId, async (tx) => {
          if (op.kind === 'webhook') {
            const body = await renderPayload({
              tx,
              deps: t.deps,
              tenantId: t.admin.tenantId,
              ownerId: user.id,
              event: { id: crypto.randomUUID(), type: `${object}.updated`, objectType: object, objectId: rec.id, createdAt: new Date() },
              filter: null,
            });
            return body === null ? null : (JSON.parse(body).data as Record<string, unknown>);
          }
          const access = await accessOf({ db: tx, tenantId: t.admin.tenantId, userId: user.id });
          const ctx: RequestContext = { tenantId: t.admin.tenantId, userId: user.id, requestId: 'matrix', ip: null, locale: 'en', access };
          try {
            return (await mergeValuesFor({ tx, deps: t.deps, ctx, record: { object, id: rec.id } })).record;
          } catch (error) {
            if ((error as { code?: string }).code === 'not_found' || (error as { code?: string }).code === 'forbidden') return null;
            throw error;
          }
        });
        // A webhook tells of deletes too: the record in the recycle bin still goes to who may read it.
        const want = op.kind === 'webhook' ? allows(model, user, { ...rec, deleted: false }, 'read') : allows(model, user, rec, 'read');
        expect(shown !== null, say).toBe(want);
        if (shown && rec.phone) expect((shown.phones as { number: string }[])[0]?.number === rec.phone, `${say}: phones in clear`).toBe(phones);
        if (shown) secretShown(shown, rec);
        return;
      }
    }
  }

  it(`${CHECKS} random checks against the model, in epochs of random roles`, { timeout: Math.max(120_000, CHECKS * 60) }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(roleArb, { minLength: ROLES, maxLength: ROLES }),
        fc.array(opArb, { minLength: PER_EPOCH, maxLength: PER_EPOCH }),
        async (roles, ops) => {
          await applyRoles(roles);
          for (const op of ops) await check(op);
        },
      ),
      { seed: SEED, numRuns: Math.max(1, Math.ceil(CHECKS / PER_EPOCH)), endOnFailure: true },
    );
  });
});
