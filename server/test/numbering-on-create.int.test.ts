import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessOf } from '../src/platform/auth/auth.service.ts';
import type { RequestContext } from '../src/platform/context.ts';
import { createRecord, type Versioned } from '../src/platform/records/record-service.ts';
import type { ObjectDefinition } from '../src/platform/records/object-definition.ts';
import { createTestApp, type TestApp } from './app.ts';
import { databaseAvailable } from './db.ts';

describe.skipIf(!databaseAvailable)('numbering on create (the platform, from the declaration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it("gives a new record of an object that declares numbering its series' next number when its module set none", async () => {
    const declared = t.deps.objects.byName('ticket');
    expect(declared?.numbering).toBeDefined();
    // The ticket definition without its module's prepare (which numbers tickets itself): the record service numbers it.
    const def = { ...(declared?.definition as ObjectDefinition<Versioned>), prepare: undefined };
    const access = await accessOf({ db: t.db.kysely, tenantId: t.admin.tenantId, userId: t.admin.id });
    const ctx: RequestContext = { tenantId: t.admin.tenantId, userId: t.admin.id, requestId: 'numbering-test', ip: null, locale: 'en', access };
    const first = (await createRecord({ deps: t.deps, ctx, def, input: { subject: '打印机坏了' } })) as Versioned & { number: string };
    const second = (await createRecord({ deps: t.deps, ctx, def, input: { subject: '又坏了' } })) as Versioned & { number: string };
    const year = new Date().getUTCFullYear();
    expect(first.number).toMatch(new RegExp(`^TK-(${year}|${year + 1})-\\d{6}$`));
    expect(Number(second.number.slice(-6))).toBe(Number(first.number.slice(-6)) + 1);
    // Through the API (the module's own prepare numbers it first): the series continues, no number is taken twice.
    const api = await t.request(t.admin, { method: 'POST', url: '/api/v1/tickets', payload: { subject: '第三张' } });
    expect(api.statusCode, api.body).toBe(201);
    expect(Number((api.json().number as string).slice(-6))).toBe(Number(second.number.slice(-6)) + 1);
  });
});
