import { Decimal } from 'decimal.js';
import type { AppError } from '#platform/errors/app-error.ts';
import type { GuardQuestion } from '#platform/records/write-guards.ts';
import { contractsErrors } from './contracts.errors.ts';
import { instalmentsOf, instalmentsWithPayments, lockContract, paymentAllocations } from './payments.repo.ts';

/**
 * Keeps what is paid countable once: a payment comes back from the recycle bin only if what it
 * paid is still open on live instalments (another payment may have paid them since), and an
 * instalment that payments pay is not deleted (their money would count for nothing).
 */
export async function contractsWriteGuard(q: GuardQuestion): Promise<Map<string, AppError>> {
  const refused = new Map<string, AppError>();
  if (q.object === 'instalment' && q.action === 'delete')
    for (const id of await instalmentsWithPayments(q.tx, q.ids)) refused.set(id, contractsErrors.instalmentHasPayments());
  if (q.object === 'payment' && q.action === 'restore')
    for (const p of await paymentAllocations(q.tx, q.ids)) {
      await lockContract(q.tx, p.contract_id);
      const open = new Map(
        (await instalmentsOf(q.tx, { contractId: p.contract_id, exceptPaymentId: p.id })).map((i) => [i.id, new Decimal(i.amount).minus(i.paid)]),
      );
      if (p.allocations.some((a) => !open.has(a.instalmentId) || open.get(a.instalmentId)?.lt(a.amount))) refused.set(p.id, contractsErrors.restoreOverpays());
    }
  return refused;
}
