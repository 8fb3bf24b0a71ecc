import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '#platform/deps.ts';
import type { KehuModule } from '#platform/module.ts';
import { ZDataQuality, ZDataQualityParams, ZDataQualityQuery } from './data-quality.schema.ts';
import { dataQuality } from './data-quality.service.ts';

function routes(app: FastifyInstance, deps: Deps) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/data-quality/:object',
    {
      schema: {
        tags: ['data-quality'],
        summary: 'Completeness of key fields against a target, malformed emails/phones, stale records, each with a drill-down filter',
        params: ZDataQualityParams,
        querystring: ZDataQualityQuery,
        response: { 200: ZDataQuality },
      },
    },
    async (req) => dataQuality({ deps, ctx: req.ctx, object: req.params.object, q: req.query }),
  );
}

/** Per-object data quality over the records the user may read. */
export const dataQualityModule: KehuModule = { name: 'data-quality', register: (app, deps) => routes(app, deps) };
