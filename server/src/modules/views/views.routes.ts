import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#platform/deps.ts';
import { ZIdParams } from '#platform/http/list-query.ts';
import { VIEW_OBJECTS, ZCreateSavedViewRequest, ZSavedView, ZUpdateSavedViewRequest } from './views.schema.ts';
import * as service from './views.service.ts';

export function viewRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['saved views'];
  r.get(
    '/api/v1/saved-views',
    { schema: { tags, querystring: z.object({ object: z.enum(VIEW_OBJECTS) }).strict(), response: { 200: z.object({ data: z.array(ZSavedView) }) } } },
    async (req) => ({
      data: await service.listSavedViews({ deps, ctx: req.ctx, object: req.query.object }),
    }),
  );
  r.post('/api/v1/saved-views', { schema: { tags, body: ZCreateSavedViewRequest, response: { 201: ZSavedView } } }, async (req, reply) =>
    reply.status(201).send(await service.createSavedView({ deps, ctx: req.ctx, input: req.body })),
  );
  r.patch('/api/v1/saved-views/:id', { schema: { tags, params: ZIdParams, body: ZUpdateSavedViewRequest, response: { 200: ZSavedView } } }, async (req) =>
    service.updateSavedView({ deps, ctx: req.ctx, id: req.params.id, input: req.body }),
  );
  r.delete('/api/v1/saved-views/:id', { schema: { tags, params: ZIdParams } }, async (req, reply) => {
    await service.deleteSavedView({ deps, ctx: req.ctx, id: req.params.id });
    return reply.status(204).send();
  });
}
