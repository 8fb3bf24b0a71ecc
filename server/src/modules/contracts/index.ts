import { jobsOf } from '#platform/jobs/job-registry.ts';
import type { KehuModule } from '#platform/module.ts';
import { ALL_ACTIONS } from '#platform/objects/object-registry.ts';
import { recordRoutes } from '#platform/records/record-routes.ts';
import { CONTRACT_FIELDS, INSTALMENT_FIELDS, INVOICE_FIELDS, PAYMENT_FIELDS } from './contract-fields.definition.ts';
import { contractDefinition, instalmentDefinition, invoiceDefinition, paymentDefinition } from './contracts.definition.ts';
import { CONTRACTS_DAILY_JOB, runContractsDaily } from './contracts.jobs.ts';
import { contractsWriteGuard } from './contracts.guards.ts';
import { contractRoutes } from './contracts.routes.ts';
import * as s from './contracts.schema.ts';
import { contractApprovalSubscriber } from './contracts.subscribers.ts';

export { contractDefinition, instalmentDefinition, invoiceDefinition, paymentDefinition };
export { runContractsDaily };
export { seedDemoContracts } from './contracts.demo.ts';
export type { TContract, TInstalment, TInvoice, TPayment } from './contracts.schema.ts';

const capabilities = ['owned', 'audited', 'recycleBin', 'customFields', 'export', 'search', 'timeline'] as const;

/**
 * Contracts and 回款 (#19): contracts (HT series, approval, status flow, renewal 30 days before the
 * end, attachments through platform/files), their payment plans' instalments, payments received
 * (matched to one or several instalments, partial, an overpayment held as credit only on request), invoices (FP series, issue/void), and the receivables report.
 * A daily job (not a workflow time trigger: it needs the module's own writes) activates, expires,
 * starts renewals and marks instalments overdue with a notification.
 */
export const contractsModule: KehuModule = {
  name: 'contracts',
  objects: [
    {
      name: 'contract',
      path: 'contracts',
      label: { zh: '合同', en: 'Contract' },
      actions: ALL_ACTIONS,
      capabilities,
      definition: contractDefinition,
      fields: CONTRACT_FIELDS.names,
      listColumns: ['number', 'name', 'company', 'status', 'amount', 'currency', 'receivedAmount', 'endsOn', 'owner'],
      numbering: { defaultPattern: 'HT-{yyyy}-{0000}' },
    },
    {
      name: 'instalment',
      path: 'instalments',
      label: { zh: '回款计划', en: 'Instalment' },
      actions: ALL_ACTIONS,
      capabilities,
      definition: instalmentDefinition,
      fields: INSTALMENT_FIELDS.names,
      listColumns: ['name', 'contract', 'company', 'dueOn', 'amount', 'paidAmount', 'status', 'owner'],
    },
    {
      name: 'payment',
      path: 'payments',
      label: { zh: '回款记录', en: 'Payment' },
      actions: ALL_ACTIONS,
      capabilities,
      definition: paymentDefinition,
      fields: PAYMENT_FIELDS.names,
      listColumns: ['receivedOn', 'contract', 'company', 'amount', 'currency', 'method', 'bankReference', 'owner'],
    },
    {
      name: 'invoice',
      path: 'invoices',
      label: { zh: '发票', en: 'Invoice' },
      actions: ALL_ACTIONS,
      capabilities,
      definition: invoiceDefinition,
      fields: INVOICE_FIELDS.names,
      listColumns: ['number', 'contract', 'company', 'amount', 'taxAmount', 'total', 'status', 'issuedOn', 'owner'],
      numbering: { defaultPattern: 'FP-{yyyy}-{0000}' },
    },
  ],
  register(app, deps) {
    contractRoutes(app, deps);
    recordRoutes(app, deps, {
      path: 'contracts',
      tag: 'contracts',
      def: contractDefinition,
      out: s.ZContract,
      create: s.ZCreateContractRequest,
      update: s.ZUpdateContractRequest,
    });
    recordRoutes(app, deps, {
      path: 'instalments',
      tag: 'instalments',
      def: instalmentDefinition,
      out: s.ZInstalment,
      create: s.ZCreateInstalmentRequest,
      update: s.ZUpdateInstalmentRequest,
    });
    recordRoutes(app, deps, {
      path: 'payments',
      tag: 'payments',
      def: paymentDefinition,
      out: s.ZPayment,
      create: s.ZCreatePaymentRequest,
      update: s.ZUpdatePaymentRequest,
    });
    recordRoutes(app, deps, {
      path: 'invoices',
      tag: 'invoices',
      def: invoiceDefinition,
      out: s.ZInvoice,
      create: s.ZCreateInvoiceRequest,
      update: s.ZUpdateInvoiceRequest,
    });
    deps.subscribers.add(contractApprovalSubscriber(deps));
    deps.writeGuards?.add(contractsWriteGuard);
    // Daily at 00:30 UTC; a missed day is caught by the next run.
    jobsOf(deps).schedule(CONTRACTS_DAILY_JOB, '30 0 * * *', async () => {
      const done = await runContractsDaily({ deps });
      deps.log.info(done, 'contracts daily run');
    });
  },
};
