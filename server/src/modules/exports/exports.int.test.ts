import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { inTenant } from '#db/tx.ts';
import { exportPath } from './export-files.service.ts';
import { cleanupExpiredExports } from './exports.jobs.ts';
import { runExport } from './export-run.service.ts';
import type { TExport } from './exports.schema.ts';

describe.skipIf(!databaseAvailable)('export jobs', () => {
  let t: TestApp;
  let rep: TestUser;
  let other: TestUser;

  const start = async (user: TestUser, payload: object) => t.request(user, { method: 'POST', url: '/api/v1/exports', payload });
  const get = async (user: TestUser, id: string) => (await t.request(user, { method: 'GET', url: `/api/v1/exports/${id}` })).json() as TExport;
  const run = (user: TestUser, id: string, pageSize?: number) =>
    runExport({ deps: t.deps, tenantId: user.tenantId, exportId: id, ...(pageSize ? { pageSize } : {}) });
  const contact = async (user: TestUser, payload: object) => {
    const res = await t.request(user, { method: 'POST', url: '/api/v1/contacts', payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };

  beforeAll(async () => {
    t = await createTestApp();
    (t.deps.config as { dataDir: string }).dataDir = await mkdtemp(join(tmpdir(), 'kehu-exports-'));
    // Reps may export their own records here, but still may not read ID numbers.
    await inTenant(t.db.kysely, t.admin.tenantId, (tx) =>
      sql`update roles set permissions = jsonb_set(permissions, '{contact,export}', '"own"') where name = 'Sales Rep'`.execute(tx),
    );
    await t.createUser({ role: 'Sales Manager', name: '孙经理' }); // a manager on the team, whose scope the rep's export must not borrow
    rep = await t.createUser({ role: 'Sales Rep', name: '王销售' });
    other = await t.createUser({ role: 'Sales Rep' });
    await t.defineCustomField(t.admin, {
      object: 'contact',
      key: 'level',
      label: { zh: '级别', en: 'Level' },
      type: 'select',
      options: [
        { value: 'vip', label: { zh: '贵宾', en: 'VIP' } },
        { value: 'normal', label: { zh: '普通', en: 'Normal' } },
      ],
    });
    for (let i = 0; i < 12; i++) {
      await contact(rep, {
        name: `张${i}`,
        title: i % 2 ? 'CEO' : 'CTO',
        phones: [{ number: `+86 138 0013 80${String(i).padStart(2, '0')}` }],
        custom: { level: i < 3 ? 'vip' : 'normal' },
      });
    }
    const risky = await contact(rep, { name: '公式', title: "=cmd|' /C calc'!A0", description: '@SUM(1+1)', tags: ['-2+3'], custom: { level: 'vip' } });
    await t.request(t.admin, { method: 'PATCH', url: `/api/v1/contacts/${risky}`, payload: { idNumber: '110101199003071234' } });
    await contact(other, { name: '别人的客户', title: 'CEO' });
  });
  afterAll(() => t?.close());

  it('exports a filtered, sorted list view to XLSX with its columns, custom field labels and the full ID number for a role that may read it', async () => {
    const res = await start(t.admin, {
      object: 'contact',
      format: 'xlsx',
      filter: JSON.stringify({ 'custom.level': { eq: 'vip' } }),
      sort: 'name',
      columns: [
        { key: 'name', label: '姓名' },
        { key: 'title', label: 'Title' },
        { key: 'phones', label: 'Phone' },
        { key: 'idNumber', label: 'ID' },
        { key: 'ownerId', label: 'Owner' },
        { key: 'custom.level', label: 'Level' },
      ],
    });
    expect(res.statusCode, res.body).toBe(202);
    const queued = res.json() as TExport;
    expect(queued).toMatchObject({ status: 'queued', progress: { written: 0, total: 4 }, downloadUrl: null });
    expect(await run(t.admin, queued.id, 2)).toBe('done');
    const done = await get(t.admin, queued.id);
    expect(done).toMatchObject({ status: 'done', progress: { written: 4, total: 4, percent: 100 }, downloadUrl: `/api/v1/exports/${queued.id}/download` });

    const file = await t.request(t.admin, { method: 'GET', url: done.downloadUrl as string });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const rows =
      book.worksheets[0]
        ?.getSheetValues()
        .slice(1)
        .map((r) => (r as unknown[]).slice(1)) ?? [];
    expect(rows[0]).toEqual(['姓名', 'Title', 'Phone', 'ID', 'Owner', 'Level']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['公式', '张0', '张1', '张2']);
    expect(rows[1]).toEqual(['公式', "'=cmd|' /C calc'!A0", undefined, '110101199003071234', '王销售', 'VIP']);
    expect(rows[2]?.[2]).toBe('+86 138 0013 8000');

    const audit = await inTenant(t.db.kysely, t.admin.tenantId, (tx) =>
      tx.selectFrom('audit_log').select(['action', 'object_type', 'changes', 'actor_id']).where('action', '=', 'export').execute(),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ object_type: 'contact', actor_id: t.admin.id });
    expect(audit[0]?.changes).toMatchObject({ rows: { to: 4 } });
  });

  it('obeys the export scope and masks fields the user may not read, in CSV with formula injection neutralised', async () => {
    const res = await start(rep, {
      object: 'contact',
      format: 'csv',
      columns: [{ key: 'name' }, { key: 'title' }, { key: 'description' }, { key: 'tags' }, { key: 'idNumber' }],
    });
    expect(res.statusCode, res.body).toBe(202);
    const id = (res.json() as TExport).id;
    expect((res.json() as TExport).progress.total).toBe(13);
    expect(await run(rep, id)).toBe('done');
    const csv = (await t.request(rep, { method: 'GET', url: `/api/v1/exports/${id}/download` })).body;
    expect(csv.startsWith('\uFEFFname,title,description,tags,idNumber\n')).toBe(true);
    expect(csv).not.toContain('别人的客户');
    expect(csv).toContain("公式,'=cmd|' /C calc'!A0,'@SUM(1+1),'-2+3,1101**********1234\n");
    expect(csv).not.toContain('110101199003071234');
    expect(csv.trim().split('\n')).toHaveLength(14);
  });

  it('only its author (or an admin) sees an export', async () => {
    const id = ((await start(rep, { object: 'contact', format: 'csv' })).json() as TExport).id;
    expect((await t.request(other, { method: 'GET', url: `/api/v1/exports/${id}` })).statusCode).toBe(404);
    expect((await t.request(other, { method: 'GET', url: `/api/v1/exports/${id}/download` })).statusCode).toBe(404);
    expect((await t.request(t.admin, { method: 'GET', url: `/api/v1/exports/${id}` })).statusCode).toBe(200);
    expect((await t.request(rep, { method: 'GET', url: `/api/v1/exports/${id}/download` })).statusCode).toBe(409);
    const mine = (await t.request(rep, { method: 'GET', url: '/api/v1/exports' })).json().data as TExport[];
    expect(mine.map((e) => e.id)).toContain(id);
    expect(((await t.request(other, { method: 'GET', url: '/api/v1/exports' })).json().data as TExport[]).map((e) => e.id)).not.toContain(id);
  });

  it('refuses bad requests with problem+json and writes nothing', async () => {
    const before = await inTenant(t.db.kysely, t.admin.tenantId, (tx) =>
      tx
        .selectFrom('exports')
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    );
    const unknown = await start(t.admin, { object: 'contact', columns: [{ key: 'nope' }] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json().errors).toEqual([{ field: 'columns.0.key', message: 'There is no field nope to export' }]);
    expect((await start(t.admin, { object: 'contact', columns: [{ key: 'custom.missing' }] })).statusCode).toBe(400);
    expect((await start(t.admin, { object: 'contact', filter: '{"nope":{"eq":1}}' })).statusCode).toBe(400);
    expect((await start(t.admin, { object: 'contact', format: 'pdf' })).statusCode).toBe(400);
    expect((await start(other, { object: 'company' })).statusCode).toBe(403);
    const after = await inTenant(t.db.kysely, t.admin.tenantId, (tx) =>
      tx
        .selectFrom('exports')
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    );
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('cancels a running export: the job stops after its page and the file is discarded', async () => {
    const id = ((await start(t.admin, { object: 'contact', format: 'csv' })).json() as TExport).id;
    const running = run(t.admin, id, 1);
    for (let i = 0; i < 200 && (await get(t.admin, id)).progress.written === 0; i++) await new Promise((r) => setTimeout(r, 5));
    const cancelled = await t.request(t.admin, { method: 'POST', url: `/api/v1/exports/${id}/cancel` });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(await running).toBe('cancelled');
    const after = await get(t.admin, id);
    expect(after.status).toBe('cancelled');
    expect(after.progress.written).toBeLessThan(14);
    expect(existsSync(exportPath({ config: t.deps.config, tenantId: t.admin.tenantId, id, format: 'csv' }))).toBe(false);
    expect((await t.request(t.admin, { method: 'POST', url: `/api/v1/exports/${id}/cancel` })).statusCode).toBe(409);
    expect(await run(t.admin, id)).toBe('skipped');
  });

  it('the cleanup job removes expired files; their download answers 404', async () => {
    const id = ((await start(t.admin, { object: 'company', format: 'xlsx' })).json() as TExport).id;
    expect(await run(t.admin, id)).toBe('done');
    const path = exportPath({ config: t.deps.config, tenantId: t.admin.tenantId, id, format: 'xlsx' });
    expect(existsSync(path)).toBe(true);
    expect(await cleanupExpiredExports(t.deps)).toBe(0);
    expect(await cleanupExpiredExports(t.deps, new Date(Date.now() + 8 * 24 * 3600 * 1000))).toBeGreaterThanOrEqual(1);
    expect(existsSync(path)).toBe(false);
    expect((await get(t.admin, id)).status).toBe('expired');
    const gone = await t.request(t.admin, { method: 'GET', url: `/api/v1/exports/${id}/download` });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().title ?? gone.json().detail).toBeTruthy();
  });
});
