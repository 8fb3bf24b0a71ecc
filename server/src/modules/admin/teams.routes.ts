import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '#platform/deps.ts';
import { expectedVersion, withEtag } from '#platform/http/conditional.ts';
import { listResponse, ZIdParams } from '#platform/http/list-query.ts';
import { ZCreateTeamRequest, ZTeam, ZTeamListQuery, ZUpdateTeamRequest } from './teams.schema.ts';
import * as service from './teams.service.ts';

export function teamRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['teams'];
  r.get('/api/v1/teams', { schema: { tags, summary: 'List teams', querystring: ZTeamListQuery, response: { 200: listResponse(ZTeam.partial()) } } }, (req) =>
    service.listTeams({ deps, ctx: req.ctx, query: req.query }),
  );
  r.get('/api/v1/teams/:id', { schema: { tags, summary: 'One team', params: ZIdParams, response: { 200: ZTeam } } }, async (req, reply) =>
    withEtag(reply, await service.getTeam({ deps, ctx: req.ctx, id: req.params.id })),
  );
  r.post('/api/v1/teams', { schema: { tags, summary: 'Create a team (admin)', body: ZCreateTeamRequest, response: { 201: ZTeam } } }, async (req, reply) =>
    reply.status(201).send(withEtag(reply, await service.createTeam({ deps, ctx: req.ctx, input: req.body }))),
  );
  r.patch(
    '/api/v1/teams/:id',
    {
      schema: {
        tags,
        summary: 'Change a team (admin); If-Match guards concurrent edits',
        params: ZIdParams,
        body: ZUpdateTeamRequest,
        response: { 200: ZTeam },
      },
    },
    async (req, reply) => withEtag(reply, await service.updateTeam({ deps, ctx: req.ctx, id: req.params.id, input: req.body, version: expectedVersion(req) })),
  );
  r.delete('/api/v1/teams/:id', { schema: { tags, summary: 'Delete a team without members or sub-teams (admin)', params: ZIdParams } }, async (req, reply) => {
    await service.deleteTeam({ deps, ctx: req.ctx, id: req.params.id, version: expectedVersion(req) });
    return reply.status(204).send();
  });
}
