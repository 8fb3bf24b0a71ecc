import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { expectedVersion, withEtag } from '../http/conditional.ts';
import { ZIdParams } from '../http/list-query.ts';
import { ZCreateCustomFieldRequest, ZCustomField, ZCustomFieldListQuery, ZUpdateCustomFieldRequest } from './custom-fields.schema.ts';
import * as service from './custom-fields.service.ts';

export function customFieldRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['custom fields'];
  r.get(
    '/api/v1/custom-fields',
    { schema: { tags, querystring: ZCustomFieldListQuery, response: { 200: z.object({ data: z.array(ZCustomField) }) } } },
    async (req) => ({
      data: await service.listCustomFields({ deps, ctx: req.ctx, object: req.query.object }),
    }),
  );
  r.post('/api/v1/custom-fields', { schema: { tags, body: ZCreateCustomFieldRequest, response: { 201: ZCustomField } } }, async (req, reply) =>
    reply.status(201).send(withEtag(reply, await service.createCustomField({ deps, ctx: req.ctx, input: req.body }))),
  );
  r.patch(
    '/api/v1/custom-fields/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdateCustomFieldRequest, response: { 200: ZCustomField } } },
    async (req, reply) =>
      withEtag(reply, await service.updateCustomField({ deps, ctx: req.ctx, id: req.params.id, input: req.body, version: expectedVersion(req) })),
  );
  r.delete('/api/v1/custom-fields/:id', { schema: { tags, params: ZIdParams } }, async (req, reply) => {
    await service.deleteCustomField({ deps, ctx: req.ctx, id: req.params.id });
    return reply.status(204).send();
  });
}
