import { Decimal } from 'decimal.js';
import type { InstalmentStatus } from './contract-fields.definition.ts';

/** Amounts as stored: 2 places, half-up (the 元/分 of a Chinese invoice). */
export const money = (v: Decimal.Value) => new Decimal(v).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);

/** What is still open on an instalment. */
export const openAmount = (o: { amount: Decimal.Value; paid: Decimal.Value }) => money(Decimal.max(0, new Decimal(o.amount).minus(o.paid)));

/** An instalment's status from its payments and due date: paid, else overdue past its due day, else partly paid or pending. */
export function instalmentStatus(o: { amount: Decimal.Value; paid: Decimal.Value; dueOn: string; today: string }): InstalmentStatus {
  const paid = new Decimal(o.paid);
  if (paid.gte(o.amount)) return 'paid';
  if (o.dueOn < o.today) return 'overdue';
  return paid.gt(0) ? 'partly_paid' : 'pending';
}

/** One line of a payment plan as entered: an amount, or a percentage of the contract total. */
export type PlanLineInput = { dueOn: string } & ({ amount: string; percent?: undefined } | { percent: string; amount?: undefined });
export type PlanLine = { dueOn: string; amount: string; percent: string | null };

/**
 * A plan's amounts from lines entered by amount or by percentage of `total`, in decimal: each
 * percentage rounds half up to the fen and the last percentage line takes the rounding remainder.
 * `ok: false` when the lines do not add up to the total (to the fen) or a line comes to nothing.
 */
export function planAmounts(o: { total: Decimal.Value; lines: PlanLineInput[] }): { ok: true; lines: PlanLine[] } | { ok: false; planned: string } {
  const total = new Decimal(o.total);
  const exact = o.lines.reduce((s, l) => s.plus(l.percent !== undefined ? total.times(l.percent).dividedBy(100) : l.amount), new Decimal(0));
  const lines = o.lines.map((l) => ({
    dueOn: l.dueOn,
    amount: l.percent !== undefined ? money(total.times(l.percent).dividedBy(100)) : money(l.amount),
    percent: l.percent ?? null,
  }));
  if (money(exact) !== money(total)) return { ok: false, planned: money(exact) };
  const last = lines.map((l) => l.percent !== null).lastIndexOf(true);
  const line = lines[last];
  if (line) line.amount = money(lines.reduce((s, l, i) => (i === last ? s : s.minus(l.amount)), total));
  if (lines.some((l) => new Decimal(l.amount).lte(0))) return { ok: false, planned: money(exact) };
  return { ok: true, lines };
}

/** What a payment pays on one instalment. */
export type Allocation = { instalmentId: string; amount: string };

/** Matches `amount` to open instalments in the order given (oldest due first); what is left is `rest`. */
export function allocateInOrder(o: { amount: Decimal.Value; open: { id: string; open: Decimal.Value }[] }): { allocations: Allocation[]; rest: string } {
  let left = new Decimal(o.amount);
  const allocations: Allocation[] = [];
  for (const i of o.open) {
    if (left.lte(0)) break;
    const take = Decimal.min(left, i.open);
    if (take.lte(0)) continue;
    allocations.push({ instalmentId: i.id, amount: money(take) });
    left = left.minus(take);
  }
  return { allocations, rest: money(left) };
}

/** An invoice's tax and total from its amount before tax. */
export function invoiceTotals(o: { amount: Decimal.Value; taxRate: Decimal.Value }) {
  const tax = money(new Decimal(o.amount).times(o.taxRate).dividedBy(100));
  return { taxAmount: tax, total: money(new Decimal(o.amount).plus(tax)) };
}

export const AGEING_BUCKETS = ['notDue', 'days1to30', 'days31to60', 'days61to90', 'days90plus'] as const;
export type AgeingBucket = (typeof AGEING_BUCKETS)[number];

/** Days past due on `asOf` (both `yyyy-mm-dd`): 0 or less is not due yet. */
export const daysPastDue = (dueOn: string, asOf: string) => Math.round((Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${dueOn}T00:00:00Z`)) / 86_400_000);

/** The ageing bucket of an open amount due on `dueOn`, seen on `asOf`. */
export function ageingBucket(dueOn: string, asOf: string): AgeingBucket {
  const days = daysPastDue(dueOn, asOf);
  if (days <= 0) return 'notDue';
  if (days <= 30) return 'days1to30';
  if (days <= 60) return 'days31to60';
  if (days <= 90) return 'days61to90';
  return 'days90plus';
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * A buyer tax id: an 18-character unified social credit code (统一社会信用代码, GB 32100-2015,
 * its check character verified), or an older 15/17/20-character taxpayer number of digits and capitals.
 */
export function validTaxId(value: string): boolean {
  const v = value.toUpperCase();
  if (v.length === 18) {
    if (![...v].every((c) => USCC_CHARS.includes(c))) return false;
    const sum = USCC_WEIGHTS.reduce((s, w, i) => s + USCC_CHARS.indexOf(v[i] as string) * w, 0);
    return USCC_CHARS[(31 - (sum % 31)) % 31] === v[17];
  }
  return [15, 17, 20].includes(v.length) && /^[0-9A-Z]+$/.test(v);
}
