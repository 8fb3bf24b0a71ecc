import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#platform/deps.ts';
import { expectedVersion, withEtag } from '#platform/http/conditional.ts';
import { ZIdParams } from '#platform/http/list-query.ts';
import * as rules from './assignment-rules.service.ts';
import {
  ZAssignmentLogEntry,
  ZAssignmentRule,
  ZAssignmentSettings,
  ZAssignRequest,
  ZAssignResult,
  ZAway,
  ZAwayRequest,
  ZBulkAssignRequest,
  ZBulkAssignResult,
  ZCreateAssignmentRuleRequest,
  ZQueueEntry,
  ZRecentAssignment,
  ZReorderRequest,
  ZUpdateAssignmentRuleRequest,
  ZUpdateAssignmentSettingsRequest,
  ZUserParams,
} from './assignment.schema.ts';
import * as leads from './lead-assign.service.ts';

export function assignmentRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['lead assignment'];
  const base = '/api/v1/lead-assignment';
  const list = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item) });

  r.get(`${base}/rules`, { schema: { tags, summary: 'Assignment rules in order', response: { 200: list(ZAssignmentRule) } } }, async (req) => ({
    data: await rules.listRules({ deps, ctx: req.ctx }),
  }));
  r.post(
    `${base}/rules`,
    { schema: { tags, summary: 'Add a rule at the end', body: ZCreateAssignmentRuleRequest, response: { 201: ZAssignmentRule } } },
    async (req, reply) => reply.status(201).send(withEtag(reply, await rules.createRule({ deps, ctx: req.ctx, input: req.body }))),
  );
  r.put(
    `${base}/rules/order`,
    { schema: { tags, summary: 'Reorder all rules', body: ZReorderRequest, response: { 200: list(ZAssignmentRule) } } },
    async (req) => ({
      data: await rules.reorderRules({ deps, ctx: req.ctx, ids: req.body.ids }),
    }),
  );
  r.patch(
    `${base}/rules/:id`,
    {
      schema: {
        tags,
        summary: 'Change a rule; If-Match guards concurrent edits',
        params: ZIdParams,
        body: ZUpdateAssignmentRuleRequest,
        response: { 200: ZAssignmentRule },
      },
    },
    async (req, reply) => withEtag(reply, await rules.updateRule({ deps, ctx: req.ctx, id: req.params.id, input: req.body, version: expectedVersion(req) })),
  );
  r.delete(`${base}/rules/:id`, { schema: { tags, summary: 'Delete a rule', params: ZIdParams } }, async (req, reply) => {
    await rules.deleteRule({ deps, ctx: req.ctx, id: req.params.id, version: expectedVersion(req) });
    return reply.status(204).send();
  });
  r.get(`${base}/settings`, { schema: { tags, summary: 'Triggers and working days', response: { 200: ZAssignmentSettings } } }, async (req, reply) =>
    withEtag(reply, await rules.getSettings({ deps, ctx: req.ctx })),
  );
  r.patch(`${base}/settings`, { schema: { tags, body: ZUpdateAssignmentSettingsRequest, response: { 200: ZAssignmentSettings } } }, async (req, reply) =>
    withEtag(reply, await rules.updateSettings({ deps, ctx: req.ctx, input: req.body, version: expectedVersion(req) })),
  );
  r.get(`${base}/away`, { schema: { tags, summary: 'Users taking no new leads', response: { 200: list(ZAway) } } }, async (req) => ({
    data: await rules.listAway({ deps, ctx: req.ctx }),
  }));
  r.put(
    `${base}/away/:userId`,
    { schema: { tags, summary: 'Mark a user away (until a date, or until cleared)', params: ZUserParams, body: ZAwayRequest } },
    async (req, reply) => {
      await rules.setAway({ deps, ctx: req.ctx, userId: req.params.userId, input: req.body });
      return reply.status(204).send();
    },
  );
  r.delete(`${base}/away/:userId`, { schema: { tags, summary: 'Mark a user back', params: ZUserParams } }, async (req, reply) => {
    await rules.clearAway({ deps, ctx: req.ctx, userId: req.params.userId });
    return reply.status(204).send();
  });
  r.get(`${base}/queue`, { schema: { tags, summary: 'Leads waiting for an owner (fallback queue)', response: { 200: list(ZQueueEntry) } } }, async (req) => ({
    data: await leads.listQueue({ deps, ctx: req.ctx }),
  }));
  r.get(`${base}/recent`, { schema: { tags, summary: 'Latest assignments', response: { 200: list(ZRecentAssignment) } } }, async (req) => ({
    data: await leads.recentAssignments({ deps, ctx: req.ctx }),
  }));

  r.post(
    '/api/v1/leads/:id/assign',
    { schema: { tags, summary: 'Assign a lead to a user, or through the rules', params: ZIdParams, body: ZAssignRequest, response: { 200: ZAssignResult } } },
    (req) => leads.assignLead({ deps, ctx: req.ctx, leadId: req.params.id, userId: req.body.userId }),
  );
  r.post('/api/v1/leads/assign', { schema: { tags, summary: 'Assign many leads', body: ZBulkAssignRequest, response: { 200: ZBulkAssignResult } } }, (req) =>
    leads.assignMany({ deps, ctx: req.ctx, ids: req.body.ids, userId: req.body.userId }),
  );
  r.get(
    '/api/v1/leads/:id/assignments',
    { schema: { tags, summary: "A lead's assignment history", params: ZIdParams, response: { 200: list(ZAssignmentLogEntry) } } },
    async (req) => ({ data: await leads.assignmentHistory({ deps, ctx: req.ctx, leadId: req.params.id }) }),
  );
}
