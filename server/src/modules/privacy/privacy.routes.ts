import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#platform/deps.ts';
import { expectedVersion } from '#platform/http/conditional.ts';
import { ZObjectParams, ZProcessingRecord, ZPutProcessingRequest } from './privacy.schema.ts';
import { listProcessingRecords, processingCsv, putProcessingPurpose } from './processing.service.ts';

export function privacyRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['privacy'];
  r.get(
    '/api/v1/privacy/processing-records',
    {
      schema: {
        tags,
        summary: 'Records of processing (PIPL art. 54-55, GDPR art. 30): personal fields per object, who reads them, purpose and legal basis (admins)',
        response: { 200: z.object({ data: z.array(ZProcessingRecord) }) },
      },
    },
    async (req) => ({ data: await listProcessingRecords({ deps, ctx: req.ctx }) }),
  );
  r.get(
    '/api/v1/privacy/processing-records/export',
    { schema: { tags, summary: 'The records of processing as CSV for an auditor, one line per personal field (admins)' } },
    async (req, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="records-of-processing.csv"')
        .send(await processingCsv({ deps, ctx: req.ctx, locale: req.ctx.locale })),
  );
  r.put(
    '/api/v1/privacy/processing-records/:object',
    {
      schema: {
        tags,
        summary: "Record why an object's personal data is processed (If-Match its version; 0 before the first save)",
        params: ZObjectParams,
        body: ZPutProcessingRequest,
        response: { 200: ZProcessingRecord },
      },
    },
    async (req, reply) => {
      const record = await putProcessingPurpose({ deps, ctx: req.ctx, object: req.params.object, input: req.body, version: expectedVersion(req) });
      return reply.header('etag', `"${record.version}"`).send(record);
    },
  );
}
