import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#platform/deps.ts';
import { expectedVersion, withEtag } from '#platform/http/conditional.ts';
import { ZIdParams } from '#platform/http/list-query.ts';
import * as leadScores from './lead-score.service.ts';
import * as predictive from './predictive.service.ts';
import * as config from './scoring-config.service.ts';
import {
  ZCreateScoringGroupRequest,
  ZEngagement,
  ZEngagementRequest,
  ZLeadScore,
  ZModelStatus,
  ZScoringField,
  ZScoringGroup,
  ZScoringSettings,
  ZUpdateScoringGroupRequest,
  ZUpdateScoringSettingsRequest,
} from './scoring.schema.ts';

export function scoringRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['lead scoring'];
  const base = '/api/v1/lead-scoring';

  r.get(`${base}/settings`, { schema: { tags, summary: 'Half-life and band thresholds', response: { 200: ZScoringSettings } } }, async (req, reply) =>
    withEtag(reply, await config.getSettings({ deps, ctx: req.ctx })),
  );
  r.patch(
    `${base}/settings`,
    {
      schema: {
        tags,
        summary: 'Change half-life, bands or predictive fields (admin); rescoring follows',
        body: ZUpdateScoringSettingsRequest,
        response: { 200: ZScoringSettings },
      },
    },
    async (req, reply) => withEtag(reply, await config.updateSettings({ deps, ctx: req.ctx, input: req.body, version: expectedVersion(req) })),
  );
  r.get(
    `${base}/fields`,
    {
      schema: {
        tags,
        summary: 'Lead fields a rule may test (custom fields included)',
        querystring: z.object({ withScore: z.enum(['true', 'false']).optional() }),
        response: { 200: z.object({ data: z.array(ZScoringField) }) },
      },
    },
    async (req) => ({ data: await config.listFields({ deps, ctx: req.ctx, withScore: req.query.withScore === 'true' }) }),
  );
  r.get(
    `${base}/groups`,
    { schema: { tags, summary: 'Rule groups in order', response: { 200: z.object({ data: z.array(ZScoringGroup) }) } } },
    async (req) => ({
      data: await config.listGroups({ deps, ctx: req.ctx }),
    }),
  );
  r.post(
    `${base}/groups`,
    { schema: { tags, summary: 'Create a rule group (admin)', body: ZCreateScoringGroupRequest, response: { 201: ZScoringGroup } } },
    async (req, reply) => reply.status(201).send(withEtag(reply, await config.createGroup({ deps, ctx: req.ctx, input: req.body }))),
  );
  r.patch(
    `${base}/groups/:id`,
    {
      schema: {
        tags,
        summary: 'Change a rule group (admin); If-Match guards concurrent edits',
        params: ZIdParams,
        body: ZUpdateScoringGroupRequest,
        response: { 200: ZScoringGroup },
      },
    },
    async (req, reply) => withEtag(reply, await config.updateGroup({ deps, ctx: req.ctx, id: req.params.id, input: req.body, version: expectedVersion(req) })),
  );
  r.delete(`${base}/groups/:id`, { schema: { tags, summary: 'Delete a rule group (admin)', params: ZIdParams } }, async (req, reply) => {
    await config.deleteGroup({ deps, ctx: req.ctx, id: req.params.id, version: expectedVersion(req) });
    return reply.status(204).send();
  });
  r.get(`${base}/model`, { schema: { tags, summary: 'Predictive model status', response: { 200: ZModelStatus } } }, (req) =>
    predictive.modelStatus({ deps, ctx: req.ctx }),
  );
  r.post(`${base}/model/refit`, { schema: { tags, summary: 'Refit the predictive model now (admin)', response: { 200: ZModelStatus } } }, (req) =>
    predictive.refitNow({ deps, ctx: req.ctx }),
  );

  r.get(
    '/api/v1/leads/:id/score',
    { schema: { tags, summary: "A lead's score, explanation and predicted probability", params: ZIdParams, response: { 200: ZLeadScore } } },
    (req) => leadScores.getLeadScore({ deps, ctx: req.ctx, leadId: req.params.id }),
  );
  r.get(
    '/api/v1/leads/:id/engagements',
    { schema: { tags, summary: "A lead's engagement events", params: ZIdParams, response: { 200: z.object({ data: z.array(ZEngagement) }) } } },
    async (req) => ({ data: await leadScores.listLeadEngagements({ deps, ctx: req.ctx, leadId: req.params.id }) }),
  );
  r.post(
    '/api/v1/leads/:id/engagements',
    {
      schema: {
        tags,
        summary: 'Record an engagement (form submitted, email opened, meeting held...) and rescore',
        params: ZIdParams,
        body: ZEngagementRequest,
        response: { 201: ZEngagement.extend({ score: z.number().int(), band: z.enum(['cold', 'warm', 'hot']) }) },
      },
    },
    async (req, reply) => reply.status(201).send(await leadScores.addEngagement({ deps, ctx: req.ctx, leadId: req.params.id, input: req.body })),
  );
}
