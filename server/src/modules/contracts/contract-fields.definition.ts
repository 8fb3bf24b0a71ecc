import { ZCurrency } from '#modules/products/index.ts';
import { date, decimal, decimalInput, enumOf, id, recordFields, ref, refName, text } from '#platform/objects/fields.ts';
import { defineFields } from '#platform/objects/object-fields.ts';

/** draft -> in_approval -> signed -> active -> expired, or terminated; a draft without an applicable approval process is signed at once. */
export const CONTRACT_STATUSES = ['draft', 'in_approval', 'signed', 'active', 'expired', 'terminated'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
/** Computed from the payments and the due date (never set by a request). */
export const INSTALMENT_STATUSES = ['pending', 'partly_paid', 'paid', 'overdue'] as const;
export type InstalmentStatus = (typeof INSTALMENT_STATUSES)[number];
export const PAYMENT_METHODS = ['bank_transfer', 'cash', 'cheque', 'card', 'alipay', 'wechat_pay', 'other'] as const;
export const INVOICE_TYPES = ['vat_normal', 'vat_special', 'plain'] as const;
export const INVOICE_STATUSES = ['requested', 'issued', 'void'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** Money above 0, 2 places. */
export const ZPositiveMoney = decimalInput({ min: 0 }).refine((v) => !/^\d+(\.\d+)?$/.test(v) || Number(v) > 0, 'contracts.amount_positive');
const money = () => decimal({ required: true, readOnly: true });

export const CONTRACT_FIELDS = defineFields({
  id: id(),
  number: text({ max: 60, required: true, readOnly: true }),
  name: text({ max: 200, required: true }),
  companyId: ref({ to: 'companies', named: true }),
  company: refName('company_id'),
  contactId: ref({ to: 'contacts', named: true }),
  contact: refName('contact_id'),
  dealId: ref({ to: 'deals', named: true }),
  deal: refName('deal_id'),
  /** The customer's legal entity that signs (甲方), when it differs from the company's name. */
  signingParty: text({ max: 200 }),
  amount: decimal({ required: true, min: 0 }),
  currency: text({ max: 3, required: true, input: ZCurrency }),
  startsOn: date(),
  endsOn: date(),
  signedOn: date(),
  status: enumOf(CONTRACT_STATUSES, { required: true, readOnly: true }),
  terminatedReason: text({ max: 500, readOnly: true }),
  terms: text({ max: 10000, filter: false }),
  renewalDealId: ref({ to: 'deals', readOnly: true }),
  receivedAmount: money(),
  invoicedAmount: money(),
  ...recordFields(),
});

export const INSTALMENT_FIELDS = defineFields({
  id: id(),
  name: text({ max: 200, required: true, readOnly: true }),
  contractId: ref({ to: 'contracts', named: true, required: true, verify: false }),
  contract: refName('contract_id'),
  companyId: ref({ to: 'companies', named: true, readOnly: true }),
  company: refName('company_id'),
  dueOn: date({ required: true }),
  amount: decimal({ required: true, input: ZPositiveMoney }),
  paidAmount: money(),
  currency: text({ max: 3, required: true, readOnly: true }),
  status: enumOf(INSTALMENT_STATUSES, { required: true, readOnly: true }),
  ...recordFields(),
});

export const PAYMENT_FIELDS = defineFields({
  id: id(),
  name: text({ max: 200, required: true, readOnly: true }),
  contractId: ref({ to: 'contracts', named: true, required: true, readOnly: true }),
  contract: refName('contract_id'),
  instalmentId: ref({ to: 'contract_instalments', named: true, required: true, verify: false }),
  instalment: refName('instalment_id'),
  companyId: ref({ to: 'companies', named: true, readOnly: true }),
  company: refName('company_id'),
  receivedOn: date({ required: true }),
  amount: decimal({ required: true, input: ZPositiveMoney }),
  currency: text({ max: 3, required: true, readOnly: true }),
  method: enumOf(PAYMENT_METHODS, { required: true }),
  bankReference: text({ max: 100 }),
  note: text({ max: 2000, filter: false }),
  ...recordFields(),
});

export const INVOICE_FIELDS = defineFields({
  id: id(),
  number: text({ max: 60, required: true, readOnly: true }),
  name: text({ max: 200, required: true, readOnly: true }),
  contractId: ref({ to: 'contracts', named: true, required: true, verify: false }),
  contract: refName('contract_id'),
  companyId: ref({ to: 'companies', named: true, readOnly: true }),
  company: refName('company_id'),
  /** Before tax. */
  amount: decimal({ required: true, input: ZPositiveMoney }),
  taxRate: decimal({ required: true, precision: 5, scale: 2, min: 0 }),
  taxAmount: money(),
  total: money(),
  currency: text({ max: 3, required: true, readOnly: true }),
  invoiceType: enumOf(INVOICE_TYPES, { required: true }),
  buyerName: text({ max: 200 }),
  /** 统一社会信用代码 (18 characters, checksum verified) or another tax id of 15-20 letters and digits. */
  buyerTaxId: text({ max: 20 }),
  status: enumOf(INVOICE_STATUSES, { required: true, readOnly: true }),
  issuedOn: date({ readOnly: true }),
  ...recordFields(),
});
