import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#platform/deps.ts';
import { expectedVersion, withEtag } from '#platform/http/conditional.ts';
import { ZRequestParams } from './requests.schema.ts';
import { ZCreateRetentionPolicy, ZRetentionPolicy, ZRetentionPreview, ZRetentionTargets, ZRunRetention, ZUpdateRetentionPolicy } from './retention.schema.ts';
import { createPolicy, deletePolicy, listPolicies, listRetentionTargets, previewPolicy, runPolicyNow, updatePolicy } from './retention.service.ts';

const BASE = '/api/v1/privacy/retention-policies';

/** Retention policies (#21, admins): per object, anonymise or delete records past an age; a daily job runs them. */
export function retentionRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['privacy'];
  r.get(BASE, { schema: { tags, summary: 'Retention policies', response: { 200: z.object({ data: z.array(ZRetentionPolicy) }) } } }, async (req) => ({
    data: await listPolicies({ deps, ctx: req.ctx }),
  }));
  r.get(
    `${BASE}/targets`,
    { schema: { tags, summary: 'Objects holding personal data and the date fields a policy may count age from', response: { 200: ZRetentionTargets } } },
    async (req) => ({ data: await listRetentionTargets({ deps, ctx: req.ctx }) }),
  );
  r.post(
    BASE,
    {
      schema: {
        tags,
        summary: 'Add a policy (a policy acting on every record of its object needs confirmCount = that count)',
        body: ZCreateRetentionPolicy,
        response: { 201: ZRetentionPolicy },
      },
    },
    async (req, reply) => reply.code(201).send(withEtag(reply, await createPolicy({ deps, ctx: req.ctx, input: req.body }))),
  );
  r.patch(
    `${BASE}/:id`,
    { schema: { tags, summary: 'Change a policy (If-Match)', params: ZRequestParams, body: ZUpdateRetentionPolicy, response: { 200: ZRetentionPolicy } } },
    async (req, reply) => withEtag(reply, await updatePolicy({ deps, ctx: req.ctx, id: req.params.id, input: req.body, version: expectedVersion(req) })),
  );
  r.delete(`${BASE}/:id`, { schema: { tags, summary: 'Remove a policy', params: ZRequestParams } }, async (req, reply) => {
    await deletePolicy({ deps, ctx: req.ctx, id: req.params.id });
    return reply.code(204).send();
  });
  r.get(
    `${BASE}/:id/preview`,
    { schema: { tags, summary: 'How many records the policy would act on now, of how many', params: ZRequestParams, response: { 200: ZRetentionPreview } } },
    async (req) => previewPolicy({ deps, ctx: req.ctx, id: req.params.id }),
  );
  r.post(
    `${BASE}/:id/run`,
    { schema: { tags, summary: 'Run the policy now and keep its report', params: ZRequestParams, body: ZRunRetention, response: { 200: ZRetentionPolicy } } },
    async (req) => runPolicyNow({ deps, ctx: req.ctx, id: req.params.id, confirmCount: req.body.confirmCount }),
  );
}
