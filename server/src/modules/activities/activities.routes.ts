import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '#platform/deps.ts';
import { expectedVersion, withEtag } from '#platform/http/conditional.ts';
import { ZIdParams } from '#platform/http/list-query.ts';
import { recordRoutes } from '#platform/records/record-routes.ts';
import { activityDefinition } from './activities.definition.ts';
import { ZActivity, ZCreateActivityRequest, ZUpdateActivityRequest } from './activities.schema.ts';
import { setTaskDone } from './activities.service.ts';

/** /api/v1/activities: the standard record surface plus completing and reopening tasks. */
export function activityRoutes(app: FastifyInstance, deps: Deps) {
  recordRoutes(app, deps, {
    path: 'activities',
    tag: 'activities',
    def: activityDefinition,
    out: ZActivity,
    create: ZCreateActivityRequest,
    update: ZUpdateActivityRequest,
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  for (const [verb, done] of [
    ['complete', true],
    ['reopen', false],
  ] as const) {
    r.post(
      `/api/v1/activities/:id/${verb}`,
      { schema: { tags: ['activities'], summary: done ? 'Mark a task done' : 'Reopen a done task', params: ZIdParams, response: { 200: ZActivity } } },
      async (req, reply) => withEtag(reply, await setTaskDone({ deps, ctx: req.ctx, id: req.params.id, done, version: expectedVersion(req) })),
    );
  }
}
