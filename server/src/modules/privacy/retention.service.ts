import { inSystem, inTenant, inTenantRead, type Tx } from '#db/tx.ts';
import { redactTrail } from '#platform/audit/redact-trail.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { type RecordChangeOptions, recordChange, recordChanges } from '#platform/events/record-change.ts';
import { newId } from '#platform/ids.ts';
import { anonymiseRows, redactorOf } from './anonymise.service.ts';
import { heldRecordIds } from './holds.service.ts';
import { privacyErrors } from './privacy.errors.ts';
import * as repo from './retention.repo.ts';
import type { TCreateRetentionPolicy, TRetentionPolicy, TUpdateRetentionPolicy } from './retention.schema.ts';
import { objectPlans, type PlannedObject } from './subject.service.ts';

type Options = { deps: Deps; ctx: RequestContext };

const MONTH = 30 * 86_400_000;
/** Records one run acts on per policy; the rest wait for the next day. */
const RUN_LIMIT = 5000;
const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The timestamp fields a policy may count age from: the object's declared datetimes, else the record's own. */
function ageFields(p: PlannedObject, columns: Map<string, unknown> | undefined): string[] {
  const declared = (p.definition.fields ?? []).filter((f) => f.type === 'datetime').map((f) => f.name);
  const names = [...new Set([...declared, 'createdAt', 'updatedAt'])];
  return names.filter((n) => columns?.has(snake(n)));
}

async function targets(tx: Tx, deps: Deps) {
  const { plans, columns } = await objectPlans(tx, deps);
  return plans.filter((p) => p.plan.personal.length).map((p) => ({ ...p, fields: ageFields(p, columns.get(p.plan.table)) }));
}

const toApi = (row: repo.PolicyRow, label: { zh: string; en: string }): TRetentionPolicy => ({
  id: row.id,
  object: row.object,
  label,
  field: row.field,
  months: row.months,
  action: row.action as TRetentionPolicy['action'],
  enabled: row.enabled,
  lastRunAt: row.last_run_at?.toISOString() ?? null,
  lastResult: (row.last_result as TRetentionPolicy['lastResult']) ?? null,
  version: row.version,
});

const requireAdmin = (ctx: RequestContext) => {
  if (!ctx.access.isAdmin) throw privacyErrors.forbidden();
};

type Resolved = { target: Awaited<ReturnType<typeof targets>>[number]; due: { plan: PlannedObject['plan']; column: string; before: Date; anonymise: boolean } };

async function resolve(tx: Tx, deps: Deps, p: { object: string; field: string; months: number; action: string }, now: Date): Promise<Resolved> {
  const target = (await targets(tx, deps)).find((t) => t.plan.object === p.object);
  if (!target) throw privacyErrors.retentionObject();
  if (!target.fields.includes(p.field)) throw privacyErrors.retentionField();
  const due = { plan: target.plan, column: snake(p.field), before: new Date(now.getTime() - p.months * MONTH), anonymise: p.action === 'anonymise' };
  return { target, due };
}

/** A policy that would act on every record of its object needs the count confirmed (the "delete everything" guard). */
async function guardEverything(tx: Tx, r: Resolved, confirmCount: number | undefined) {
  const { count, total } = await repo.countDue(tx, r.due);
  if (total > 0 && count === total && confirmCount !== count) throw privacyErrors.retentionEverything(count);
}

export async function listRetentionTargets(o: Options) {
  requireAdmin(o.ctx);
  return inTenantRead(o.deps.db.kysely, o.ctx.tenantId, async (tx) =>
    (await targets(tx, o.deps)).map((t) => ({ object: t.plan.object, label: t.plan.label, fields: t.fields })),
  );
}

export async function listPolicies(o: Options): Promise<TRetentionPolicy[]> {
  requireAdmin(o.ctx);
  return inTenantRead(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const labels = new Map((await targets(tx, o.deps)).map((t) => [t.plan.object, t.plan.label]));
    return (await repo.listPolicies(tx)).map((r) => toApi(r, labels.get(r.object) ?? { zh: r.object, en: r.object }));
  });
}

export async function createPolicy(o: Options & { input: TCreateRetentionPolicy }): Promise<TRetentionPolicy> {
  requireAdmin(o.ctx);
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const { confirmCount, ...input } = o.input;
    const resolved = await resolve(tx, o.deps, input, new Date());
    if (input.enabled) await guardEverything(tx, resolved, confirmCount);
    const row = await repo.insertPolicy(tx, { tenant_id: o.ctx.tenantId, id: newId(), ...input, created_by: o.ctx.userId, updated_by: o.ctx.userId });
    await recordChange(tx, o.ctx, { action: 'created', objectType: 'retention_policy', objectId: row.id, before: null, after: { ...input } });
    return toApi(row, resolved.target.plan.label);
  });
}

