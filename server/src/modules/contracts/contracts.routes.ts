import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#platform/deps.ts';
import { moveInvoice, signContract, submitContract, terminateContract } from './contract-status.service.ts';
import { applyCredit } from './payment-credit.service.ts';
import { setPlan } from './payment-plan.service.ts';
import {
  ZApplyCreditRequest,
  ZContract,
  ZInstalment,
  ZInvoice,
  ZReceivables,
  ZReceivablesQuery,
  ZSetPlanRequest,
  ZSignContractRequest,
  ZSubmitContractRequest,
  ZTerminateContractRequest,
} from './contracts.schema.ts';
import { receivables } from './receivables.service.ts';

const ZId = z.object({ id: z.uuid() });

/** The contracts module's actions beside the record routes: status moves, invoice issue/void, receivables. */
export function contractRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['contracts'];
  r.post(
    '/api/v1/contracts/:id/submit',
    {
      schema: {
        tags,
        summary: 'Submit a draft contract for approval (signed at once when no process applies)',
        params: ZId,
        body: ZSubmitContractRequest.optional(),
        response: { 200: z.object({ contract: ZContract, approvalId: z.string().nullable() }) },
      },
    },
    async (req) => submitContract({ deps, ctx: req.ctx, id: req.params.id, comment: req.body?.comment }),
  );
  r.post(
    '/api/v1/contracts/:id/sign',
    {
      schema: {
        tags,
        summary: 'Sign a contract (a draft goes through approval when a process applies) or correct a signed one’s signing date',
        params: ZId,
        body: ZSignContractRequest.optional(),
        response: { 200: ZContract },
      },
    },
    async (req) => signContract({ deps, ctx: req.ctx, id: req.params.id, signedOn: req.body?.signedOn }),
  );
  r.post(
    '/api/v1/contracts/:id/terminate',
    { schema: { tags, summary: 'Terminate a signed or active contract', params: ZId, body: ZTerminateContractRequest, response: { 200: ZContract } } },
    async (req) => terminateContract({ deps, ctx: req.ctx, id: req.params.id, reason: req.body.reason }),
  );
  r.post(
    '/api/v1/contracts/:id/plan',
    {
      schema: {
        tags,
        summary: 'Set a contract’s whole payment plan: instalments by amount or by percentage of the contract total, adding up to it',
        params: ZId,
        body: ZSetPlanRequest,
        response: { 201: z.object({ data: z.array(ZInstalment) }) },
      },
    },
    async (req, reply) => reply.code(201).send({ data: await setPlan({ deps, ctx: req.ctx, contractId: req.params.id, instalments: req.body.instalments }) }),
  );
  r.post(
    '/api/v1/contracts/:id/apply-credit',
    {
      schema: {
        tags,
        summary: 'Use the customer’s credit held on the contract against one instalment, or the open ones oldest due first',
        params: ZId,
        body: ZApplyCreditRequest,
        response: { 200: ZContract },
      },
    },
    async (req) => applyCredit({ deps, ctx: req.ctx, contractId: req.params.id, instalmentId: req.body.instalmentId, amount: req.body.amount }),
  );
  r.post(
    '/api/v1/invoices/:id/issue',
    { schema: { tags: ['invoices'], summary: 'Mark a requested invoice issued (today)', params: ZId, response: { 200: ZInvoice } } },
    async (req) => moveInvoice({ deps, ctx: req.ctx, id: req.params.id, to: 'issued' }),
  );
  r.post(
    '/api/v1/invoices/:id/void',
    { schema: { tags: ['invoices'], summary: 'Void an invoice (it no longer counts against the contract)', params: ZId, response: { 200: ZInvoice } } },
    async (req) => moveInvoice({ deps, ctx: req.ctx, id: req.params.id, to: 'void' }),
  );
  r.get(
    '/api/v1/receivables',
    {
      schema: {
        tags: ['receivables'],
        summary:
          'Receivables by customer: outstanding, overdue and ageing buckets (not due, 1-30, 31-60, 61-90, 90+ days), within the user’s read scope on instalments',
        querystring: ZReceivablesQuery,
        response: { 200: ZReceivables },
      },
    },
    async (req) => receivables({ deps, ctx: req.ctx, asOf: req.query.asOf, companyId: req.query.companyId }),
  );
}
