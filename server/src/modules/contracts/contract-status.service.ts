import { submitApproval } from '#modules/approvals/index.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { AppError } from '#platform/errors/app-error.ts';
import { calendarDay } from '#platform/objects/fields.ts';
import type { ObjectDefinition } from '#platform/records/object-definition.ts';
import { loadVisible, present, updateInTx, type Versioned } from '#platform/records/record-service.ts';
import type { Row } from '#platform/records/records.repo.ts';
import { inTenant, type Tx } from '#db/tx.ts';
import { TRANSITION, type Transition, today } from './contract-prepare.service.ts';
import { contractDefinition, invoiceDefinition } from './contracts.definition.ts';
import { contractsErrors } from './contracts.errors.ts';
import type { TContract, TInvoice } from './contracts.schema.ts';
import { tenantToday } from './payments.repo.ts';

type Options = { deps: Deps; ctx: RequestContext; id: string };

/** The module's own write (status, dates): past the approval lock, with the record's audit and event. */
export async function transition<T extends Versioned>(
  tx: Tx,
  o: { deps: Deps; ctx: RequestContext; def: ObjectDefinition<T>; row: Row; to: Transition },
): Promise<Row> {
  const ctx: RequestContext = { ...o.ctx, access: { ...o.ctx.access, isAdmin: true } };
  const row = await updateInTx(tx, { deps: o.deps, ctx, def: o.def, row: o.row, input: { [TRANSITION]: o.to } });
  if (!row) throw contractsErrors.staleVersion(o.row.version);
  return row;
}

const view = async (tx: Tx, o: Options, row: Row) => (await present({ tx, deps: o.deps, ctx: o.ctx, def: contractDefinition, rows: [row] }))[0] as TContract;
const noProcessApplies = (e: unknown) => e instanceof AppError && e.errors.some((f) => f.message === 'approvals.no_process');

/** A signed contract whose term has begun is active. */
const signedStatus = (row: Row, day: string) => {
  const starts = calendarDay(row.starts_on);
  return starts && starts <= day ? 'active' : 'signed';
};

/**
 * Submits a draft for approval: when one of the tenant's approval processes for contracts applies
 * it waits in approval (locked); when none does it is signed at once. Approval ends move it on
 * (contracts.subscribers.ts).
 */
export function submitContract(o: Options & { comment?: string | undefined }): Promise<{ contract: TContract; approvalId: string | null }> {
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const row = await loadVisible({ tx, ctx: o.ctx, def: contractDefinition, id: o.id, action: 'update' });
    if (row.status !== 'draft') throw contractsErrors.wrongStatus('submit');
    const { after, approvalId } = await submitInTx(tx, { ...o, row, activate: false });
    return { contract: await view(tx, o, after), approvalId };
  });
}

/** Submit's part inside the transaction; `activate`: signed at once is active when its term began (signing), else signed (the daily run activates). */
async function submitInTx(
  tx: Tx,
  o: Options & { row: Row; comment?: string | undefined; activate: boolean },
): Promise<{ after: Row; approvalId: string | null }> {
  let approval: { id: string; status: string } | null = null;
  try {
    approval = await submitApproval({ tx, deps: o.deps, ctx: o.ctx, object: 'contract', recordId: o.row.id, comment: o.comment });
  } catch (error) {
    if (!noProcessApplies(error)) throw error;
  }
  const admin = { ...o.ctx, access: { ...o.ctx.access, isAdmin: true } };
  const current = await loadVisible({ tx, ctx: admin, def: contractDefinition, id: o.row.id, action: 'read' });
  const day = await tenantToday(tx);
  const to =
    approval?.status === 'pending'
      ? { status: 'in_approval' }
      : approval?.status === 'rejected'
        ? { status: 'draft' }
        : { status: o.activate ? signedStatus(current, day) : 'signed', signed_on: current.signed_on ?? day };
  const after = current.status === to.status ? current : await transition(tx, { deps: o.deps, ctx: o.ctx, def: contractDefinition, row: current, to });
  return { after, approvalId: approval?.id ?? null };
}

/**
 * Signs a contract on `signedOn` (default today): a draft goes through approval when a process
 * applies (signed on that day once approved) and is signed at once when none does, active once its
 * term began; a signed contract's signing day may be corrected. Refused while its approval is pending.
 */
export function signContract(o: Options & { signedOn?: string | undefined }): Promise<TContract> {
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const row = await loadVisible({ tx, ctx: o.ctx, def: contractDefinition, id: o.id, action: 'update' });
    if (row.status === 'in_approval') throw contractsErrors.approvalPending('sign');
    const day = o.signedOn ?? (await tenantToday(tx));
    if (row.status === 'draft') {
      const dated = await transition(tx, { deps: o.deps, ctx: o.ctx, def: contractDefinition, row, to: { signed_on: day } });
      return view(tx, o, (await submitInTx(tx, { ...o, row: dated, activate: true })).after);
    }
    if (row.status !== 'signed') throw contractsErrors.wrongStatus('sign');
    return view(
      tx,
      o,
      await transition(tx, {
        deps: o.deps,
        ctx: o.ctx,
        def: contractDefinition,
        row,
        to: { signed_on: day, status: signedStatus(row, await tenantToday(tx)) },
      }),
    );
  });
}

/** Terminates a signed or active contract with a reason; refused while its approval is pending. */
export function terminateContract(o: Options & { reason: string }): Promise<TContract> {
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const row = await loadVisible({ tx, ctx: o.ctx, def: contractDefinition, id: o.id, action: 'update' });
    if (row.status === 'in_approval') throw contractsErrors.approvalPending('terminate');
    if (row.status !== 'signed' && row.status !== 'active') throw contractsErrors.wrongStatus('terminate');
    return view(
      tx,
      o,
      await transition(tx, { deps: o.deps, ctx: o.ctx, def: contractDefinition, row, to: { status: 'terminated', terminated_reason: o.reason } }),
    );
  });
}

/** requested -> issued (today) or void; a void invoice no longer counts against the contract. */
export function moveInvoice(o: Options & { to: 'issued' | 'void' }): Promise<TInvoice> {
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const row = await loadVisible({ tx, ctx: o.ctx, def: invoiceDefinition, id: o.id, action: 'update' });
    if (o.to === 'issued' && row.status !== 'requested') throw contractsErrors.invoiceWrongStatus('issue');
    if (o.to === 'void' && row.status === 'void') throw contractsErrors.invoiceWrongStatus('void');
    const after = await transition(tx, {
      deps: o.deps,
      ctx: o.ctx,
      def: invoiceDefinition,
      row,
      to: o.to === 'issued' ? { status: 'issued', issued_on: today() } : { status: 'void' },
    });
    return (await present({ tx, deps: o.deps, ctx: o.ctx, def: invoiceDefinition, rows: [after] }))[0] as TInvoice;
  });
}

export { signedStatus };
