import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '#platform/deps.ts';
import { expectedVersion, withEtag } from '#platform/http/conditional.ts';
import { listResponse, ZIdParams } from '#platform/http/list-query.ts';
import { ZCreateRoleRequest, ZRole, ZRoleListQuery, ZUpdateRoleRequest } from './roles.schema.ts';
import * as service from './roles.service.ts';

export function roleRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['roles'];
  r.get('/api/v1/roles', { schema: { tags, summary: 'List roles', querystring: ZRoleListQuery, response: { 200: listResponse(ZRole.partial()) } } }, (req) =>
    service.listRoles({ deps, ctx: req.ctx, query: req.query }),
  );
  r.get('/api/v1/roles/:id', { schema: { tags, summary: 'One role', params: ZIdParams, response: { 200: ZRole } } }, async (req, reply) =>
    withEtag(reply, await service.getRole({ deps, ctx: req.ctx, id: req.params.id })),
  );
  r.post('/api/v1/roles', { schema: { tags, summary: 'Create a role (admin)', body: ZCreateRoleRequest, response: { 201: ZRole } } }, async (req, reply) =>
    reply.status(201).send(withEtag(reply, await service.createRole({ deps, ctx: req.ctx, input: req.body }))),
  );
  r.patch(
    '/api/v1/roles/:id',
    {
      schema: {
        tags,
        summary: 'Change a role (admin); If-Match guards concurrent edits',
        params: ZIdParams,
        body: ZUpdateRoleRequest,
        response: { 200: ZRole },
      },
    },
    async (req, reply) => withEtag(reply, await service.updateRole({ deps, ctx: req.ctx, id: req.params.id, input: req.body, version: expectedVersion(req) })),
  );
  r.delete('/api/v1/roles/:id', { schema: { tags, summary: 'Delete a role no user holds (admin)', params: ZIdParams } }, async (req, reply) => {
    await service.deleteRole({ deps, ctx: req.ctx, id: req.params.id, version: expectedVersion(req) });
    return reply.status(204).send();
  });
}
