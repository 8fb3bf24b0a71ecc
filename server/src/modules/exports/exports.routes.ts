import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#platform/deps.ts';
import { ZIdParams } from '#platform/http/list-query.ts';
import { ZCreateExportRequest, ZExport } from './exports.schema.ts';
import * as service from './exports.service.ts';

const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

export function exportRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['exports'];
  r.post(
    '/api/v1/exports',
    {
      schema: {
        tags,
        summary: 'Export a list view (filter, sort, search, columns) to CSV or XLSX as a background job (export permission, masking as in the list)',
        body: ZCreateExportRequest,
        response: { 202: ZExport },
      },
    },
    async (req, reply) => reply.status(202).send(await service.createExport({ deps, ctx: req.ctx, input: req.body })),
  );
  r.get('/api/v1/exports', { schema: { tags, summary: 'Recent exports', response: { 200: z.object({ data: z.array(ZExport) }) } } }, async (req) => ({
    data: await service.listExports({ deps, ctx: req.ctx }),
  }));
  r.get('/api/v1/exports/:id', { schema: { tags, summary: 'An export with its progress', params: ZIdParams, response: { 200: ZExport } } }, async (req) =>
    service.getExport({ deps, ctx: req.ctx, id: req.params.id }),
  );
  r.post(
    '/api/v1/exports/:id/cancel',
    { schema: { tags, summary: 'Cancel a queued or running export', params: ZIdParams, response: { 200: ZExport } } },
    async (req) => service.cancelExport({ deps, ctx: req.ctx, id: req.params.id }),
  );
  r.get('/api/v1/exports/:id/download', { schema: { tags, summary: 'The finished file (streamed)', params: ZIdParams } }, async (req, reply) => {
    const { stream, row } = await service.downloadExport({ deps, ctx: req.ctx, id: req.params.id });
    return reply
      .header('content-type', CONTENT_TYPES[row.format])
      .header('content-length', String(row.size_bytes))
      .header('content-disposition', `attachment; filename="${row.file_name}"`)
      .send(stream);
  });
}
