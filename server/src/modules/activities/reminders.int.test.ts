import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobsOf } from '#platform/jobs/job-registry.ts';
import type { JobRunner } from '#platform/jobs/job-types.ts';
import { createTestApp, type TestApp } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { REMINDER_JOB, sendDueReminders } from './reminders.jobs.ts';

describe.skipIf(!databaseAvailable)('task reminders', () => {
  let t: TestApp;
  let contactId: string;
  const hour = 3600_000;
  const task = async (subject: string, remindInHours: number | null) => {
    const payload = {
      type: 'task',
      subject,
      contactId,
      dueAt: new Date(Date.now() + 48 * hour).toISOString(),
      ...(remindInHours === null ? {} : { remindAt: new Date(Date.now() + remindInHours * hour).toISOString() }),
    };
    const res = await t.request(t.admin, { method: 'POST', url: '/api/v1/activities', payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const reminded = async () =>
    (await sql<{ object_id: string }>`select object_id from outbox where type = 'activity.reminder_due' order by id`.execute(t.db.kysely)).rows.map(
      (r) => r.object_id,
    );

  beforeAll(async () => {
    t = await createTestApp();
    contactId = (await t.request(t.admin, { method: 'POST', url: '/api/v1/contacts', payload: { name: '赵磊' } })).json().id;
  });
  afterAll(() => t?.close());

  it('emits reminder_due once for each due, open task', async () => {
    const due = await task('due now', -1);
    await task('later', 5);
    await task('no reminder', null);
    const done = await task('already done', -2);
    await t.request(t.admin, { method: 'POST', url: `/api/v1/activities/${done}/complete` });
    expect(await sendDueReminders({ db: t.db })).toBe(1);
    expect(await reminded()).toEqual([due]);
    // A second run (another instance, a retried job) sends nothing new.
    expect(await sendDueReminders({ db: t.db })).toBe(0);
    const { rows } = await sql<{
      payload: Record<string, unknown>;
      tenant_id: string;
    }>`select payload, tenant_id from outbox where type = 'activity.reminder_due'`.execute(t.db.kysely);
    expect(rows[0]).toMatchObject({ tenant_id: t.admin.tenantId, payload: { subject: 'due now', ownerId: t.admin.id, contactId } });
  });

  it('puts the reminder in the owner’s bell once, in both languages, linked to the task', async () => {
    const id = await task('回电话给赵磊', -0.5);
    await sendDueReminders({ db: t.db });
    await sendDueReminders({ db: t.db });
    const page = (await t.request(t.admin, { method: 'GET', url: '/api/v1/notifications?limit=100' })).json();
    const mine = page.data.filter((n: { link: { id: string } | null }) => n.link?.id === id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kind: 'task_reminder', title: { zh: '提醒：回电话给赵磊', en: 'Reminder: 回电话给赵磊' }, link: { object: 'activity' } });
  });

  it('reminds again after the reminder is moved, and when the time comes', async () => {
    const later = await task('moved', 5);
    expect(await sendDueReminders({ db: t.db, now: new Date(Date.now() + 6 * hour) })).toBeGreaterThanOrEqual(1);
    const moved = await t.request(t.admin, {
      method: 'PATCH',
      url: `/api/v1/activities/${later}`,
      payload: { remindAt: new Date(Date.now() + 10 * hour).toISOString() },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await sendDueReminders({ db: t.db, now: new Date(Date.now() + 11 * hour) })).toBe(1);
    expect((await reminded()).filter((id) => id === later)).toHaveLength(2);
  });

  it('is registered as a cron job for the job runner', async () => {
    const scheduled: [string, string][] = [];
    const noop = async () => {};
    const runner: JobRunner = {
      start: noop,
      stop: noop,
      createQueue: noop,
      work: async () => [],
      schedule: async (name, cron) => void scheduled.push([name, cron]),
      unschedule: noop,
      send: async () => null,
      insertInTx: noop,
      wake: () => {},
    };
    await jobsOf(t.deps).attach(runner);
    expect(scheduled).toContainEqual([REMINDER_JOB, '* * * * *']);
    jobsOf(t.deps).detach();
  });
});
