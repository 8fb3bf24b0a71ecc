import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverEvent, serializeEvent } from '#platform/events/delivery.ts';
import { createTestApp, type TestApp } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { testLog } from '#test/jobs-kit.ts';

process.env.KEHU_WEBHOOK_ALLOW_PRIVATE = '1'; // the subscription's URL is a local address, never called here

describe.skipIf(!databaseAvailable)("webhooks on approvals' events", () => {
  let t: TestApp;
  const call = (method: 'GET' | 'POST', url: string, payload?: unknown, lang = 'en') =>
    t.request(t.admin, { method, url, headers: { 'accept-language': lang }, ...(payload === undefined ? {} : { payload: payload as object }) });
  /** The outbox delivered to the webhooks subscriber as the relay does. */
  const drain = async () => {
    const rows = await t.db.kysely.selectFrom('outbox').selectAll().where('published_at', 'is', null).orderBy('id').execute();
    for (const row of rows) {
      await deliverEvent(
        { db: t.db, subscribers: t.deps.subscribers, log: testLog },
        { id: row.id, name: 'kehu-events', data: { subscriber: 'webhooks', event: serializeEvent(row) } },
      );
      await t.db.kysely.updateTable('outbox').set({ published_at: new Date() }).where('id', '=', row.id).execute();
    }
  };

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('lists approval.* among the event types and delivers approval.approved to a subscription naming it, nothing else', async () => {
    const types = (await call('GET', '/api/v1/webhook-event-types')).json().data as { type: string; object: string }[];
    expect(types.filter((e) => e.object === 'approval').map((e) => e.type)).toEqual([
      'approval.submitted',
      'approval.approved',
      'approval.rejected',
      'approval.recalled',
    ]);
    const hook = await call('POST', '/api/v1/webhooks', { name: '审批结果', url: 'http://127.0.0.1:9/in', events: ['approval.approved'] });
    expect(hook.statusCode, hook.body).toBe(201);
    const approver = await t.createUser({ role: 'Sales Manager', name: '审批人' });
    const process = await call('POST', '/api/v1/approval-processes', {
      object: 'deal',
      name: '大额',
      steps: [{ name: '经理', approvers: [{ type: 'user', userId: approver.id }] }],
      enabled: true,
    });
    expect(process.statusCode, process.body).toBe(201);
    const deal = (await call('POST', '/api/v1/deals', { name: '审批商机', amount: '100.00', currency: 'CNY' })).json();
    await drain();
    const submitted = await call('POST', '/api/v1/approvals', { object: 'deal', recordId: deal.id });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const approved = await t.request(approver, { method: 'POST', url: `/api/v1/approvals/${submitted.json().id}/approve`, payload: {} });
    expect(approved.statusCode, approved.body).toBe(200);
    await drain();
    const deliveries = await t.db.kysely.selectFrom('webhook_deliveries').select(['event_type', 'object_id']).execute();
    expect(deliveries).toEqual([{ event_type: 'approval.approved', object_id: deal.id }]);
  });

  it('refuses an approval event that does not exist, and a filter on approval events (no one object), translated', async () => {
    const unknown = await call('POST', '/api/v1/webhooks', { name: 'x', url: 'http://127.0.0.1:9/in', events: ['approval.exploded'] }, 'zh-CN');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    const filtered = await call('POST', '/api/v1/webhooks', {
      name: 'x',
      url: 'http://127.0.0.1:9/in',
      events: ['approval.approved'],
      filter: { amount: { gt: 1 } },
    });
    expect(filtered.statusCode).toBe(400);
    expect(await t.db.kysely.selectFrom('webhook_subscriptions').select('id').execute()).toHaveLength(1);
  });
});
