import type { Database } from '#db/database.ts';
import { inSystem, inTenant } from '#db/tx.ts';
import { translate } from '#platform/i18n/i18n.ts';
import { localDay } from '#platform/time/zones.ts';
import type { ObjectRegistry } from '#platform/objects/object-registry.ts';
import { insertSystemTasks, type SystemTask } from '#modules/activities/index.ts';
import { type PoolTarget, poolTargets } from './pool-targets.definition.ts';
import { claimReminders, dueIds, recycleBatch, recyclingObjects, recyclingTenants, tenantClock } from './recycle.repo.ts';
import { requireAccess } from '#platform/access/access.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { poolErrors } from './pool.errors.ts';

export const RECYCLE_JOB = 'pool-recycle';
const BATCH = 5000;

/** `objects`: the registry, which tells the pool-capable objects (deps.objects). */
export type RecycleOptions = { db: Database; objects: ObjectRegistry; now?: Date; batch?: number; tenantId?: string; concurrency?: number };
export type RecycleResult = { recycled: number; reminded: number };

/** The reminder task's link to the record: `companyId`, or `contactId` for a B2C customer (activities link to both). */
const taskLink = (object: string, id: string) => ({ [`${object}Id`]: id }) as Pick<SystemTask, 'companyId' | 'contactId'>;

const chunks = <T>(list: T[], size: number) => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/** Runs the tasks `width` at a time (batches touch disjoint companies, so they never wait on each other). */
async function inParallel(tasks: (() => Promise<void>)[], width: number): Promise<void> {
  const queue = [...tasks];
  const lane = async () => {
    for (let task = queue.shift(); task; task = queue.shift()) await task();
  };
  await Promise.all(Array.from({ length: Math.max(1, width) }, lane));
}

/**
 * One recycling pass, tenant by tenant and object by object (companies, B2C contacts): one scan
 * finds the records due back or due a warning, then batches of a few thousand move (or warn) in
 * one statement each, in their own transaction, two at a time by default (a server's cores;
 * PGlite runs them in turn), locked rows skipped and the rules checked again. Owners of records
 * due within their pool's K days get a task and an event, once per due date. Safe to run again
 * or on several instances at once.
 */
export async function runRecycling(o: RecycleOptions): Promise<RecycleResult> {
  const now = o.now ?? new Date();
  const targets = poolTargets(o.objects);
  const tenants = o.tenantId ? [o.tenantId] : await inSystem(o.db.kysely, recyclingTenants);
  const result: RecycleResult = { recycled: 0, reminded: 0 };
  for (const tenantId of tenants) {
    const objects = await inTenant(o.db.kysely, tenantId, recyclingObjects);
    for (const target of targets.filter((t) => objects.includes(t.object))) {
      const tasks = await tenantTasks({ ...o, now, tenantId, target, result });
      await inParallel(tasks, o.concurrency ?? 2);
    }
  }
  return result;
}

type PassOptions = RecycleOptions & { now: Date; tenantId: string; target: PoolTarget; result: RecycleResult };

/** The batches of one object in one tenant: recycle the due, warn the soon due. */
async function tenantTasks(o: PassOptions): Promise<(() => Promise<void>)[]> {
  const { tenantId, target, now, result } = o;
  const size = o.batch ?? BATCH;
  const due = await inTenant(o.db.kysely, tenantId, (tx) => dueIds(tx, { tenantId, target, now }));
  const recycle = chunks(due.recycle, size).map((ids) => async () => {
    // Awaited first: `result.x += await ...` would read the total before another lane adds to it.
    const moved = await inTenant(o.db.kysely, tenantId, (tx) => recycleBatch(tx, { tenantId, target, now, ids }));
    result.recycled += moved;
  });
  const remind = chunks(due.remind, size).map((ids) => async () => {
    const warned = await inTenant(o.db.kysely, tenantId, async (tx) => {
      const rows = await claimReminders(tx, { tenantId, target, now, ids });
      const { locale, timezone } = await tenantClock(tx);
      await insertSystemTasks(tx, {
        tenantId,
        tasks: rows.map((r) => ({
          ownerId: r.owner_id,
          ...taskLink(target.object, r.id),
          dueAt: r.due_at,
          subject: translate(locale, 'pool.reminder_subject', { name: r.name, date: localDay(r.due_at, timezone) }),
        })),
      });
      return rows.length;
    });
    result.reminded += warned;
  });
  return [...recycle, ...remind];
}

/**
 * A manager's "recycle now" for the caller's tenant (`POST /pools/recycle-runs`). `asOf` runs as
 * of another time, allowed only with KEHU_TEST_CLOCK=1 (tests and demos of the clock).
 */
export async function recycleNow(o: { deps: Deps; ctx: RequestContext; asOf?: string | undefined }): Promise<RecycleResult & { asOf: string }> {
  requireAccess(o.ctx.access, 'pool', 'update');
  if (o.asOf && process.env.KEHU_TEST_CLOCK !== '1') throw poolErrors.clockDisabled();
  const asOf = o.asOf ? new Date(o.asOf) : new Date();
  const result = await runRecycling({ db: o.deps.db, objects: o.deps.objects, now: asOf, tenantId: o.ctx.tenantId });
  return { ...result, asOf: asOf.toISOString() };
}
