import { AppError, invalid } from '#platform/errors/app-error.ts';
import type { ContractStatus } from './contract-fields.definition.ts';

/** The contracts module's refusals; messages live in ./locales under `contracts.`. */
export const contractsErrors = {
  /** 423: a contract out of draft is a signed document; only its status moves. */
  locked: (status: ContractStatus) => new AppError('locked', { message: 'contracts.locked', params: { status } }),
  wrongStatus: (action: 'submit' | 'sign' | 'terminate') => new AppError('conflict', { message: `contracts.cannot_${action}` }),
  customerRequired: () => invalid('companyId', 'contracts.customer_required'),
  endBeforeStart: () => invalid('endsOn', 'contracts.end_before_start'),
  /** 409: more than is open on the instalment (no credit held). */
  overpayment: (open: string, currency: string) =>
    new AppError('conflict', {
      message: 'contracts.overpayment',
      params: { open, currency },
      errors: [{ field: 'amount', message: 'contracts.overpayment', params: { open, currency } }],
    }),
  duplicateBankReference: (reference: string) =>
    new AppError('duplicate', {
      message: 'contracts.duplicate_bank_reference',
      params: { reference },
      errors: [{ field: 'bankReference', message: 'contracts.duplicate_bank_reference', params: { reference } }],
    }),
  planExceeds: (planned: string, amount: string) => invalid('amount', 'contracts.plan_exceeds', { planned, amount }),
  belowPaid: (paid: string) => invalid('amount', 'contracts.below_paid', { paid }),
  invoicedExceeds: (invoiced: string, amount: string) => invalid('amount', 'contracts.invoiced_exceeds', { invoiced, amount }),
  badTaxId: () => invalid('buyerTaxId', 'contracts.bad_tax_id'),
  contractNotOpen: () => invalid('contractId', 'contracts.contract_not_open'),
  invoiceWrongStatus: (action: 'issue' | 'void') => new AppError('conflict', { message: `contracts.cannot_${action}_invoice` }),
  /** 412: another write moved the record first (its version is no longer the one read). */
  staleVersion: (expected: number) => new AppError('precondition_failed', { params: { expected, actual: expected + 1 } }),
};
