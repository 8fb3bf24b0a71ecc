import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '#db/tx.ts';
import { createTestApp, type TestApp, type TestUser } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { drainOutbox } from '#test/outbox-kit.ts';
import { importsClient, tempFile } from './imports.test-kit.ts';

process.env.KEHU_WEBHOOK_ALLOW_PRIVATE = '1'; // the subscription's URL is a local address, never called here

// An import is audited and announced per batch (#21): one audit entry and one import.batch_committed
// event per committed batch; each row's field changes stay in the journal, which history reads.
const FILE = [
  'name,email,phone,company,title',
  '张伟,zhang@example.cn,13800138000,华为,经理',
  '李娜,li@example.cn,13900139000,华为,',
  'Keeper,keeper@example.com,,,Changed',
  '王芳,wang@example.cn,,,',
  '赵六,not-an-email,,,',
].join('\n');

type HistoryEntry = {
  action: string;
  actorName: string | null;
  changes: Record<string, { from: unknown; to: unknown }>;
  importId: string | null;
  fileName: string | null;
};

describe.skipIf(!databaseAvailable)('imports: per-batch audit and events', () => {
  let t: TestApp;
  let user: TestUser;
  let importId: string;
  let keeperId: string;
  let ruleId: string;
  const call = (method: 'GET' | 'POST', url: string, payload?: object) => t.request(user, { method, url, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await createTestApp();
    user = await t.createTenant('batch-events');
    keeperId = (await call('POST', '/api/v1/contacts', { name: 'Keeper', title: 'Original', emails: [{ address: 'keeper@example.com' }] })).json().id;
    // Subscribers set up before the import: a workflow rule on created contacts and a webhook taking contact.created.
    const rule = await call('POST', '/api/v1/workflow-rules', {
      enabled: true,
      name: 'imported 经理',
      object: 'contact',
      trigger: { type: 'created' },
      conditions: { title: { eq: '经理' } },
      actions: [{ type: 'add_tags', tags: ['imported-vip'] }],
    });
    expect(rule.statusCode, rule.body).toBe(201);
    ruleId = rule.json().id;
    const hook = await call('POST', '/api/v1/webhooks', { name: 'new people', url: 'http://127.0.0.1:9/in', events: ['contact.created'] });
    expect(hook.statusCode, hook.body).toBe(201);
    await drainOutbox(t);
    const api = importsClient(t, user);
    const imp = await api.uploaded(await tempFile('people.csv', FILE));
    importId = imp.id;
    await api.configure(imp.id, { dedup: { match: 'email', action: 'update' }, options: { batchSize: 2 } });
    await api.start(imp.id);
    expect(await api.run(imp.id)).toBe('done');
  });
  afterAll(async () => t?.close());

  const query = <R>(text: ReturnType<typeof sql<R>>) => inTenant(t.db.kysely, user.tenantId, async (tx) => (await text.execute(tx)).rows);

  it('writes one audit entry and one event per batch, none per row', async () => {
    const audits = await query(sql<{ action: string; object_type: string; changes: Record<string, { from: unknown; to: unknown }>; request_id: string }>`
      select action, object_type, changes, request_id from audit_log where object_type in ('contact', 'company', 'import') and request_id like 'import-%' order by id`);
    // Rows 2-3, 4-5, 6: three batches.
    expect(audits.map((a) => [a.action, a.object_type, a.changes.rows])).toEqual([
      ['batch_committed', 'import', { from: 2, to: 3 }],
      ['batch_committed', 'import', { from: 4, to: 5 }],
      ['batch_committed', 'import', { from: 6, to: 6 }],
    ]);
    expect(audits.map((a) => a.request_id)).toEqual(Array(3).fill(`import-${importId}`));
    expect(audits.map((a) => [a.changes.created?.to, a.changes.updated?.to, a.changes.failed?.to])).toEqual([
      [2, 0, 0],
      [1, 1, 0],
      [0, 0, 1],
    ]);
    const events = await query(sql<{
      type: string;
      payload: { records: Record<string, { created: string[]; updated: string[] }>; changes: Record<string, object> };
    }>`
      select type, payload from outbox where type like 'import.%' order by id`);
    expect(events.map((e) => e.type)).toEqual(['import.batch_committed', 'import.batch_committed', 'import.batch_committed']);
    const [first, second, third] = events.map((e) => e.payload);
    expect(first?.records.contact?.created).toHaveLength(2);
    expect(first?.records.company?.created).toHaveLength(1);
    expect(second?.records.contact).toEqual({ created: [expect.any(String)], updated: [keeperId] });
    expect(second?.changes[keeperId]).toEqual({ title: { from: 'Original', to: 'Changed' } });
    expect(third?.records).toEqual({});
    const perRow = await query(
      sql<{
        n: number;
      }>`select count(*)::int as n from outbox where type in ('contact.created', 'contact.updated', 'company.created') and created_at > (select created_at from imports where id = ${importId})`,
    );
    expect(perRow[0]?.n).toBe(0);
  });

  it('keeps each row in the history: who imported it, from which file, field by field', async () => {
    const history = (await call('GET', `/api/v1/audit-log/contact/${keeperId}`)).json().data as HistoryEntry[];
    expect(history[0]).toMatchObject({
      action: 'updated',
      actorName: expect.any(String),
      changes: { title: { from: 'Original', to: 'Changed' } },
      importId,
      fileName: 'x.csv',
    });
    expect(history.map((h) => h.action)).toEqual(['updated', 'created']);
    const timeline = (await call('GET', `/api/v1/contacts/${keeperId}/timeline`)).json().data as { kind: string; changes?: object; import?: object }[];
    expect(timeline[0]).toMatchObject({ kind: 'change', changes: { title: { from: 'Original', to: 'Changed' } }, import: { id: importId, fileName: 'x.csv' } });
    const admin = (await call('GET', `/api/v1/audit-log?objectType=contact&action=created&limit=10`)).json().data as HistoryEntry[];
    expect(admin.filter((a) => a.importId === importId)).toHaveLength(3);
    const zhang = admin.find((a) => a.changes.name?.to === '张伟');
    expect(zhang?.changes.title).toEqual({ from: null, to: '经理' });
  });

  it('delivers each batch once to every subscriber: rules, dedup keys, webhooks', async () => {
    const delivered = await drainOutbox(t);
    expect(delivered.filter((d) => d === 'import.batch_committed')).toHaveLength(3);
    const runs = await query(
      sql<{ record_id: string; status: string; trigger_event: string }>`select record_id, status, trigger_event from workflow_runs where rule_id = ${ruleId}`,
    );
    const contacts = await query(
      sql<{ id: string; name: string; tags: string[] }>`select id, name, tags from contacts where name in ('张伟', '李娜', '王芳') order by name`,
    );
    const zhang = contacts.find((c) => c.name === '张伟');
    expect(runs).toEqual([{ record_id: zhang?.id, status: 'succeeded', trigger_event: 'contact.created' }]);
    expect(zhang?.tags).toContain('imported-vip');
    const keyed = await query(
      sql<{ record_id: string }>`select distinct record_id from dedup_keys where object = 'contact' and record_id = any(${contacts.map((c) => c.id)}::uuid[])`,
    );
    expect(keyed).toHaveLength(3);
    const deliveries = await query(sql<{ event_type: string; body: string }>`select event_type, body from webhook_deliveries order by created_at`);
    const batches = deliveries.filter((d) => d.event_type === 'import.batch_committed').map((d) => JSON.parse(d.body));
    // The webhook takes contact.created: the two batches that created contacts, not the one that only failed.
    expect(batches).toHaveLength(2);
    expect(batches[0].data).toMatchObject({ importId, object: 'contact', rows: { first: 2, last: 3 }, counts: { created: 2 } });
    expect(batches[0].data.records.contact.created).toHaveLength(2);
    expect(batches[1].data.changedFields[keeperId]).toEqual(['title']);
    // Redelivered: nothing runs or is delivered twice.
    await inTenant(t.db.kysely, user.tenantId, (tx) => sql`update outbox set published_at = null where type = 'import.batch_committed'`.execute(tx));
    await drainOutbox(t);
    expect(await query(sql`select 1 from workflow_runs where rule_id = ${ruleId}`)).toHaveLength(1);
    expect((await query(sql`select 1 from webhook_deliveries where event_type = 'import.batch_committed'`)).length).toBe(2);
  });

  it('rolls back from the journal and keeps what the import did in the history', async () => {
    const api = importsClient(t, user);
    await api.rollback(importId);
    expect(await api.runRollback(importId)).toBe('done');
    const keeper = (await call('GET', `/api/v1/contacts/${keeperId}`)).json();
    expect(keeper.title).toBe('Original');
    const history = (await call('GET', `/api/v1/audit-log/contact/${keeperId}`)).json().data as HistoryEntry[];
    expect(history.map((h) => [h.action, h.changes.title, h.importId])).toEqual([
      ['updated', { from: 'Changed', to: 'Original' }, null],
      ['updated', { from: 'Original', to: 'Changed' }, importId],
      ['created', expect.anything(), null],
    ]);
  });
});
