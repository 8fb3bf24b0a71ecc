import type { ObjectDefinition } from '#platform/records/object-definition.ts';
import { searchTextOf } from '#platform/records/search.ts';
import { CONTRACT_FIELDS, INSTALMENT_FIELDS, INVOICE_FIELDS, PAYMENT_FIELDS } from './contract-fields.definition.ts';
import { prepareContract, prepareInstalment, prepareInvoice, TRANSITION, type Transition } from './contract-prepare.service.ts';
import * as repo from './contracts.repo.ts';
import { preparePayment } from './payment-allocation.service.ts';
import { refreshContractPaid, tenantToday } from './payments.repo.ts';
import type { TContract, TInstalment, TInvoice, TPayment } from './contracts.schema.ts';

/** Request fields as columns, plus the module's own writes (status and dates), already in column names. */
const withTransition = (columns: Record<string, unknown>, input: Record<string, unknown>) => {
  const t = input[TRANSITION] as Transition | undefined;
  return t ? Object.assign(columns, t) : columns;
};

type Related = Map<string, { id: string; name: string }>;
const nameOf = (related: Related, id: unknown) => (typeof id === 'string' ? related.get(id)?.name : undefined);

export const contractDefinition: ObjectDefinition<TContract> = {
  object: 'contract',
  table: 'contracts',
  defaultSort: '-createdAt',
  catalog: CONTRACT_FIELDS.catalog,
  sensitive: CONTRACT_FIELDS.sensitive,
  fields: CONTRACT_FIELDS.meta,
  references: CONTRACT_FIELDS.references,
  related: CONTRACT_FIELDS.related,
  toApi: (row, ctx) => CONTRACT_FIELDS.toApi(row, ctx) as Omit<TContract, 'owner'>,
  toColumns: (input, errors, cipher, write) => withTransition(CONTRACT_FIELDS.toColumns(input, { errors, cipher, write }), input),
  prepare: (o) => prepareContract({ ...o, contractDef: contractDefinition }),
  derived: (merged, related) => ({
    search_text: searchTextOf([
      merged.number as string,
      merged.name as string,
      merged.signing_party as string,
      nameOf(related, merged.company_id),
      nameOf(related, merged.contact_id),
    ]),
  }),
};

export const instalmentDefinition: ObjectDefinition<TInstalment> = {
  object: 'instalment',
  table: 'contract_instalments',
  defaultSort: 'dueOn',
  catalog: INSTALMENT_FIELDS.catalog,
  sensitive: INSTALMENT_FIELDS.sensitive,
  fields: INSTALMENT_FIELDS.meta,
  references: INSTALMENT_FIELDS.references,
  related: INSTALMENT_FIELDS.related,
  toApi: (row, ctx) => INSTALMENT_FIELDS.toApi(row, ctx) as Omit<TInstalment, 'owner'>,
  toColumns: (input, errors, cipher, write) => withTransition(INSTALMENT_FIELDS.toColumns(input, { errors, cipher, write }), input),
  prepare: (o) => prepareInstalment({ ...o, contractDef: contractDefinition }),
  derived: (merged, related) => ({ search_text: searchTextOf([merged.name as string, nameOf(related, merged.company_id)]) }),
};

export const paymentDefinition: ObjectDefinition<TPayment> = {
  object: 'payment',
  table: 'contract_payments',
  defaultSort: '-receivedOn',
  catalog: PAYMENT_FIELDS.catalog,
  sensitive: PAYMENT_FIELDS.sensitive,
  fields: PAYMENT_FIELDS.meta,
  references: PAYMENT_FIELDS.references,
  related: PAYMENT_FIELDS.related,
  toApi: (row, ctx) => PAYMENT_FIELDS.toApi(row, ctx) as Omit<TPayment, 'owner'>,
  toColumns: (input, errors, cipher, write) => withTransition(PAYMENT_FIELDS.toColumns(input, { errors, cipher, write }), input),
  prepare: (o) => preparePayment({ ...o, contractDef: contractDefinition }),
  // The instalments' paid amounts and statuses, and the contract's received amount and credit, follow every payment write.
  afterWrite: async ({ tx, after }) => refreshContractPaid(tx, { contractId: String(after.contract_id), today: await tenantToday(tx) }),
  derived: (merged, related) => ({ search_text: searchTextOf([merged.name as string, merged.bank_reference as string, nameOf(related, merged.company_id)]) }),
};

export const invoiceDefinition: ObjectDefinition<TInvoice> = {
  object: 'invoice',
  table: 'invoices',
  defaultSort: '-createdAt',
  catalog: INVOICE_FIELDS.catalog,
  sensitive: INVOICE_FIELDS.sensitive,
  fields: INVOICE_FIELDS.meta,
  references: INVOICE_FIELDS.references,
  related: INVOICE_FIELDS.related,
  toApi: (row, ctx) => INVOICE_FIELDS.toApi(row, ctx) as Omit<TInvoice, 'owner'>,
  toColumns: (input, errors, cipher, write) => withTransition(INVOICE_FIELDS.toColumns(input, { errors, cipher, write }), input),
  prepare: (o) => prepareInvoice({ ...o, contractDef: contractDefinition }),
  afterWrite: async ({ tx, after }) => repo.refreshInvoiced(tx, String(after.contract_id)),
  derived: (merged, related) => ({
    search_text: searchTextOf([merged.number as string, merged.buyer_name as string, merged.buyer_tax_id as string, nameOf(related, merged.company_id)]),
  }),
};
