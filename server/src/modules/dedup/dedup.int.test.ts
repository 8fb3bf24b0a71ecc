import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { dedupClient } from './dedup.test-kit.ts';

describe.skipIf(!databaseAvailable)('duplicates: detection, review, merge, unmerge', () => {
  let t: TestApp;
  let api: ReturnType<typeof dedupClient>;
  beforeAll(async () => {
    t = await createTestApp();
    api = dedupClient(t, t.admin);
  });
  afterAll(async () => t?.close());

  it('a full scan finds 张伟 / 张 伟 with the same phone and Jon/John Smith, not 李娜 alone', async () => {
    const a = await api.contact({ name: '张伟', phones: [{ number: '13800138000' }], title: '经理' });
    const b = await api.contact({ name: '张 伟', phones: [{ number: '+86 138 0013 8000' }], emails: [{ address: 'zw@example.com' }] });
    const c = await api.contact({ familyName: 'Smith', givenName: 'John', emails: [{ address: 'john.smith@example.com' }] });
    const d = await api.contact({ familyName: 'Smith', givenName: 'Jon', emails: [{ address: 'john.smith@example.com' }] });
    await api.contact({ name: '李娜', phones: [{ number: '13900139000' }] });
    await api.contact({ familyName: 'Smith', givenName: 'Mary', emails: [{ address: 'mary@example.com' }] });
    expect(await api.scan('contact', 2)).toBe('done');
    const { data, total } = await api.clusters();
    expect(total).toBe(2);
    const sets = data.map((cl) => cl.records.map((r) => r.id).sort());
    expect(sets).toEqual(expect.arrayContaining([[a.id, b.id].sort(), [c.id, d.id].sort()]));
    const runs = await api.call<{ data: { status: string; scanned: number; found: number }[] }>('GET', '/api/v1/duplicates/runs?object=contact');
    expect(runs.data[0]).toMatchObject({ status: 'done', scanned: 6, found: 2 });
  });

  it('compares side by side, merges with a hand choice, moves activities, audits; undo restores everything', async () => {
    const old = await api.contact({ name: '王芳', phones: [{ number: '13700137000' }], title: '采购', tags: ['vip'] });
    const dup = await api.contact({
      name: '王 芳',
      phones: [{ number: '13700137000' }],
      title: '采购经理',
      emails: [{ address: 'wf@example.com' }],
      tags: ['new'],
    });
    const activity = await api.call<{ id: string }>('POST', '/api/v1/activities', { type: 'note', subject: '首次拜访', contactId: dup.id }, 201);
    await api.deliver();
    const cmp = await api.call<{ fields: { field: string; chosen: number | string; value: unknown }[]; score: number }>(
      'GET',
      `/api/v1/duplicates/compare?object=contact&ids=${old.id},${dup.id}`,
    );
    expect(cmp.score).toBeGreaterThan(0.9);
    expect(cmp.fields.find((f) => f.field === 'title')).toMatchObject({ chosen: 1, value: '采购经理' }); // most complete
    const merged = await api.call<{ survivorId: string; merges: { id: string }[] }>('POST', '/api/v1/duplicates/merge', {
      object: 'contact',
      survivorId: old.id,
      mergedIds: [dup.id],
      choices: { title: old.id },
    });
    const survivor = await api.call<{ title: string; emails: { address: string }[]; tags: string[] }>('GET', `/api/v1/contacts/${old.id}`);
    expect(survivor.title).toBe('采购');
    expect(survivor.emails.map((e) => e.address)).toEqual(['wf@example.com']);
    expect(survivor.tags.sort()).toEqual(['new', 'vip']);
    expect((await api.raw('GET', `/api/v1/contacts/${dup.id}`)).statusCode).toBe(404);
    expect((await api.call<{ contactId: string }>('GET', `/api/v1/activities/${activity.id}`)).contactId).toBe(old.id);
    const audit = await api.call<{ data: { action: string; objectId: string }[] }>('GET', '/api/v1/audit-log?limit=100');
    expect(audit.data.filter((e) => e.action === 'merge').map((e) => e.objectId)).toEqual(expect.arrayContaining([old.id, dup.id]));
    const history = await api.call<{ data: { id: string; moved: Record<string, number>; undoneAt: string | null }[] }>(
      'GET',
      '/api/v1/duplicates/merges?object=contact',
    );
    expect(history.data[0]).toMatchObject({ id: merged.merges[0]?.id, moved: { 'activities.contact_id': 1 }, undoneAt: null });

    await api.call('POST', `/api/v1/duplicates/merges/${merged.merges[0]?.id}/undo`);
    const back = await api.call<{ name: string; title: string; emails: { address: string }[] }>('GET', `/api/v1/contacts/${dup.id}`);
    expect(back).toMatchObject({ name: '王 芳', title: '采购经理', emails: [{ address: 'wf@example.com' }] });
    const reverted = await api.call<{ emails: unknown[]; tags: string[] }>('GET', `/api/v1/contacts/${old.id}`);
    expect(reverted).toMatchObject({ emails: [], tags: ['vip'] });
    expect((await api.call<{ contactId: string }>('GET', `/api/v1/activities/${activity.id}`)).contactId).toBe(dup.id);
    const twice = await api.raw('POST', `/api/v1/duplicates/merges/${merged.merges[0]?.id}/undo`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toMatch(/already been undone/);
    // Unmerged records are remembered as different: a new scan does not suggest them again.
    await api.scan();
    const again = await api.clusters();
    expect(again.data.some((cl) => cl.records.some((r) => r.id === dup.id))).toBe(false);
  });

  it('"not a duplicate" is remembered across scans and incremental checks', async () => {
    const x = await api.contact({ name: '陈静', emails: [{ address: 'chen@example.com' }] });
    const y = await api.contact({ name: '陈晶', emails: [{ address: 'chen@example.com' }] });
    await api.deliver();
    expect((await api.clusters()).data.some((cl) => cl.records.some((r) => r.id === y.id))).toBe(true);
    expect(await api.call('POST', '/api/v1/duplicates/dismiss', { object: 'contact', ids: [x.id, y.id] })).toEqual({ dismissed: 1 });
    await api.scan();
    await api.call('PATCH', `/api/v1/contacts/${y.id}`, { title: '主管' });
    await api.deliver();
    expect((await api.clusters()).data.some((cl) => cl.records.some((r) => r.id === y.id))).toBe(false);
  });

  it('bad input: into itself, across objects, out of scope, without delete right -> 4xx and nothing written', async () => {
    const a = await api.contact({ name: 'Self Test', emails: [{ address: 'self@example.com' }] });
    const company = await api.company({ name: 'Self Test Ltd' });
    const self = await api.raw('POST', '/api/v1/duplicates/merge', { object: 'contact', survivorId: a.id, mergedIds: [a.id] });
    expect(self.statusCode).toBe(400);
    expect(self.json().detail).toMatch(/into itself/);
    const other = await api.raw('POST', '/api/v1/duplicates/merge', { object: 'contact', survivorId: a.id, mergedIds: [company.id] });
    expect(other.statusCode).toBe(400);
    expect(other.json().detail).toMatch(/same kind/);
    const rep = await t.createUser({ role: 'Sales Rep' });
    const repApi = dedupClient(t, rep);
    const mine = await repApi.contact({ name: 'Rep Own', emails: [{ address: 'own@example.com' }] });
    const hidden = await repApi.raw('POST', '/api/v1/duplicates/merge', { object: 'contact', survivorId: mine.id, mergedIds: [a.id] });
    expect(hidden.statusCode).toBe(404);
    const mine2 = await repApi.contact({ name: 'Rep Own', emails: [{ address: 'own@example.com' }] });
    const noDelete = await repApi.raw('POST', '/api/v1/duplicates/merge', { object: 'contact', survivorId: mine.id, mergedIds: [mine2.id] });
    expect(noDelete.statusCode).toBe(403);
    expect((await api.raw('GET', `/api/v1/contacts/${mine2.id}`)).statusCode).toBe(200);
    expect((await api.raw('GET', `/api/v1/contacts/${a.id}`)).json().version).toBe(a.version);
    const history = await api.call<{ data: { mergedId: string }[] }>('GET', '/api/v1/duplicates/merges?object=contact');
    expect(history.data.some((m) => [a.id, mine2.id, company.id].includes(m.mergedId))).toBe(false);
    const notFound = await api.raw('POST', '/api/v1/duplicates/merges/0190a000-0000-7000-8000-000000000000/undo');
    expect(notFound.statusCode).toBe(404);
  });

  it('companies: 北京星辰科技有限公司 / 北京星辰科技 with the same phone merge; their contacts move along; bulk merge', async () => {
    const c1 = await api.company({ name: '北京星辰科技有限公司', phones: [{ number: '010-65529988' }] });
    const c2 = await api.company({ name: '北京星辰科技', phones: [{ number: '01065529988' }] });
    const person = await api.contact({ name: '赵磊', companyId: c2.id });
    expect(await api.scan('company')).toBe('done');
    const { data } = await api.clusters('company');
    expect(data).toHaveLength(1);
    const bulk = await api.call<{ merged: number }>('POST', '/api/v1/duplicates/merge-bulk', { object: 'company', clusterIds: [data[0]?.id] });
    expect(bulk.merged).toBe(1);
    expect((await api.call<{ companyId: string }>('GET', `/api/v1/contacts/${person.id}`)).companyId).toBe(c1.id);
    expect((await api.clusters('company')).total).toBe(0);
  });

  it('leads: 刘洋 from a web form and 刘 洋 typed by a rep (same mobile) are suggested and merge', async () => {
    const first = await api.call<{ id: string }>(
      'POST',
      '/api/v1/leads',
      { name: '刘洋', phones: [{ number: '13600136000' }], companyName: '华为技术有限公司' },
      201,
    );
    const second = await api.call<{ id: string }>(
      'POST',
      '/api/v1/leads',
      { name: '刘 洋', phones: [{ number: '136-0013-6000' }], companyName: '华为技术', allowDuplicate: true },
      201,
    );
    expect(await api.scan('lead')).toBe('done');
    const { data } = await api.clusters('lead');
    expect(data.map((c) => c.records.map((r) => r.id).sort())).toContainEqual([first.id, second.id].sort());
    await api.call('POST', '/api/v1/duplicates/merge', { object: 'lead', survivorId: first.id, mergedIds: [second.id] });
    expect((await api.raw('GET', `/api/v1/leads/${second.id}`)).statusCode).toBe(404);
  });

  it('covers the objects whose modules declare a dedup spec: another object is refused, a record of another object is not merged', async () => {
    expect((await api.raw('GET', '/api/v1/duplicates?object=deal')).statusCode).toBe(400);
    const person = await api.contact({ name: '赵敏' });
    const firm = await api.company({ name: '赵敏贸易' });
    const refused = await api.raw('POST', '/api/v1/duplicates/merge', { object: 'contact', survivorId: person.id, mergedIds: [firm.id] });
    expect(refused.statusCode, refused.body).toBe(400);
    expect((await api.raw('GET', `/api/v1/companies/${firm.id}`)).statusCode).toBe(200);
  });
});
