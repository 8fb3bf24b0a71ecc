import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';

type Item = {
  kind: 'activity' | 'change';
  activity?: { subject: string; leadId: string | null };
  action?: string;
  actorName?: string | null;
  changes?: Record<string, { from: unknown; to: unknown }>;
  userNames?: Record<string, string>;
};

describe.skipIf(!databaseAvailable)('the lead timeline', () => {
  let t: TestApp;
  let rep1: TestUser;
  let rep2: TestUser;
  let leadId: string;
  const timeline = async (user: TestUser) => {
    const res = await t.request(user, { method: 'GET', url: `/api/v1/leads/${leadId}/timeline?limit=200` });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { data: Item[] }).data;
  };

  beforeAll(async () => {
    t = await createTestApp();
    rep1 = await t.createUser({ role: 'Sales Rep', name: '周杰' });
    rep2 = await t.createUser({ role: 'Sales Rep', name: 'Anna Berg' });
    const created = await t.request(rep1, { method: 'POST', url: '/api/v1/leads', payload: { name: '王磊', companyName: '杭州云帆' } });
    expect(created.statusCode, created.body).toBe(201);
    leadId = created.json().id;
  });
  afterAll(() => t?.close());

  it('carries the lead’s notes and calls, and its status change from the audit', async () => {
    for (const [type, subject] of [
      ['note', '首次沟通'],
      ['call', 'Intro call'],
    ]) {
      const res = await t.request(rep1, { method: 'POST', url: '/api/v1/activities', payload: { type, subject, leadId } });
      expect(res.statusCode, res.body).toBe(201);
    }
    const lead = (await t.request(rep1, { method: 'GET', url: `/api/v1/leads/${leadId}` })).json();
    const patched = await t.request(rep1, {
      method: 'PATCH',
      url: `/api/v1/leads/${leadId}`,
      headers: { 'if-match': String(lead.version) },
      payload: { status: 'contacted' },
    });
    expect(patched.statusCode, patched.body).toBe(200);

    const data = await timeline(rep1);
    expect(data.filter((i) => i.kind === 'activity').map((i) => i.activity?.subject)).toEqual(['Intro call', '首次沟通']);
    expect(data.every((i) => i.kind !== 'activity' || i.activity?.leadId === leadId)).toBe(true);
    expect(data[0]).toMatchObject({ kind: 'change', action: 'updated', actorName: '周杰', changes: { status: { from: 'new', to: 'contacted' } } });
    expect(data.at(-1)).toMatchObject({ kind: 'change', action: 'created' });
  });

  it('shows an assignment with the names of both owners, a score change and the conversion', async () => {
    const assigned = await t.request(t.admin, { method: 'POST', url: `/api/v1/leads/${leadId}/assign`, payload: { userId: rep2.id } });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const engaged = await t.request(t.admin, { method: 'POST', url: `/api/v1/leads/${leadId}/engagements`, payload: { type: 'meeting_held' } });
    expect(engaged.statusCode, engaged.body).toBe(201);
    const converted = await t.request(t.admin, {
      method: 'POST',
      url: `/api/v1/leads/${leadId}/convert`,
      payload: { company: { mode: 'create' }, contact: { mode: 'create' } },
    });
    expect(converted.statusCode, converted.body).toBe(200);

    const data = await timeline(t.admin);
    const actions = data.filter((i) => i.kind === 'change').map((i) => i.action);
    expect(actions).toEqual(expect.arrayContaining(['assigned', 'score_changed', 'updated', 'created']));
    const assignment = data.find((i) => i.action === 'assigned');
    expect(assignment?.changes?.ownerId).toEqual({ from: rep1.id, to: rep2.id });
    expect(assignment?.userNames).toEqual({ [rep1.id]: '周杰', [rep2.id]: 'Anna Berg' });
    const conversion = data.find((i) => i.action === 'updated' && i.changes?.status?.to === 'converted');
    expect(conversion?.changes?.convertedContactId?.to).toBe(converted.json().contact.id);
    expect(data.find((i) => i.action === 'score_changed')?.changes?.scoreBand).toBeDefined();
  });

  it('is hidden (404) from a rep who may not read the lead, and rejects a bad cursor', async () => {
    const other = await t.request(rep1, { method: 'POST', url: '/api/v1/leads', payload: { name: 'Private lead' } });
    expect((await t.request(rep2, { method: 'GET', url: `/api/v1/leads/${other.json().id}/timeline` })).statusCode).toBe(404);
    expect((await t.request(rep1, { method: 'GET', url: `/api/v1/leads/${other.json().id}/timeline?cursor=nope` })).statusCode).toBe(400);
  });
});
