import { z } from 'zod';
import { CONTRACT_FIELDS, INSTALMENT_FIELDS, INVOICE_FIELDS, PAYMENT_FIELDS } from './contract-fields.definition.ts';

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
export const ZUpdatePaymentRequest = z.object(PAYMENT_FIELDS.input).partial().strict();
export const ZCreatePaymentRequest = ZUpdatePaymentRequest.required({ instalmentId: true, receivedOn: true, amount: true });

export const ZInvoice = z.object(INVOICE_FIELDS.output);
export type TInvoice = z.infer<typeof ZInvoice>;
export const ZUpdateInvoiceRequest = z.object(INVOICE_FIELDS.input).partial().strict();
export const ZCreateInvoiceRequest = ZUpdateInvoiceRequest.required({ contractId: true, amount: true });

export const ZSubmitContractRequest = z.object({ comment: z.string().trim().max(2000).optional() }).strict();
export const ZSignContractRequest = z.object({ signedOn: z.iso.date().optional() }).strict();
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
