import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '#platform/deps.ts';
import { listResponse, ZIdParams } from '#platform/http/list-query.ts';
import { ZApiToken, ZApiTokenListQuery, ZCreateApiTokenRequest, ZCreatedApiToken } from './api-tokens.schema.ts';
import * as service from './api-tokens.service.ts';

export function apiTokenRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['api tokens'];
  r.get(
    '/api/v1/api-tokens',
    { schema: { tags, summary: 'My API tokens (administrators: all)', querystring: ZApiTokenListQuery, response: { 200: listResponse(ZApiToken.partial()) } } },
    (req) => service.listTokens({ deps, ctx: req.ctx, query: req.query }),
  );
  r.post(
    '/api/v1/api-tokens',
    {
      config: { noReplay: true },
      schema: { tags, summary: 'Create an API token; the secret is in this response only', body: ZCreateApiTokenRequest, response: { 201: ZCreatedApiToken } },
    },
    async (req, reply) => reply.status(201).send(await service.createToken({ deps, ctx: req.ctx, input: req.body })),
  );
  r.post('/api/v1/api-tokens/:id/revoke', { schema: { tags, summary: 'Revoke an API token', params: ZIdParams, response: { 200: ZApiToken } } }, (req) =>
    service.revokeToken({ deps, ctx: req.ctx, id: req.params.id }),
  );
  r.delete('/api/v1/api-tokens/:id', { schema: { tags, summary: 'Revoke an API token (same as POST …/revoke)', params: ZIdParams } }, async (req, reply) => {
    await service.revokeToken({ deps, ctx: req.ctx, id: req.params.id });
    return reply.status(204).send();
  });
}
