import { Decimal } from 'decimal.js';
import { requireAccess } from '#platform/access/access.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { createInTx, loadVisible, present } from '#platform/records/record-service.ts';
import { inTenant } from '#db/tx.ts';
import { money, planAmounts } from './contract-money.rules.ts';
import { TRANSITION } from './contract-prepare.service.ts';
import { contractDefinition, instalmentDefinition } from './contracts.definition.ts';
import { contractsErrors } from './contracts.errors.ts';
import * as repo from './contracts.repo.ts';
import type { TInstalment, TSetPlanRequest } from './contracts.schema.ts';
import { lockContract } from './payments.repo.ts';

export type SetPlanOptions = { deps: Deps; ctx: RequestContext; contractId: string; instalments: TSetPlanRequest['instalments'] };

/**
 * Plans a contract's 回款 at once: lines by amount or by percentage of the contract total (amounts
 * computed in decimal, the last percentage line taking the rounding remainder), which must add
 * up to the total. Each line is an instalment created as one would be (access, audit, event).
 */
export function setPlan(o: SetPlanOptions): Promise<TInstalment[]> {
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    requireAccess(o.ctx.access, 'instalment', 'create');
    const contract = await loadVisible({ tx, ctx: o.ctx, def: contractDefinition, id: o.contractId, action: 'read' });
    await lockContract(tx, contract.id);
    if (new Decimal(await repo.plannedAmount(tx, contract.id, null)).gt(0)) throw contractsErrors.planExists();
    const plan = planAmounts({ total: String(contract.amount), lines: o.instalments });
    if (!plan.ok) throw contractsErrors.planTotalMismatch({ planned: plan.planned, amount: money(String(contract.amount)) });
    const rows = [];
    for (const line of plan.lines) {
      const input = { contractId: contract.id, dueOn: line.dueOn, amount: line.amount, [TRANSITION]: { percent: line.percent } };
      rows.push(await createInTx(tx, { deps: o.deps, ctx: o.ctx, def: instalmentDefinition, input }));
    }
    return present({ tx, deps: o.deps, ctx: o.ctx, def: instalmentDefinition, rows });
  });
}