export async function updatePolicy(o: Options & { id: string; input: TUpdateRetentionPolicy; version?: number | undefined }): Promise<TRetentionPolicy> {
  requireAdmin(o.ctx);
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const before = await repo.findPolicy(tx, o.id);
    if (!before) throw privacyErrors.retentionNotFound();
    if (o.version !== undefined && o.version !== before.version) throw privacyErrors.stale(o.version, before.version);
    const { confirmCount, ...changes } = o.input;
    const next = { object: before.object, field: before.field, months: changes.months ?? before.months, action: changes.action ?? before.action };
    const resolved = await resolve(tx, o.deps, next, new Date());
    if (changes.enabled ?? before.enabled) await guardEverything(tx, resolved, confirmCount);
    const row = await repo.updatePolicy(tx, { id: o.id, version: before.version, values: { ...changes, updated_by: o.ctx.userId } });
    if (!row) throw privacyErrors.stale(before.version, before.version + 1);
    const view = (r: repo.PolicyRow) => ({ months: r.months, action: r.action, enabled: r.enabled });
    await recordChange(tx, o.ctx, { action: 'updated', objectType: 'retention_policy', objectId: o.id, before: view(before), after: view(row) });
    return toApi(row, resolved.target.plan.label);
  });
}

export async function deletePolicy(o: Options & { id: string }): Promise<void> {
  requireAdmin(o.ctx);
  await inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const row = await repo.findPolicy(tx, o.id);
    if (!row) throw privacyErrors.retentionNotFound();
    await repo.deletePolicy(tx, o.id);
    await recordChange(tx, o.ctx, { action: 'deleted', objectType: 'retention_policy', objectId: o.id, before: { object: row.object }, after: null });
  });
}

export async function previewPolicy(o: Options & { id: string; now?: Date }) {
  requireAdmin(o.ctx);
  return inTenantRead(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const row = await repo.findPolicy(tx, o.id);
    if (!row) throw privacyErrors.retentionNotFound();
    return repo.countDue(tx, (await resolve(tx, o.deps, row, o.now ?? new Date())).due);
  });
}

/** One policy's run in the caller's transaction: anonymise the due records, or delete them (anonymise those others still point at). */
async function runPolicy(tx: Tx, o: Options & { row: repo.PolicyRow; now: Date; confirmCount?: number | undefined; guard: boolean }) {
  const resolved = await resolve(tx, o.deps, o.row, o.now);
  if (o.guard) await guardEverything(tx, resolved, o.confirmCount);
  const { columns } = await objectPlans(tx, o.deps);
  const tableColumns = columns.get(resolved.due.plan.table) ?? new Map();
  // Records on legal hold are skipped (counted in the run's report), whatever their age.
  const held = [...(await heldRecordIds(tx, o.deps))];
  const rows = await repo.dueRows(tx, { ...resolved.due, limit: RUN_LIMIT, exclude: held });
  const kept = [];
  const changes: RecordChangeOptions[] = [];
  let deleted = 0;
  for (const row of rows) {
    if (resolved.due.anonymise || !(await repo.deleteRecord(tx, resolved.due.plan.table, row.id))) kept.push(row);
    else {
      deleted++;
      changes.push({ action: 'deleted_by_retention', objectType: resolved.due.plan.object, objectId: row.id, before: { id: row.id }, after: null });
    }
  }
  const f = { ...resolved.target, rows: kept };
  changes.push(...(await anonymiseRows({ tx, ctx: o.ctx, f, columns: tableColumns })));
  await redactTrail(tx, { ids: rows.map((r) => r.id), redact: redactorOf(new Set(f.plan.personal.map((p) => p.field))) });
  await recordChanges(tx, o.ctx, changes);
  const result = { anonymised: kept.length, deleted, held: await repo.countDueAmong(tx, { ...resolved.due, ids: held }), at: o.now.toISOString() };
  await repo.recordRun(tx, o.row.id, result);
  return result;
}

/** Runs one policy now (admin), with the same "everything" guard as saving it. */
export async function runPolicyNow(o: Options & { id: string; confirmCount?: number | undefined; now?: Date }): Promise<TRetentionPolicy> {
  requireAdmin(o.ctx);
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const row = await repo.findPolicy(tx, o.id);
    if (!row) throw privacyErrors.retentionNotFound();
    await runPolicy(tx, { ...o, row, now: o.now ?? new Date(), guard: true });
    const after = (await repo.findPolicy(tx, o.id)) as repo.PolicyRow;
    const label = (await targets(tx, o.deps)).find((t) => t.plan.object === row.object)?.plan.label ?? { zh: row.object, en: row.object };
    return toApi(after, label);
  });
}

const systemCtx = (tenantId: string): RequestContext => ({
  tenantId,
  userId: null,
  requestId: 'privacy:retention',
  ip: null,
  locale: 'zh-CN',
  access: { userId: null, isAdmin: true, permissions: {}, fields: {}, teamUserIds: [] },
});

/** The daily job: every enabled policy of every tenant, each in its own transaction; `now` fixes the clock in tests. */
export async function runRetention(o: { deps: Deps; now?: Date; tenantId?: string }): Promise<{ anonymised: number; deleted: number }> {
  const now = o.now ?? new Date();
  const tenants = o.tenantId ? [o.tenantId] : (await inSystem(o.deps.db.kysely, repo.tenantsWithPolicies)).map((r) => r.tenant_id);
  const total = { anonymised: 0, deleted: 0 };
  for (const tenantId of tenants) {
    const ctx = systemCtx(tenantId);
    const policies = (await inTenantRead(o.deps.db.kysely, tenantId, repo.listPolicies)).filter((p) => p.enabled);
    for (const row of policies) {
      const result = await inTenant(o.deps.db.kysely, tenantId, (tx) => runPolicy(tx, { deps: o.deps, ctx, row, now, guard: false }));
      total.anonymised += result.anonymised;
      total.deleted += result.deleted;
    }
  }
  return total;
}
