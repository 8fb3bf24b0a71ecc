import { inTenant, inTenantRead } from '#db/tx.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { writeAudit } from '#platform/audit/audit.ts';
import { newId } from '#platform/ids.ts';
import { approvalsErrors } from './approvals.errors.ts';
import { toProcess } from './approvals.mapper.ts';
import type { TApprovalProcess, TCreateApprovalProcessRequest, TUpdateApprovalProcessRequest } from './approvals.schema.ts';
import { checkProcess } from './process-check.service.ts';
import * as repo from './processes.repo.ts';

type Base = { deps: Deps; ctx: RequestContext };

const requireAdmin = (ctx: RequestContext) => {
  if (!ctx.access.isAdmin) throw approvalsErrors.adminOnly();
};

const columnsOf = (p: TCreateApprovalProcessRequest) => ({
  object: p.object,
  name: p.name,
  description: p.description ?? null,
  criteria: p.criteria ? JSON.stringify(p.criteria) : null,
  steps: JSON.stringify(p.steps),
  on_approved: JSON.stringify(p.onApproved ?? {}),
  on_rejected: JSON.stringify(p.onRejected ?? {}),
  enabled: p.enabled ?? true,
  position: p.position ?? 0,
});

/** Processes, optionally of one object. Everyone may list them (the record page offers them); only admins change them. */
export async function listProcesses(o: Base & { object?: string | undefined }): Promise<TApprovalProcess[]> {
  return inTenantRead(o.deps.db.kysely, o.ctx.tenantId, async (tx) => (await repo.listProcesses(tx, o.object)).map(toProcess));
}

export async function getProcess(o: Base & { id: string }): Promise<TApprovalProcess> {
  const row = await inTenantRead(o.deps.db.kysely, o.ctx.tenantId, (tx) => repo.findProcess(tx, o.id));
  if (!row) throw approvalsErrors.processNotFound();
  return toProcess(row);
}

export async function createProcess(o: Base & { input: TCreateApprovalProcessRequest }): Promise<TApprovalProcess> {
  requireAdmin(o.ctx);
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    await checkProcess({ tx, deps: o.deps, p: o.input });
    const row = await repo.insertProcess(tx, {
      tenant_id: o.ctx.tenantId,
      id: newId(),
      ...columnsOf(o.input),
      created_by: o.ctx.userId,
      updated_by: o.ctx.userId,
    });
    await writeAudit(tx, o.ctx, { action: 'created', objectType: 'approvalProcess', objectId: row.id, changes: { name: { from: null, to: row.name } } });
    return toProcess(row);
  });
}

export async function updateProcess(o: Base & { id: string; input: TUpdateApprovalProcessRequest }): Promise<TApprovalProcess> {
  requireAdmin(o.ctx);
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const before = await repo.findProcess(tx, o.id, true);
    if (!before) throw approvalsErrors.processNotFound();
    const merged = { ...toProcess(before), ...o.input };
    await checkProcess({ tx, deps: o.deps, p: merged });
    const row = await repo.updateProcess(tx, o.id, { ...columnsOf(merged), updated_by: o.ctx.userId });
    const changed = Object.keys(o.input).filter(
      (k) => JSON.stringify((toProcess(before) as Record<string, unknown>)[k]) !== JSON.stringify((toProcess(row) as Record<string, unknown>)[k]),
    );
    await writeAudit(tx, o.ctx, {
      action: 'updated',
      objectType: 'approvalProcess',
      objectId: row.id,
      changes: Object.fromEntries(changed.map((k) => [k, { from: null, to: '(changed)' }])),
    });
    return toProcess(row);
  });
}

/** A process that requests went through stays (their history names it): switch it off instead. */
export async function deleteProcess(o: Base & { id: string }): Promise<void> {
  requireAdmin(o.ctx);
  await inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const before = await repo.findProcess(tx, o.id, true);
    if (!before) throw approvalsErrors.processNotFound();
    if (await repo.processUsed(tx, o.id)) throw approvalsErrors.processInUse();
    await repo.deleteProcess(tx, o.id);
    await writeAudit(tx, o.ctx, { action: 'deleted', objectType: 'approvalProcess', objectId: o.id, changes: { name: { from: before.name, to: null } } });
  });
}
