import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '#platform/deps.ts';
import { expectedVersion, withEtag } from '#platform/http/conditional.ts';
import { listResponse, ZIdParams } from '#platform/http/list-query.ts';
import * as security from './user-security.service.ts';
import {
  ZChangePasswordRequest,
  ZCreateUserRequest,
  ZResetPasswordRequest,
  ZUpdateMeRequest,
  ZUpdateUserRequest,
  ZUser,
  ZUserListQuery,
} from './users.schema.ts';
import * as service from './users.service.ts';

export function userRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];
  const one = { params: ZIdParams, response: { 200: ZUser } };

  r.get(
    '/api/v1/users',
    { schema: { tags, summary: 'List users (filter, sort, cursor)', querystring: ZUserListQuery, response: { 200: listResponse(ZUser.partial()) } } },
    (req) => service.listUsers({ deps, ctx: req.ctx, query: req.query }),
  );
  r.post('/api/v1/users', { schema: { tags, summary: 'Create a user (admin)', body: ZCreateUserRequest, response: { 201: ZUser } } }, async (req, reply) =>
    reply.status(201).send(withEtag(reply, await service.createUser({ deps, ctx: req.ctx, input: req.body }))),
  );
  // Static `me` routes win over `:id` in Fastify's router.
  r.get('/api/v1/users/me', { schema: { tags, summary: 'My own user record', response: { 200: ZUser } } }, async (req, reply) =>
    withEtag(reply, await service.getUser({ deps, ctx: req.ctx, id: req.ctx.userId as string })),
  );
  r.patch(
    '/api/v1/users/me',
    { schema: { tags, summary: 'Change my name, language or time zone', body: ZUpdateMeRequest, response: { 200: ZUser } } },
    async (req, reply) => withEtag(reply, await service.updateMe({ deps, ctx: req.ctx, input: req.body, version: expectedVersion(req) })),
  );
  r.get('/api/v1/users/:id', { schema: { tags, summary: 'One user', ...one } }, async (req, reply) =>
    withEtag(reply, await service.getUser({ deps, ctx: req.ctx, id: req.params.id })),
  );
  r.patch(
    '/api/v1/users/:id',
    { schema: { tags, summary: 'Change a user, their team or roles (admin)', body: ZUpdateUserRequest, ...one } },
    async (req, reply) => withEtag(reply, await service.updateUser({ deps, ctx: req.ctx, id: req.params.id, input: req.body, version: expectedVersion(req) })),
  );
  r.post('/api/v1/users/:id/deactivate', { schema: { tags, summary: 'Deactivate a user and end their sessions (admin)', ...one } }, async (req, reply) =>
    withEtag(reply, await security.setActive({ deps, ctx: req.ctx, id: req.params.id, active: false })),
  );
  r.post('/api/v1/users/:id/activate', { schema: { tags, summary: 'Activate a user (admin)', ...one } }, async (req, reply) =>
    withEtag(reply, await security.setActive({ deps, ctx: req.ctx, id: req.params.id, active: true })),
  );
  r.post(
    '/api/v1/users/:id/reset-password',
    { schema: { tags, summary: 'Set a new password and end their sessions (admin)', params: ZIdParams, body: ZResetPasswordRequest } },
    async (req, reply) => {
      await security.resetPassword({ deps, ctx: req.ctx, id: req.params.id, password: req.body.password });
      return reply.status(204).send();
    },
  );
  r.post(
    '/api/v1/auth/change-password',
    { schema: { tags: ['auth'], summary: 'Change my password (other sessions end)', body: ZChangePasswordRequest } },
    async (req, reply) => {
      const currentSessionId = req.principal?.kind === 'session' ? req.principal.credentialId : undefined;
      await security.changePassword({ deps, ctx: req.ctx, ...req.body, currentSessionId });
      return reply.status(204).send();
    },
  );
}
