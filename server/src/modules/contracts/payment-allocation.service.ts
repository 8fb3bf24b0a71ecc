import { Decimal } from 'decimal.js';
import { type Allocation, allocateInOrder, money } from './contract-money.rules.ts';
import { contractOf, inherit, type PrepareWithContract, TRANSITION } from './contract-prepare.service.ts';
import { contractsErrors } from './contracts.errors.ts';
import * as repo from './contracts.repo.ts';
import { instalmentsOf, lockContract, type OpenInstalment } from './payments.repo.ts';

const openOf = (i: OpenInstalment) => Decimal.max(0, new Decimal(i.amount).minus(i.paid));

/** The contract a payment belongs to: its own once recorded, else the one its request names (through an instalment or directly). */
async function contractIdOf(o: PrepareWithContract): Promise<string | undefined> {
  const { tx, input, existing } = o;
  if (existing) return String(existing.contract_id);
  const first = (input.allocations as Allocation[] | undefined)?.[0]?.instalmentId ?? (input.instalmentId as string | undefined);
  if (first) return (await repo.instalmentContract(tx, first)) ?? undefined;
  return input.contractId as string | undefined;
}

type Plan = { allocations: Allocation[]; rest: string };

/** Explicit amounts per instalment: each within what is open on it, together within the payment. */
function explicitPlan(o: { amount: Decimal; wanted: Allocation[]; open: Map<string, OpenInstalment>; currency: string }): Plan {
  const merged = new Map<string, Decimal>();
  for (const a of o.wanted) merged.set(a.instalmentId, (merged.get(a.instalmentId) ?? new Decimal(0)).plus(a.amount));
  const allocations: Allocation[] = [];
  let total = new Decimal(0);
  for (const [instalmentId, amount] of merged) {
    const instalment = o.open.get(instalmentId);
    if (!instalment) throw contractsErrors.allocationNotInContract();
    if (amount.gt(openOf(instalment)))
      throw contractsErrors.allocationExceeds({ instalment: instalment.name, open: money(openOf(instalment)), currency: o.currency });
    allocations.push({ instalmentId, amount: money(amount) });
    total = total.plus(amount);
  }
  if (total.gt(o.amount)) throw contractsErrors.allocationsExceedPayment({ allocated: money(total), amount: money(o.amount) });
  return { allocations, rest: money(o.amount.minus(total)) };
}

/**
 * Prepares a payment received: which instalments of its contract it pays (explicit amounts, one
 * instalment, or oldest due first), and what is left over, which is refused unless the request
 * keeps it as credit. The contract stays locked until the write commits, so two payments at once
 * are matched one after the other. Instalments' paid amounts follow in `afterWrite`.
 */
export async function preparePayment(o: PrepareWithContract): Promise<void> {
  const { tx, input, columns, existing, errors } = o;
  // The module's own moves (credit applied) set the allocations themselves.
  if (TRANSITION in input) return;
  const contractId = await contractIdOf(o);
  if (!contractId || !(await lockContract(tx, contractId))) {
    const field = input.allocations ? 'allocations' : input.instalmentId ? 'instalmentId' : 'contractId';
    errors.push({ field, message: 'fields.invalid_reference', params: { object: field === 'contractId' ? 'contract' : 'instalment' } });
    return;
  }
  if (!existing && typeof input.contractId === 'string' && input.contractId !== contractId) throw contractsErrors.allocationNotInContract();
  const contract = await contractOf(o, contractId);
  if (!existing) inherit(columns, contract);
  columns.contract_id = contract.id;
  const reference = columns.bank_reference;
  if (typeof reference === 'string' && reference && (await repo.bankReferenceTaken(tx, reference, existing?.id ?? null)))
    throw contractsErrors.duplicateBankReference(reference);
  const merged = { ...existing, ...columns };
  columns.name = (merged.bank_reference as string | null) || `${contract.number} · ${String(merged.received_on ?? '').slice(0, 10)}`;
  if (existing && !['amount', 'instalmentId', 'allocations'].some((k) => k in input)) return;

  const amount = new Decimal(String(merged.amount ?? '0'));
  const keepCredit = input.keepCredit === true || (existing !== null && new Decimal(String(existing.credit_amount)).gt(0));
  const currency = String(contract.currency);
  const instalments = await instalmentsOf(tx, { contractId, exceptPaymentId: existing?.id ?? null });
  const byId = new Map(instalments.map((i) => [i.id, i]));
  // A changed amount keeps a payment made to one instalment on that instalment.
  const single = (input.instalmentId as string | undefined) ?? (existing && !input.allocations ? (existing.instalment_id as string | null) : null);
  let plan: Plan;
  if (input.allocations) plan = explicitPlan({ amount, wanted: input.allocations as Allocation[], open: byId, currency });
  else if (single) {
    const instalment = byId.get(single);
    if (!instalment) throw contractsErrors.allocationNotInContract();
    plan = allocateInOrder({ amount, open: [{ id: instalment.id, open: openOf(instalment) }] });
    if (new Decimal(plan.rest).gt(0) && !keepCredit) throw contractsErrors.overpayment(money(openOf(instalment)), currency);
  } else {
    plan = allocateInOrder({ amount, open: instalments.map((i) => ({ id: i.id, open: openOf(i) })) });
    const open = instalments.reduce((s, i) => s.plus(openOf(i)), new Decimal(0));
    if (new Decimal(plan.rest).gt(0) && !keepCredit) throw contractsErrors.overpaymentOnContract(money(open), currency);
  }
  if (new Decimal(plan.rest).gt(0) && !keepCredit) throw contractsErrors.unallocated(plan.rest, currency);
  columns.allocations = JSON.stringify(plan.allocations);
  columns.credit_amount = plan.rest;
  columns.instalment_id = plan.allocations.length === 1 ? plan.allocations[0]?.instalmentId : null;
}
