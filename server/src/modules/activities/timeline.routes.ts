import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { companyDefinition, contactDefinition } from '#modules/customers/index.ts';
import { leadDefinition } from '#modules/leads/index.ts';
import type { Deps } from '#platform/deps.ts';
import { ZIdParams } from '#platform/http/list-query.ts';
import type { ObjectDefinition } from '#platform/records/object-definition.ts';
import type { Versioned } from '#platform/records/record-service.ts';
import { ZTimelineQuery, ZTimelineResponse } from './timeline.schema.ts';
import { timeline } from './timeline.service.ts';

/** GET /api/v1/{contacts,companies,leads}/:id/timeline. */
export function timelineRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const targets: [string, string, ObjectDefinition<Versioned>][] = [
    ['contacts', 'contact', contactDefinition],
    ['companies', 'company', companyDefinition],
    ['leads', 'lead', leadDefinition],
  ];
  for (const [path, object, def] of targets) {
    r.get(
      `/api/v1/${path}/:id/timeline`,
      {
        schema: {
          tags: [path],
          summary: `The ${object}'s timeline: activities and field changes (assignment, scoring, conversion), newest first`,
          params: ZIdParams,
          querystring: ZTimelineQuery,
          response: { 200: ZTimelineResponse },
        },
      },
      async (req) => timeline({ deps, ctx: req.ctx, def, id: req.params.id, query: req.query }),
    );
  }
}
