import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#platform/deps.ts';
import { expectedVersion, withEtag } from '#platform/http/conditional.ts';
import { ZIdParams } from '#platform/http/list-query.ts';
import { dryRun } from './dry-run.service.ts';
import { callHook, createHookToken, HOOK_PATH } from './hooks.service.ts';
import {
  ZCreateWorkflowRuleRequest,
  ZDryRunRequest,
  ZDryRunResult,
  ZHookBody,
  ZHookParams,
  ZHookResult,
  ZHookToken,
  ZReorderRequest,
  ZRunsQuery,
  ZUpdateWorkflowRuleRequest,
  ZWorkflowRule,
  ZWorkflowRun,
} from './workflows.schema.ts';
import * as service from './workflows.service.ts';

/** Calls per minute per URL and address (KEHU_HOOK_RATE_LIMIT). */
const hookRateLimit = () => Number(process.env.KEHU_HOOK_RATE_LIMIT) || 60;

export function workflowRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['workflow rules'];
  const base = '/api/v1/workflow-rules';
  const list = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item) });

  r.get(base, { schema: { tags, summary: 'Workflow rules in order (admins)', response: { 200: list(ZWorkflowRule) } } }, async (req) => ({
    data: await service.listRules({ deps, ctx: req.ctx }),
  }));
  r.post(
    base,
    {
      schema: {
        tags,
        summary: 'Add a rule at the end; checked against the object’s fields',
        body: ZCreateWorkflowRuleRequest,
        response: { 201: ZWorkflowRule },
      },
    },
    async (req, reply) => reply.status(201).send(withEtag(reply, await service.createRule({ deps, ctx: req.ctx, input: req.body }))),
  );
  r.put(`${base}/order`, { schema: { tags, summary: 'Reorder all rules', body: ZReorderRequest, response: { 200: list(ZWorkflowRule) } } }, async (req) => ({
    data: await service.reorderRules({ deps, ctx: req.ctx, ids: req.body.ids }),
  }));
  r.post(
    `${base}/dry-run`,
    { schema: { tags, summary: 'What an unsaved rule would do on a record, writing nothing', body: ZDryRunRequest, response: { 200: ZDryRunResult } } },
    async (req) => dryRun({ deps, ctx: req.ctx, ruleId: null, input: req.body }),
  );
  r.get(`${base}/:id`, { schema: { tags, params: ZIdParams, response: { 200: ZWorkflowRule } } }, async (req, reply) =>
    withEtag(reply, await service.getRule({ deps, ctx: req.ctx, id: req.params.id })),
  );
  r.patch(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Change a rule (switch it on or off); If-Match guards concurrent edits',
        params: ZIdParams,
        body: ZUpdateWorkflowRuleRequest,
        response: { 200: ZWorkflowRule },
      },
    },
    async (req, reply) => withEtag(reply, await service.updateRule({ deps, ctx: req.ctx, id: req.params.id, input: req.body, version: expectedVersion(req) })),
  );
  r.delete(`${base}/:id`, { schema: { tags, summary: 'Delete a rule (its runs stay in the log)', params: ZIdParams } }, async (req, reply) => {
    await service.deleteRule({ deps, ctx: req.ctx, id: req.params.id, version: expectedVersion(req) });
    return reply.status(204).send();
  });
  r.post(
    `${base}/:id/dry-run`,
    {
      schema: {
        tags,
        summary: 'What the saved rule would do on a record, writing nothing',
        params: ZIdParams,
        body: ZDryRunRequest,
        response: { 200: ZDryRunResult },
      },
    },
    async (req) => dryRun({ deps, ctx: req.ctx, ruleId: req.params.id, input: req.body }),
  );
  r.post(
    `${base}/:id/hook-token`,
    {
      schema: {
        tags,
        summary: 'Make (or replace) an inbound-webhook rule’s secret URL; the token is shown only in this answer',
        params: ZIdParams,
        response: { 201: ZHookToken },
      },
    },
    async (req, reply) => reply.status(201).send(await createHookToken({ deps, ctx: req.ctx, id: req.params.id })),
  );
  r.post(
    `${HOOK_PATH}/:token`,
    {
      // Public: the secret URL is the credential. Per token and address, and bodies up to 64 KB.
      bodyLimit: 64 * 1024,
      config: { public: true, rateLimit: { max: hookRateLimit(), timeWindow: '1 minute', keyGenerator: (req: FastifyRequest) => `hook:${req.ip}:${req.url}` } },
      schema: {
        tags,
        summary: 'Inbound webhook: fires the rule behind the URL on the record the body names (public; rate-limited; Idempotency-Key honoured)',
        params: ZHookParams,
        body: ZHookBody,
        response: { 200: ZHookResult },
      },
    },
    async (req) => {
      const key = req.headers['idempotency-key'];
      return callHook({
        deps,
        token: req.params.token,
        body: req.body,
        idempotencyKey: typeof key === 'string' ? key.slice(0, 200) : undefined,
        requestId: req.id,
      });
    },
  );
  r.get(
    '/api/v1/workflow-runs',
    {
      schema: {
        tags,
        summary: 'Rule runs, newest first',
        querystring: ZRunsQuery,
        response: { 200: z.object({ data: z.array(ZWorkflowRun), nextCursor: z.string().nullable() }) },
      },
    },
    async (req) => service.listRuns({ deps, ctx: req.ctx, q: req.query }),
  );
}
