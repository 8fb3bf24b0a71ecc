import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';
import { newId } from '../ids.ts';
import type { BusinessCalendarRules, CalendarDay, WorkInterval } from './business-time.ts';
import { defaultCalendarFor } from './default-calendar.ts';

/** A tenant's stored calendar, as the API serves it. */
export type BusinessCalendar = BusinessCalendarRules & {
  id: string;
  name: string;
  week: WorkInterval[][];
  holidays: CalendarDay[];
  workdays: CalendarDay[];
  isDefault: boolean;
  version: number;
  updatedAt: string;
};
export type CalendarValues = { name: string; timeZone: string; week: WorkInterval[][]; holidays: CalendarDay[]; workdays: CalendarDay[]; isDefault: boolean };

type Row = {
  id: string;
  name: string;
  time_zone: string;
  week: unknown;
  holidays: unknown;
  workdays: unknown;
  is_default: boolean;
  version: number;
  updated_at: Date | string;
};
const COLUMNS = ['id', 'name', 'time_zone', 'week', 'holidays', 'workdays', 'is_default', 'version', 'updated_at'] as const;

const toCalendar = (r: Row): BusinessCalendar => ({
  id: r.id,
  name: r.name,
  timeZone: r.time_zone,
  week: r.week as WorkInterval[][],
  holidays: r.holidays as CalendarDay[],
  workdays: r.workdays as CalendarDay[],
  isDefault: r.is_default,
  version: r.version,
  updatedAt: new Date(r.updated_at).toISOString(),
});

/** The tenant's calendars (the transaction is bound to it), the default first, then by name. */
export async function listCalendars(tx: Tx): Promise<BusinessCalendar[]> {
  const rows = await tx.selectFrom('business_calendars').select(COLUMNS).orderBy('is_default', 'desc').orderBy('name').execute();
  return rows.map((r) => toCalendar(r as Row));
}

export async function findCalendar(tx: Tx, id: string): Promise<BusinessCalendar | undefined> {
  const row = await tx.selectFrom('business_calendars').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toCalendar(row as Row) : undefined;
}

/**
 * The calendar business time is counted on: `id`'s when it names one that exists, else the tenant's default,
 * else (a tenant whose default was never stored) Mon–Fri 09:00–18:00 in the tenant's zone.
 */
export async function loadCalendar(tx: Tx, o: { tenantId: string; id?: string | null }): Promise<BusinessCalendarRules> {
  if (o.id) {
    const named = await findCalendar(tx, o.id);
    if (named) return named;
  }
  const row = await tx.selectFrom('business_calendars').select(COLUMNS).where('is_default', '=', true).executeTakeFirst();
  if (row) return toCalendar(row as Row);
  const tenant = await tx.selectFrom('tenants').select('timezone').where('id', '=', o.tenantId).executeTakeFirstOrThrow();
  return defaultCalendarFor(tenant.timezone);
}

const json = (v: unknown) => JSON.stringify(v);

export async function insertCalendar(tx: Tx, o: { tenantId: string; userId: string | null; values: CalendarValues }): Promise<string> {
  const id = newId();
  if (o.values.isDefault) await clearDefault(tx);
  await tx
    .insertInto('business_calendars')
    .values({
      tenant_id: o.tenantId,
      id,
      name: o.values.name,
      time_zone: o.values.timeZone,
      week: json(o.values.week),
      holidays: json(o.values.holidays),
      workdays: json(o.values.workdays),
      is_default: o.values.isDefault,
      created_by: o.userId,
      updated_by: o.userId,
    })
    .execute();
  return id;
}

export async function updateCalendar(tx: Tx, o: { id: string; userId: string | null; values: CalendarValues }): Promise<void> {
  if (o.values.isDefault) await clearDefault(tx, o.id);
  await tx
    .updateTable('business_calendars')
    .set({
      name: o.values.name,
      time_zone: o.values.timeZone,
      week: json(o.values.week),
      holidays: json(o.values.holidays),
      workdays: json(o.values.workdays),
      is_default: o.values.isDefault,
      updated_by: o.userId,
      updated_at: new Date(),
      version: sql`version + 1`,
    })
    .where('id', '=', o.id)
    .execute();
}

export async function deleteCalendar(tx: Tx, id: string): Promise<void> {
  await tx.deleteFrom('business_calendars').where('id', '=', id).execute();
}

/** Whether another calendar of the tenant has the name (names are unique, case aside). */
export async function nameTaken(tx: Tx, o: { name: string; exceptId?: string }): Promise<boolean> {
  let q = tx.selectFrom('business_calendars').select('id').where(sql<boolean>`lower(name) = lower(${o.name})`);
  if (o.exceptId) q = q.where('id', '<>', o.exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

async function clearDefault(tx: Tx, exceptId?: string) {
  let q = tx.updateTable('business_calendars').set({ is_default: false, version: sql`version + 1`, updated_at: new Date() }).where('is_default', '=', true);
  if (exceptId) q = q.where('id', '<>', exceptId);
  await q.execute();
}

/** A new tenant's default calendar (createTenant, inside its transaction). */
export async function insertDefaultCalendar(tx: Tx, o: { tenantId: string; timeZone: string }): Promise<void> {
  await insertCalendar(tx, { tenantId: o.tenantId, userId: null, values: { ...defaultCalendarFor(o.timeZone), isDefault: true } });
}
