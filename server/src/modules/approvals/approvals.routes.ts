import { inTenant } from '#db/tx.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { ZIdParams } from '#platform/http/list-query.ts';
import {
  ZApprovalListQuery,
  ZApprovalProcess,
  ZApprovalRequest,
  ZCreateApprovalProcessRequest,
  ZDecisionRequest,
  ZReassignRequest,
  ZRecordApprovals,
  ZRecordParams,
  ZSubmitApprovalRequest,
  ZUpdateApprovalProcessRequest,
} from './approvals.schema.ts';
import { approve, reassign, recall, reject } from './decide.service.ts';
import * as processes from './processes.service.ts';
import { getApproval, listApprovals, recordApprovals } from './queries.service.ts';
import { submitApproval } from './submit.service.ts';

export function approvalRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['approvals'];

  r.get(
    '/api/v1/approval-processes',
    {
      schema: {
        tags,
        querystring: z.object({ object: z.string().max(100).optional() }).strict(),
        response: { 200: z.object({ data: z.array(ZApprovalProcess) }) },
      },
    },
    async (req) => ({ data: await processes.listProcesses({ deps, ctx: req.ctx, object: req.query.object }) }),
  );
  r.post('/api/v1/approval-processes', { schema: { tags, body: ZCreateApprovalProcessRequest, response: { 201: ZApprovalProcess } } }, async (req, reply) =>
    reply.status(201).send(await processes.createProcess({ deps, ctx: req.ctx, input: req.body })),
  );
  r.get('/api/v1/approval-processes/:id', { schema: { tags, params: ZIdParams, response: { 200: ZApprovalProcess } } }, async (req) =>
    processes.getProcess({ deps, ctx: req.ctx, id: req.params.id }),
  );
  r.patch(
    '/api/v1/approval-processes/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdateApprovalProcessRequest, response: { 200: ZApprovalProcess } } },
    async (req) => processes.updateProcess({ deps, ctx: req.ctx, id: req.params.id, input: req.body }),
  );
  r.delete('/api/v1/approval-processes/:id', { schema: { tags, params: ZIdParams } }, async (req, reply) => {
    await processes.deleteProcess({ deps, ctx: req.ctx, id: req.params.id });
    return reply.status(204).send();
  });

  r.get(
    '/api/v1/approvals',
    { schema: { tags, querystring: ZApprovalListQuery, response: { 200: z.object({ data: z.array(ZApprovalRequest), nextCursor: z.string().nullable() }) } } },
    async (req) => listApprovals({ deps, ctx: req.ctx, query: req.query }),
  );
  r.post('/api/v1/approvals', { schema: { tags, body: ZSubmitApprovalRequest, response: { 201: ZApprovalRequest } } }, async (req, reply) => {
    const { id } = await inTenant(deps.db.kysely, req.ctx.tenantId, (tx) => submitApproval({ tx, deps, ctx: req.ctx, ...req.body }));
    return reply.status(201).send(await getApproval({ deps, ctx: req.ctx, id }));
  });
  r.get('/api/v1/approvals/:id', { schema: { tags, params: ZIdParams, response: { 200: ZApprovalRequest } } }, async (req) =>
    getApproval({ deps, ctx: req.ctx, id: req.params.id }),
  );
  r.get('/api/v1/approvals/records/:object/:recordId', { schema: { tags, params: ZRecordParams, response: { 200: ZRecordApprovals } } }, async (req) =>
    recordApprovals({ deps, ctx: req.ctx, ...req.params }),
  );
  const decision = (path: string, act: (o: { deps: Deps; ctx: RequestContext; id: string; comment?: string | undefined }) => Promise<void>) =>
    r.post(path, { schema: { tags, params: ZIdParams, body: ZDecisionRequest, response: { 200: ZApprovalRequest } } }, async (req) => {
      await act({ deps, ctx: req.ctx, id: req.params.id, comment: req.body.comment });
      return getApproval({ deps, ctx: req.ctx, id: req.params.id });
    });
  decision('/api/v1/approvals/:id/approve', approve);
  decision('/api/v1/approvals/:id/reject', reject);
  decision('/api/v1/approvals/:id/recall', recall);
  r.post(
    '/api/v1/approvals/:id/reassign',
    { schema: { tags, params: ZIdParams, body: ZReassignRequest, response: { 200: ZApprovalRequest } } },
    async (req) => {
      await reassign({ deps, ctx: req.ctx, id: req.params.id, userId: req.body.userId, comment: req.body.comment });
      return getApproval({ deps, ctx: req.ctx, id: req.params.id });
    },
  );
}
