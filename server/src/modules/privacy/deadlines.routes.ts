import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '#platform/deps.ts';
import { withEtag } from '#platform/http/conditional.ts';
import { ZExtendPrivacyRequest, ZPrivacySettings, ZUpdatePrivacySettings } from './deadlines.schema.ts';
import { extendRequest, getPrivacySettings, updatePrivacySettings } from './deadlines.service.ts';
import { ZPrivacyRequest, ZRequestParams } from './requests.schema.ts';

/** Deadlines of data-subject requests (#21): the tenant's days per law and reminder lead, and a request's one extension. */
export function deadlineRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['privacy'];
  r.get(
    '/api/v1/privacy/settings',
    { schema: { tags, summary: 'Deadline days per law and reminder lead', response: { 200: ZPrivacySettings } } },
    async (req) => getPrivacySettings({ deps, ctx: req.ctx }),
  );
  r.patch(
    '/api/v1/privacy/settings',
    { schema: { tags, summary: 'Change the deadlines of requests received from now on', body: ZUpdatePrivacySettings, response: { 200: ZPrivacySettings } } },
    async (req) => updatePrivacySettings({ deps, ctx: req.ctx, input: req.body }),
  );
  r.post(
    '/api/v1/privacy/requests/:id/extend',
    {
      schema: {
        tags,
        summary: "Extend an open request's deadline, once, with a reason",
        params: ZRequestParams,
        body: ZExtendPrivacyRequest,
        response: { 200: ZPrivacyRequest },
      },
    },
    async (req, reply) => withEtag(reply, await extendRequest({ deps, ctx: req.ctx, id: req.params.id, input: req.body })),
  );
}
