import { Decimal } from 'decimal.js';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { loadVisible, present } from '#platform/records/record-service.ts';
import { findRecord } from '#platform/records/records.repo.ts';
import { inTenant } from '#db/tx.ts';
import { type Allocation, allocateInOrder, money } from './contract-money.rules.ts';
import { transition } from './contract-status.service.ts';
import { contractDefinition, paymentDefinition } from './contracts.definition.ts';
import { contractsErrors } from './contracts.errors.ts';
import type { TContract } from './contracts.schema.ts';
import { instalmentsOf, lockContract, paymentsWithCredit } from './payments.repo.ts';

export type ApplyCreditOptions = { deps: Deps; ctx: RequestContext; contractId: string; instalmentId?: string | undefined; amount?: string | undefined };

/**
 * Uses the customer's credit held on a contract (payments' unmatched parts, oldest received first)
 * against one instalment, or the open ones oldest due first: each payment's allocations grow by
 * what it gives (audited as a change of that payment). Refused when there is no credit, less
 * than asked, nothing open, or on a terminated contract.
 */
export function applyCredit(o: ApplyCreditOptions): Promise<TContract> {
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const visible = await loadVisible({ tx, ctx: o.ctx, def: contractDefinition, id: o.contractId, action: 'update' });
    await lockContract(tx, visible.id);
    // Read again under the lock: a termination or another use of the credit may have committed meanwhile.
    const contract = (await findRecord(tx, 'contracts', visible.id)) ?? visible;
    if (contract.status === 'terminated') throw contractsErrors.creditOnTerminated();
    const credit = new Decimal(String(contract.credit_amount));
    if (credit.lte(0)) throw contractsErrors.noCredit();
    if (o.amount && credit.lt(o.amount)) throw contractsErrors.creditExceeds({ credit: money(credit), currency: String(contract.currency) });
    const instalments = await instalmentsOf(tx, { contractId: contract.id, exceptPaymentId: null });
    const targets = instalments.filter((i) => !o.instalmentId || i.id === o.instalmentId);
    if (o.instalmentId && !targets.length) throw contractsErrors.allocationNotInContract();
    const open = targets.map((i) => ({ id: i.id, open: Decimal.max(0, new Decimal(i.amount).minus(i.paid)) }));
    let budget = Decimal.min(
      o.amount ?? credit,
      open.reduce((s, i) => s.plus(i.open), new Decimal(0)),
    );
    if (budget.lte(0)) throw contractsErrors.nothingOpen();
    for (const { id } of await paymentsWithCredit(tx, contract.id)) {
      if (budget.lte(0)) break;
      const row = await findRecord(tx, 'contract_payments', id);
      if (!row) continue;
      const give = Decimal.min(budget, String(row.credit_amount));
      const plan = allocateInOrder({ amount: give, open });
      const allocations = new Map((row.allocations as Allocation[]).map((a) => [a.instalmentId, new Decimal(a.amount)]));
      for (const a of plan.allocations) {
        allocations.set(a.instalmentId, (allocations.get(a.instalmentId) ?? new Decimal(0)).plus(a.amount));
        const target = open.find((i) => i.id === a.instalmentId);
        if (target) target.open = target.open.minus(a.amount);
      }
      const list = [...allocations].map(([instalmentId, amount]) => ({ instalmentId, amount: money(amount) }));
      const to = {
        allocations: JSON.stringify(list),
        credit_amount: money(new Decimal(String(row.credit_amount)).minus(give)),
        instalment_id: list.length === 1 ? list[0]?.instalmentId : null,
      };
      await transition(tx, { deps: o.deps, ctx: o.ctx, def: paymentDefinition, row, to });
      budget = budget.minus(give);
    }
    const after = await findRecord(tx, 'contracts', contract.id);
    return (await present({ tx, deps: o.deps, ctx: o.ctx, def: contractDefinition, rows: after ? [after] : [] }))[0] as TContract;
  });
}
