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
  /** 409: a status move while the contract's approval is pending (approve, reject or recall it first). */
  approvalPending: (action: 'sign' | 'terminate') => new AppError('conflict', { message: `contracts.approval_pending_${action}` }),
  /** 409: more than is open on the contract's instalments, and the request does not keep the rest as credit. */
  overpaymentOnContract: (open: string, currency: string) =>
    new AppError('conflict', {
      message: 'contracts.overpayment_contract',
      params: { open, currency },
      errors: [{ field: 'amount', message: 'contracts.overpayment_contract', params: { open, currency } }],
    }),
  /** 409: explicit allocations leave part of the payment unmatched, and the request does not keep it as credit. */
  unallocated: (rest: string, currency: string) =>
    new AppError('conflict', {
      message: 'contracts.unallocated',
      params: { rest, currency },
      errors: [{ field: 'allocations', message: 'contracts.unallocated', params: { rest, currency } }],
    }),
  /** 409: an allocation larger than what is open on its instalment. */
  allocationExceeds: (o: { instalment: string; open: string; currency: string }) =>
    new AppError('conflict', {
      message: 'contracts.allocation_exceeds',
      params: o,
      errors: [{ field: 'allocations', message: 'contracts.allocation_exceeds', params: o }],
    }),
  allocationNotInContract: () => invalid('allocations', 'contracts.allocation_not_in_contract'),
  allocationsExceedPayment: (o: { allocated: string; amount: string }) => invalid('allocations', 'contracts.allocations_exceed_payment', o),
  /** 400: a whole plan that does not add up to the contract total (to the fen). */
  planTotalMismatch: (o: { planned: string; amount: string }) => invalid('instalments', 'contracts.plan_total_mismatch', o),
  /** 409: a whole plan is set once; a contract that has instalments is planned line by line. */
  planExists: () => new AppError('conflict', { message: 'contracts.plan_exists' }),
  noCredit: () => new AppError('conflict', { message: 'contracts.no_credit' }),
  /** 409: credit is not used on a terminated contract (it stays recorded; a refund is settled outside). */
  creditOnTerminated: () => new AppError('conflict', { message: 'contracts.credit_on_terminated' }),
  creditExceeds: (o: { credit: string; currency: string }) =>
    new AppError('conflict', { message: 'contracts.credit_exceeds', params: o, errors: [{ field: 'amount', message: 'contracts.credit_exceeds', params: o }] }),
  nothingOpen: () => new AppError('conflict', { message: 'contracts.nothing_open' }),
  /** 409: restoring the payment would pay more than is open on its instalments now. */
  restoreOverpays: () => new AppError('conflict', { message: 'contracts.restore_overpays' }),
  /** 409: payments pay this instalment; delete or change them first. */
  instalmentHasPayments: () => new AppError('conflict', { message: 'contracts.instalment_has_payments' }),
  /** 412: another write moved the record first (its version is no longer the one read). */
  staleVersion: (expected: number) => new AppError('precondition_failed', { params: { expected, actual: expected + 1 } }),
};
