import { z } from 'zod';
import { decimalInput } from '#platform/objects/fields.ts';
import { CONTRACT_FIELDS, INSTALMENT_FIELDS, INVOICE_FIELDS, PAYMENT_FIELDS, ZPositiveMoney } from './contract-fields.definition.ts';

export {
  CONTRACT_STATUSES,
  type ContractStatus,
  INSTALMENT_STATUSES,
  INVOICE_STATUSES,
  INVOICE_TYPES,
  PAYMENT_METHODS,
} from './contract-fields.definition.ts';

export const ZContract = z.object(CONTRACT_FIELDS.output);
export type TContract = z.infer<typeof ZContract>;
export const ZUpdateContractRequest = z.object(CONTRACT_FIELDS.input).partial().strict();
/** From a deal (its customer, currency, amount and name come along) or a customer. */
export const ZCreateContractRequest = ZUpdateContractRequest;

export const ZInstalment = z.object(INSTALMENT_FIELDS.output);
export type TInstalment = z.infer<typeof ZInstalment>;
export const ZUpdateInstalmentRequest = z.object(INSTALMENT_FIELDS.input).partial().strict();
export const ZCreateInstalmentRequest = ZUpdateInstalmentRequest.required({ contractId: true, dueOn: true, amount: true });

export const ZPayment = z.object(PAYMENT_FIELDS.output);
export type TPayment = z.infer<typeof ZPayment>;
/** A payment's amount, date, method or matching; a changed amount is matched again (kept as credit when it held credit before). */
export const ZUpdatePaymentRequest = z.object(PAYMENT_FIELDS.input).partial().strict();
/**
 * `allocations` match the payment to instalments explicitly, `instalmentId` to one; with neither it
 * goes to the contract's open instalments oldest due first. What is not matched is refused unless
 * `keepCredit`: then it is held as the customer's credit on the contract.
 */
export const ZCreatePaymentRequest = ZUpdatePaymentRequest.extend({ keepCredit: z.boolean().optional() })
  .required({ receivedOn: true, amount: true })
  .refine((p) => p.contractId != null || p.instalmentId != null || p.allocations != null, {
    path: ['contractId'],
    message: 'contracts.payment_target_required',
  });

export const ZInvoice = z.object(INVOICE_FIELDS.output);
export type TInvoice = z.infer<typeof ZInvoice>;
export const ZUpdateInvoiceRequest = z.object(INVOICE_FIELDS.input).partial().strict();
export const ZCreateInvoiceRequest = ZUpdateInvoiceRequest.required({ contractId: true, amount: true });

export const ZSubmitContractRequest = z.object({ comment: z.string().trim().max(2000).optional() }).strict();
export const ZSignContractRequest = z.object({ signedOn: z.iso.date().optional() }).strict();
/** A whole payment plan at once: each line an amount or a percentage of the contract total. */
export const ZSetPlanRequest = z
  .object({
    instalments: z
      .array(
        z.union([
          z.object({ dueOn: z.iso.date(), amount: ZPositiveMoney }).strict(),
          z
            .object({
              dueOn: z.iso.date(),
              percent: decimalInput({ precision: 7, scale: 4, min: 0 }).refine((v) => Number(v) > 0, 'contracts.amount_positive'),
            })
            .strict(),
        ]),
      )
      .min(1)
      .max(120),
  })
  .strict();
export type TSetPlanRequest = z.infer<typeof ZSetPlanRequest>;
/** Credit held on the contract matched to one instalment, or to the open ones oldest due first; all of it unless `amount`. */
export const ZApplyCreditRequest = z.object({ instalmentId: z.uuid().optional(), amount: ZPositiveMoney.optional() }).strict();
export const ZTerminateContractRequest = z.object({ reason: z.string().trim().min(1).max(500) }).strict();

const ZMoney = z.string();
export const ZReceivablesRow = z.object({
  companyId: z.string().nullable(),
  company: z.string().nullable(),
  currency: z.string(),
  contracted: ZMoney,
  received: ZMoney,
  outstanding: ZMoney,
  overdue: ZMoney,
  notDue: ZMoney,
  days1to30: ZMoney,
  days31to60: ZMoney,
  days61to90: ZMoney,
  days90plus: ZMoney,
});
export const ZReceivablesQuery = z.object({ asOf: z.iso.date().optional(), companyId: z.uuid().optional() });
export const ZReceivables = z.object({ asOf: z.string(), data: z.array(ZReceivablesRow) });
export type TReceivablesRow = z.infer<typeof ZReceivablesRow>;
