import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '#platform/deps.ts';
import { ZIdParams } from '#platform/http/list-query.ts';
import { definitionOf } from '#platform/objects/object-registry.ts';
import type { Versioned } from '#platform/records/record-service.ts';
import { ZTimelineQuery, ZTimelineResponse } from './timeline.schema.ts';
import { timeline } from './timeline.service.ts';
import { activityDefinition } from './activities.definition.ts';

/**
 * GET /api/v1/{path}/:id/timeline for every standard object declaring the `timeline` capability
 * (contacts, companies, leads, deals, quotes, tickets…): its field history and the activities
 * linked to it. The objects' definitions come from the registry, not from their modules: leads
 * open deals and deals open tasks here, so importing leads would close a cycle
 * (docs/architecture.md, "Boundaries"). An activity is not its own timeline.
 */
export function timelineRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  for (const declaration of deps.objects.standard) {
    const def = definitionOf<Versioned>(declaration);
    if (!declaration.capabilities.includes('timeline') || !declaration.path || !def || declaration.name === activityDefinition.object) continue;
    const object = declaration.name;
    const path = declaration.path;
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
