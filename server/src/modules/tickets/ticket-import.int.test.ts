import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { importsClient, tempFile } from '#test/imports-kit.ts';
import { ticketsKit } from './tickets.test-kit.ts';

/** Tickets from another help desk's CSV, through the generic import (the object's ImportSpec). */
describe.skipIf(!databaseAvailable)('tickets: import', () => {
  let t: TestApp;
  let kit: ReturnType<typeof ticketsKit>;

  beforeAll(async () => {
    t = await createTestApp();
    kit = ticketsKit(t);
  });
  afterAll(() => t?.close());

  it('maps Chinese headers, resolves the contact by e-mail, numbers every row and refuses a bad status', async () => {
    const contact = await kit.createContact({ name: '李雷', emails: [{ address: 'lilei@xc.cn' }] });
    const api = importsClient(t, t.admin);
    const csv = [
      '主题,描述,联系人,渠道,优先级,状态,标签',
      '打印机无法连接,办公室打印机,lilei@xc.cn,phone,high,open,硬件',
      '发票重开,,lilei@xc.cn,email,normal,resolved,',
      '坏状态,,,,normal,lost,',
    ];
    const imp = await api.uploaded(await tempFile('tickets.csv', csv.join('\n')), 'ticket');
    await api.start(imp.id);
    await api.run(imp.id);
    const done = await api.get(imp.id);
    expect(done).toMatchObject({ status: 'done', progress: { created: 2, failed: 1 } });
    expect(await api.errorsCsv(imp.id)).toContain('坏状态');
    const rows = (await kit.json(t.admin, 'GET', '/api/v1/tickets?sort=number')).json().data;
    expect(rows.map((r: { subject: string }) => r.subject)).toEqual(['打印机无法连接', '发票重开']);
    const year = new Date().getFullYear();
    expect(rows[0]).toMatchObject({ number: `TK-${year}-000001`, contactId: contact.id, channel: 'phone', priority: 'high', status: 'open', tags: ['硬件'] });
    expect(rows[1]).toMatchObject({ number: `TK-${year}-000002`, status: 'resolved' });
    expect(rows[1].resolvedAt).not.toBeNull();
  });
});
