import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '#db/tx.ts';
import { createTestApp, type TestApp } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { addBusinessMinutes } from './business-time.ts';
import { loadCalendar } from './calendars.repo.ts';

const nine = [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '18:00' },
];
const body = (o: Record<string, unknown> = {}) => ({
  name: 'Support desk',
  timeZone: 'America/New_York',
  week: [nine, nine, nine, nine, nine, [{ start: '10:00', end: '14:00' }], []],
  holidays: [{ date: '2027-07-05', name: 'Independence Day (observed)' }],
  workdays: [],
  ...o,
});

describe.skipIf(!databaseAvailable)('business calendars', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('gives a new tenant a default calendar: Mon–Fri 09:00–18:00 in Shanghai with China’s holidays and make-up days', async () => {
    const list = await t.request(t.admin, { method: 'GET', url: '/api/v1/business-calendars' });
    expect(list.statusCode).toBe(200);
    const [first] = list.json().data;
    expect(first).toMatchObject({
      isDefault: true,
      timeZone: 'Asia/Shanghai',
      week: [
        [{ start: '09:00', end: '18:00' }],
        [{ start: '09:00', end: '18:00' }],
        [{ start: '09:00', end: '18:00' }],
        [{ start: '09:00', end: '18:00' }],
        [{ start: '09:00', end: '18:00' }],
        [],
        [],
      ],
    });
    expect(first.holidays).toContainEqual({ date: '2026-10-01', name: '国庆节' });
    expect(first.workdays).toContainEqual({ date: '2026-10-10', name: '国庆节调休' });
    // Loaded for arithmetic: Friday 9 Oct 2026 17:00 + 2 working hours = the make-up Saturday, 10:00.
    const cal = await inTenant(t.db.kysely, t.admin.tenantId, (tx) => loadCalendar(tx, { tenantId: t.admin.tenantId }));
    expect(addBusinessMinutes({ calendar: cal, from: new Date('2026-10-09T09:00:00Z'), minutes: 120 }).toISOString()).toBe('2026-10-10T02:00:00.000Z');
  });

  it('lets admins create, replace (If-Match), make default and delete calendars, audited; others only read', async () => {
    const rep = await t.createUser({ role: 'Sales Rep' });
    expect((await t.request(rep, { method: 'POST', url: '/api/v1/business-calendars', payload: body() })).statusCode).toBe(403);
    const created = await t.request(t.admin, { method: 'POST', url: '/api/v1/business-calendars', payload: body() });
    expect(created.statusCode).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    const id = created.json().id as string;
    expect((await t.request(rep, { method: 'GET', url: `/api/v1/business-calendars/${id}` })).json()).toMatchObject({ name: 'Support desk', isDefault: false });

    const stale = await t.request(t.admin, {
      method: 'PUT',
      url: `/api/v1/business-calendars/${id}`,
      headers: { 'if-match': '"9"' },
      payload: body({ name: 'X' }),
    });
    expect(stale.statusCode).toBe(412);
    const replaced = await t.request(t.admin, {
      method: 'PUT',
      url: `/api/v1/business-calendars/${id}`,
      headers: { 'if-match': '"1"' },
      payload: body({ isDefault: true }),
    });
    expect(replaced.json()).toMatchObject({ isDefault: true, version: 2 });
    const list = (await t.request(t.admin, { method: 'GET', url: '/api/v1/business-calendars' })).json().data as { id: string; isDefault: boolean }[];
    expect(list.filter((c) => c.isDefault).map((c) => c.id)).toEqual([id]);
    const cal = await inTenant(t.db.kysely, t.admin.tenantId, (tx) => loadCalendar(tx, { tenantId: t.admin.tenantId, id: null }));
    expect(cal.timeZone).toBe('America/New_York');

    const refused = await t.request(t.admin, { method: 'DELETE', url: `/api/v1/business-calendars/${id}`, headers: { 'accept-language': 'zh-CN' } });
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().detail).toBe('默认日历不能删除；请先将其他日历设为默认');
    const old = list.find((c) => c.id !== id);
    expect((await t.request(rep, { method: 'DELETE', url: `/api/v1/business-calendars/${old?.id}` })).statusCode).toBe(403);
    expect((await t.request(t.admin, { method: 'DELETE', url: `/api/v1/business-calendars/${old?.id}` })).statusCode).toBe(204);
    const audit = await t.db.kysely.selectFrom('audit_log').select(['action', 'object_id']).where('object_type', '=', 'business_calendar').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['created', 'deleted', 'updated']);
  });

  it('refuses a bad calendar with translated field errors, writing nothing', async () => {
    const before = (await t.request(t.admin, { method: 'GET', url: '/api/v1/business-calendars' })).json().data.length;
    const bad = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/business-calendars',
      headers: { 'accept-language': 'en' },
      payload: body({
        name: 'Bad',
        timeZone: 'Mars/Olympus',
        week: [
          [
            { start: '09:00', end: '12:00' },
            { start: '11:00', end: '13:00' },
          ],
          [{ start: '18:00', end: '09:00' }],
          [],
          [],
          [],
          [],
          [],
        ],
        holidays: [
          { date: '2027-02-30', name: '' },
          { date: '2027-01-01', name: '' },
        ],
        workdays: [{ date: '2027-01-01', name: '' }],
      }),
    });
    expect(bad.statusCode).toBe(400);
    const errors = bad.json().errors as { field: string; message: string }[];
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: 'timeZone', message: 'Unknown time zone' },
        { field: 'week.0', message: 'Working intervals of one day overlap' },
        { field: 'week.1.0', message: 'A working interval must end after it starts' },
        { field: 'holidays.0.date', message: 'Not a date: 2027-02-30 (use YYYY-MM-DD)' },
        { field: 'workdays.0.date', message: '2027-01-01 is listed twice' },
      ]),
    );
    const time = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/business-calendars',
      headers: { 'accept-language': 'zh-CN' },
      payload: body({ week: [[{ start: '9:00', end: '25:00' }], [], [], [], [], [], []] }),
    });
    expect(time.statusCode).toBe(400);
    expect(time.json().errors[0]).toMatchObject({ field: 'week.0.0.start', message: '时间格式为 HH:MM（00:00 至 24:00）' });
    const none = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/business-calendars',
      payload: body({ name: 'Empty', week: [[], [], [], [], [], [], []] }),
    });
    expect(none.json().errors).toEqual([{ field: 'week', message: expect.any(String) }]);
    expect((await t.request(t.admin, { method: 'GET', url: '/api/v1/business-calendars' })).json().data.length).toBe(before);
  });
});
