import { Decimal } from 'decimal.js';
import { calendarDay } from '#platform/objects/fields.ts';
import type { PrepareOptions } from '#platform/records/object-definition.ts';
import { loadVisible } from '#platform/records/record-service.ts';
import { findRecord, type Row } from '#platform/records/records.repo.ts';
import type { ContractStatus } from './contract-fields.definition.ts';
import { invoiceTotals, instalmentStatus, money, validTaxId } from './contract-money.rules.ts';
import { contractsErrors } from './contracts.errors.ts';
import * as repo from './contracts.repo.ts';
import { tenantToday } from './payments.repo.ts';

/** What the module's own actions write (status, dates, renewal); never part of a request body (the zod schemas are strict). */
export const TRANSITION = '_transition';
export type Transition = Record<string, unknown>;

/** The contract definition passed in by contracts.definition.ts (which imports this file). */
export type PrepareWithContract = PrepareOptions & { contractDef: Parameters<typeof loadVisible>[0]['def'] };

export const today = () => new Date().toISOString().slice(0, 10);

/** Fields of a request (not the module's transitions, not custom fields or the owner, which stay editable). */
const documentFields = (input: Record<string, unknown>) => Object.keys(input).filter((k) => k !== TRANSITION && k !== 'custom' && k !== 'ownerId');

export async function prepareContract(o: PrepareWithContract): Promise<void> {
  const { tx, input, columns, existing, errors } = o;
  if (existing && existing.status !== 'draft' && documentFields(input).length) throw contractsErrors.locked(existing.status as ContractStatus);
  if (!existing && typeof columns.deal_id === 'string') {
    const deal = await findRecord(tx, 'deals', columns.deal_id);
    if (deal) {
      if (!('companyId' in input) && deal.company_id) columns.company_id = deal.company_id;
      if (!('contactId' in input) && deal.contact_id) columns.contact_id = deal.contact_id;
      if (!('currency' in input) && deal.currency) columns.currency = deal.currency;
      if (!('amount' in input) && deal.amount) columns.amount = deal.amount;
      if (!columns.name) columns.name = String(deal.name).slice(0, 200);
    }
  }
  if (!existing && !columns.currency) columns.currency = await repo.baseCurrencyOf(tx);
  const merged = { ...existing, ...columns };
  if (!merged.company_id && !merged.contact_id) errors.push(...contractsErrors.customerRequired().errors);
  const starts = calendarDay(merged.starts_on);
  const ends = calendarDay(merged.ends_on);
  if (starts && ends && ends < starts) errors.push(...contractsErrors.endBeforeStart().errors);
  if (existing && 'amount' in columns) {
    const planned = await repo.plannedAmount(tx, existing.id, null);
    if (new Decimal(planned).gt(String(columns.amount))) errors.push(...contractsErrors.planExceeds(money(planned), money(String(columns.amount))).errors);
  }
}

/** The contract a plan line, payment or invoice belongs to: visible to the user, not terminated or in the bin. */
export async function contractOf(o: PrepareWithContract, id: string): Promise<Row> {
  const contract = await loadVisible({ tx: o.tx, ctx: o.ctx, def: o.contractDef, id, action: 'read' }).catch(() => undefined);
  if (!contract || contract.status === 'terminated') throw contractsErrors.contractNotOpen();
  return contract;
}

/** Takes the contract's owner, customer and currency, so access scopes and reports follow the contract. */
export function inherit(columns: Record<string, unknown>, contract: Row) {
  columns.owner_id = contract.owner_id;
  columns.company_id = contract.company_id;
  columns.currency = contract.currency;
}

export async function prepareInstalment(o: PrepareWithContract): Promise<void> {
  const { tx, columns, existing, errors } = o;
  if (existing && 'contract_id' in columns && columns.contract_id !== existing.contract_id) columns.contract_id = existing.contract_id;
  const contractId = String(columns.contract_id ?? existing?.contract_id);
  const contract = await contractOf(o, contractId);
  if (!existing) inherit(columns, contract);
  const merged = { ...existing, ...columns };
  if ('amount' in columns) {
    const planned = new Decimal(await repo.plannedAmount(tx, contractId, existing?.id ?? null)).plus(String(columns.amount));
    if (planned.gt(String(contract.amount))) errors.push(...contractsErrors.planExceeds(money(planned), money(String(contract.amount))).errors);
    if (existing && new Decimal(String(existing.paid_amount)).gt(String(columns.amount)))
      errors.push(...contractsErrors.belowPaid(money(String(existing.paid_amount))).errors);
  }
  columns.name = `${contract.number} · ${calendarDay(merged.due_on)}`;
  const day = await tenantToday(tx);
  columns.status = instalmentStatus({
    amount: String(merged.amount ?? '0'),
    paid: String(merged.paid_amount ?? '0'),
    dueOn: calendarDay(merged.due_on) ?? day,
    today: day,
  });
}

export async function prepareInvoice(o: PrepareWithContract): Promise<void> {
  const { tx, input, columns, existing, errors } = o;
  if (existing && existing.status !== 'requested' && Object.keys(input).some((k) => k !== TRANSITION && k !== 'custom' && k !== 'ownerId'))
    throw contractsErrors.invoiceWrongStatus('issue');
  if (existing && 'contract_id' in columns) columns.contract_id = existing.contract_id;
  const contract = await contractOf(o, String(columns.contract_id ?? existing?.contract_id));
  if (!existing) inherit(columns, contract);
  const merged = { ...existing, ...columns };
  if (typeof columns.buyer_tax_id === 'string' && columns.buyer_tax_id && !validTaxId(columns.buyer_tax_id)) errors.push(...contractsErrors.badTaxId().errors);
  if (typeof columns.buyer_tax_id === 'string') columns.buyer_tax_id = columns.buyer_tax_id.toUpperCase();
  if (!merged.buyer_name && !existing) columns.buyer_name = contract.signing_party ?? null;
  if ('amount' in columns && merged.status !== 'void') {
    const invoiced = new Decimal(await repo.invoicedAmount(tx, contract.id, existing?.id ?? null)).plus(String(columns.amount));
    if (invoiced.gt(String(contract.amount))) errors.push(...contractsErrors.invoicedExceeds(money(invoiced), money(String(contract.amount))).errors);
  }
  const totals = invoiceTotals({ amount: String(merged.amount ?? '0'), taxRate: String(merged.tax_rate ?? '0') });
  columns.tax_amount = totals.taxAmount;
  columns.total = totals.total;
  columns.name = `${contract.number} · ${money(String(merged.amount ?? '0'))}`;
}
