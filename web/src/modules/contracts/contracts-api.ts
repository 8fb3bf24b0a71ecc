import { api, buildUrl } from '#shared/api/client';
import { toApiError } from '#shared/api/problem';
import type { ListResponse } from '#shared/api/types';

type Named = { id: string; name: string } | null;
export type Contract = {
  id: string;
  number: string;
  name: string;
  companyId: string | null;
  company: Named;
  contactId: string | null;
  dealId: string | null;
  signingParty: string | null;
  amount: string;
  currency: string;
  startsOn: string | null;
  endsOn: string | null;
  signedOn: string | null;
  status: string;
  receivedAmount: string;
  /** Received but matched to no instalment: the customer's credit on the contract. */
  creditAmount: string;
  invoicedAmount: string;
  terminatedReason: string | null;
  renewalDealId: string | null;
  version: number;
};
export type Instalment = {
  id: string;
  name: string;
  dueOn: string;
  amount: string;
  percent: string | null;
  paidAmount: string;
  currency: string;
  status: string;
  version: number;
};
export type Allocation = { instalmentId: string; amount: string };
export type Payment = {
  id: string;
  instalmentId: string | null;
  instalment: Named;
  allocations: Allocation[];
  creditAmount: string;
  receivedOn: string;
  amount: string;
  currency: string;
  method: string;
  bankReference: string | null;
};
export type Invoice = {
  id: string;
  number: string;
  amount: string;
  taxRate: string;
  taxAmount: string;
  total: string;
  currency: string;
  invoiceType: string;
  status: string;
  issuedOn: string | null;
  buyerTaxId: string | null;
};
export type StoredFile = { id: string; name: string; contentType: string; size: number; createdAt: string };
export type ReceivablesRow = {
  companyId: string | null;
  company: string | null;
  currency: string;
  contracted: string;
  received: string;
  outstanding: string;
  overdue: string;
  notDue: string;
  days1to30: string;
  days31to60: string;
  days61to90: string;
  days90plus: string;
};

export type PaymentRequest = {
  receivedOn: string;
  amount: string;
  method: string;
  bankReference?: string;
  keepCredit?: boolean;
  contractId?: string;
  instalmentId?: string;
  allocations?: Allocation[];
};
export type PlanLine = { dueOn: string; amount: string } | { dueOn: string; percent: string };

const byContract = (contractId: string) => ({ filter: JSON.stringify({ contractId: { eq: contractId } }), limit: 200 });

export const contractKeys = {
  one: (id: string) => ['contracts', 'one', id] as const,
  part: (part: string, id: string) => ['contracts', part, id] as const,
  related: (field: string, id: string) => ['contracts', 'related', field, id] as const,
};

export const contractsApi = {
  list: (query: Record<string, string | number | undefined>) => api<ListResponse<Contract>>('/contracts', { query }),
  get: (id: string) => api<Contract>(`/contracts/${id}`),
  create: (body: Record<string, unknown>) => api<Contract>('/contracts', { method: 'POST', body }),
  submit: (id: string) => api<{ contract: Contract }>(`/contracts/${id}/submit`, { method: 'POST', body: {} }),
  instalments: async (id: string) => (await api<ListResponse<Instalment>>('/instalments', { query: { ...byContract(id), sort: 'dueOn' } })).data,
  addInstalment: (body: { contractId: string; dueOn: string; amount: string }) => api<Instalment>('/instalments', { method: 'POST', body }),
  payments: async (id: string) => (await api<ListResponse<Payment>>('/payments', { query: { ...byContract(id), sort: '-receivedOn' } })).data,
  /** A payment for the contract (oldest due first), one instalment, or explicit amounts per instalment; `keepCredit`: the rest is the customer's credit. */
  addPayment: (body: PaymentRequest) => api<Payment>('/payments', { method: 'POST', body }),
  /** A whole plan: lines by amount or by percentage of the contract total; the server computes the amounts. */
  setPlan: (id: string, instalments: PlanLine[]) => api<{ data: Instalment[] }>(`/contracts/${id}/plan`, { method: 'POST', body: { instalments } }),
  applyCredit: (id: string, body: { instalmentId?: string; amount?: string } = {}) => api<Contract>(`/contracts/${id}/apply-credit`, { method: 'POST', body }),
  sign: (id: string, signedOn: string) => api<Contract>(`/contracts/${id}/sign`, { method: 'POST', body: { signedOn } }),
  terminate: (id: string, reason: string) => api<Contract>(`/contracts/${id}/terminate`, { method: 'POST', body: { reason } }),
  invoices: async (id: string) => (await api<ListResponse<Invoice>>('/invoices', { query: byContract(id) })).data,
  addInvoice: (body: Record<string, unknown>) => api<Invoice>('/invoices', { method: 'POST', body }),
  issueInvoice: (id: string) => api<Invoice>(`/invoices/${id}/issue`, { method: 'POST' }),
  files: async (id: string) => (await api<{ data: StoredFile[] }>('/files', { query: { recordType: 'contract', recordId: id } })).data,
  fileUrl: (fileId: string) => buildUrl(`/files/${fileId}/content`),
  /** Multipart upload of one file (the server sniffs its type and enforces the tenant's limits). */
  upload: async (contractId: string, file: File, language: string) => {
    const body = new FormData();
    body.append('file', file, file.name);
    const res = await fetch(buildUrl('/files', { recordType: 'contract', recordId: contractId }), {
      method: 'POST',
      body,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Accept-Language': language, 'X-Requested-With': 'kehu' },
    });
    if (!res.ok) throw await toApiError(res);
    return (await res.json()) as StoredFile;
  },
  receivables: (query: { asOf?: string; companyId?: string } = {}) => api<{ asOf: string; data: ReceivablesRow[] }>('/receivables', { query }),
};

export const STATUS_COLOR: Record<string, string> = {
  draft: 'default',
  in_approval: 'orange',
  signed: 'blue',
  active: 'green',
  expired: 'volcano',
  terminated: 'red',
  pending: 'default',
  partly_paid: 'gold',
  paid: 'green',
  overdue: 'red',
  requested: 'orange',
  issued: 'green',
  void: 'default',
};
