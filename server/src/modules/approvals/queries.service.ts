import { inTenantRead, type Tx } from '#db/tx.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { AppError } from '#platform/errors/app-error.ts';
import { loadVisible } from '#platform/records/record-service.ts';
import { approvalsErrors } from './approvals.errors.ts';
import { toRequest } from './approvals.mapper.ts';
import type { TApprovalListQuery, TApprovalRequest, TRecordApprovals } from './approvals.schema.ts';
import { userNames } from './approvers.repo.ts';
import { findRequest, listRequests, type RequestRow, requestsOfRecord, tasksOf } from './requests.repo.ts';
import { applicableProcesses } from './submit.service.ts';
import { targetOf } from './target.service.ts';

type Base = { deps: Deps; ctx: RequestContext };

export type PresentRequestsOptions = { tx: Tx; ctx: RequestContext; rows: RequestRow[] };
/** Requests with their tasks and the names they show, as `ctx`'s user sees them. */
export async function presentRequests({ tx, ctx, rows }: PresentRequestsOptions): Promise<TApprovalRequest[]> {
  const tasks = await tasksOf(
    tx,
    rows.map((r) => r.id),
  );
  const ids = [
    ...rows.flatMap((r) => (r.submitted_by ? [r.submitted_by] : [])),
    ...tasks.flatMap((t) => [t.approver_id, ...(t.delegated_from ? [t.delegated_from] : [])]),
  ];
  const names = new Map((await userNames(tx, ids)).map((u) => [u.id, u.name]));
  return rows.map((r) =>
    toRequest(
      r,
      tasks.filter((t) => t.request_id === r.id),
      names,
      ctx.userId,
    ),
  );
}

/** My inbox (waiting for me), what I submitted, or every request (admins). */
export async function listApprovals(o: Base & { query: TApprovalListQuery }) {
  const { query, ctx } = o;
  if (query.box === 'all' && !ctx.access.isAdmin) throw approvalsErrors.adminOnly();
  return inTenantRead(o.deps.db.kysely, ctx.tenantId, async (tx) => {
    const rows = await listRequests(tx, {
      box: query.box,
      userId: ctx.userId,
      status: query.box === 'inbox' ? 'pending' : query.status,
      cursor: query.cursor,
      limit: query.limit,
    });
    const page = rows.slice(0, query.limit);
    return { data: await presentRequests({ tx, ctx, rows: page }), nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null };
  });
}

/** Admins, the submitter, anyone asked, and whoever may read the record see a request; others get 404. */
async function mayView(tx: Tx, o: Base, r: RequestRow): Promise<boolean> {
  if (o.ctx.access.isAdmin || r.submitted_by === o.ctx.userId) return true;
  if ((await tasksOf(tx, [r.id])).some((t) => t.approver_id === o.ctx.userId)) return true;
  const target = await targetOf({ tx, deps: o.deps, name: r.object });
  if (!target) return false;
  try {
    await loadVisible({ tx, ctx: o.ctx, def: target.def, id: r.record_id, action: 'read' });
    return true;
  } catch (error) {
    if (error instanceof AppError) return false;
    throw error;
  }
}

export async function getApproval(o: Base & { id: string }): Promise<TApprovalRequest> {
  return inTenantRead(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const row = await findRequest(tx, o.id);
    if (!row || !(await mayView(tx, o, row))) throw approvalsErrors.notFound();
    return (await presentRequests({ tx, ctx: o.ctx, rows: [row] }))[0] as TApprovalRequest;
  });
}

/** The record page's panel: the pending request, the history, and the processes a submit may use. */
export async function recordApprovals(o: Base & { object: string; recordId: string }): Promise<TRecordApprovals> {
  return inTenantRead(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const target = await targetOf({ tx, deps: o.deps, name: o.object });
    if (!target) throw approvalsErrors.missing(o.object);
    await loadVisible({ tx, ctx: o.ctx, def: target.def, id: o.recordId, action: 'read' });
    const history = await presentRequests({ tx, ctx: o.ctx, rows: await requestsOfRecord(tx, target.def.object, o.recordId) });
    const pending = history.find((r) => r.status === 'pending') ?? null;
    const processes = pending ? [] : (await applicableProcesses({ tx, target, recordId: o.recordId })).map((p) => ({ id: p.id, name: p.name }));
    return { pending, history, processes };
  });
}
