import { ZCurrency } from '#modules/products/index.ts';
import { z } from 'zod';
import { date, decimal, decimalInput, enumOf, id, json, recordFields, ref, refName, text } from '#platform/objects/fields.ts';
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

/** What a payment pays on one instalment of its contract. */
export const ZAllocationInput = z.object({ instalmentId: z.uuid(), amount: ZPositiveMoney }).strict();
export const ZAllocation = z.object({ instalmentId: z.string(), amount: z.string() });

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
  /** Received but matched to no instalment: the customer's credit, usable against a later instalment. */
  creditAmount: money(),
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
  /** The share of the contract it was planned as (a plan by percentage); null when entered as an amount. */
  percent: decimal({ readOnly: true, precision: 7, scale: 4 }),
  paidAmount: money(),
  currency: text({ max: 3, required: true, readOnly: true }),
  status: enumOf(INSTALMENT_STATUSES, { required: true, readOnly: true }),
  ...recordFields(),
});

export const PAYMENT_FIELDS = defineFields({
  id: id(),
  name: text({ max: 200, required: true, readOnly: true }),
  contractId: ref({ to: 'contracts', named: true, required: true, verify: false }),
  contract: refName('contract_id'),
  /** The instalment of a payment matched to exactly one (null when it is matched to several or none). */
  instalmentId: ref({ to: 'contract_instalments', named: true, verify: false }),
  instalment: refName('instalment_id'),
  /** The instalments it pays, oldest due first unless given: computed by the server from the request. */
  allocations: json({ input: z.array(ZAllocationInput).min(1).max(100), output: z.array(ZAllocation) }),
  /** The part of the amount matched to no instalment, held as credit on the contract. */
  creditAmount: money(),
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
