import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { AppError, invalid } from '../errors/app-error.ts';
import { HARD_MAX_BYTES } from './file-type.rules.ts';
import * as files from './files.service.ts';

export const ZFile = z.object({
  id: z.string(),
  name: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  recordType: z.string(),
  recordId: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
const ZRecordQuery = z.object({ recordType: z.string().min(1).max(63), recordId: z.uuid() });
const ZFileSettings = z.object({ maxBytes: z.number().int(), allowedTypes: z.array(z.string()), version: z.number().int() });
const ZSetFileSettings = z
  .object({ maxBytes: z.number().int().min(1024).max(HARD_MAX_BYTES), allowedTypes: z.array(z.string().regex(/^[\w.+-]+\/[\w.+-]+$/)).max(100) })
  .strict();

/** `attachment; filename="ascii"; filename*=UTF-8''…` (RFC 6266): Chinese names survive every browser. */
const disposition = (name: string) => `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** Upload (multipart, streamed), list, download and delete files linked to records; the tenant's limits. */
export function fileRoutes(app: FastifyInstance, deps: Deps) {
  // Multipart parsing lives in this scope only: other routes keep the app's JSON parser.
  app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: HARD_MAX_BYTES + 1, files: 1, fields: 5, parts: 6 } });
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const tags = ['files'];
    r.post(
      '/api/v1/files',
      {
        schema: {
          tags,
          summary: 'Attach a file to a record (multipart/form-data, one part named `file`; update access on the record); type sniffed from the bytes',
          consumes: ['multipart/form-data'],
          querystring: ZRecordQuery,
          response: { 201: ZFile },
        },
      },
      async (req, reply) => {
        if (!req.isMultipart()) throw new AppError('unsupported_media_type', { message: 'files.multipart_required' });
        const length = Number(req.headers['content-length']);
        const part = await req.file();
        if (!part) throw invalid('file', 'files.no_file');
        const file = await files.uploadFile({
          deps,
          ctx: req.ctx,
          recordType: req.query.recordType,
          recordId: req.query.recordId,
          name: part.filename,
          body: part.file,
          ...(Number.isFinite(length) ? { declaredLength: length } : {}),
        });
        return reply.status(201).send(file);
      },
    );
    r.get(
      '/api/v1/files',
      {
        schema: {
          tags,
          summary: 'A record’s files (read access on the record)',
          querystring: ZRecordQuery,
          response: { 200: z.object({ data: z.array(ZFile) }) },
        },
      },
      async (req) => ({
        data: await files.listFiles({ deps, ctx: req.ctx, ...req.query }),
      }),
    );
    r.get('/api/v1/files/:id', { schema: { tags, summary: 'A file’s details', params: z.object({ id: z.uuid() }), response: { 200: ZFile } } }, async (req) =>
      files.getFile({ deps, ctx: req.ctx, id: req.params.id }),
    );
    r.get(
      '/api/v1/files/:id/content',
      { schema: { tags, summary: 'Download a file (read access on its record)', params: z.object({ id: z.uuid() }) } },
      async (req, reply) => {
        const { file, body } = await files.openFile({ deps, ctx: req.ctx, id: req.params.id });
        return reply
          .header('content-type', file.contentType)
          .header('content-length', file.size)
          .header('content-disposition', disposition(file.name))
          .header('cache-control', 'private, no-store')
          .header('etag', `"${file.sha256}"`)
          .send(body);
      },
    );
    r.delete(
      '/api/v1/files/:id',
      { schema: { tags, summary: 'Remove a file (update access on its record)', params: z.object({ id: z.uuid() }) } },
      async (req, reply) => {
        await files.deleteFile({ deps, ctx: req.ctx, id: req.params.id });
        return reply.status(204).send();
      },
    );
    r.get('/api/v1/file-settings', { schema: { tags, summary: 'The tenant’s upload limits', response: { 200: ZFileSettings } } }, async (req) =>
      files.fileSettingsFor({ deps, ctx: req.ctx }),
    );
    r.put(
      '/api/v1/file-settings',
      { schema: { tags, summary: 'Set the upload limits (admins)', body: ZSetFileSettings, response: { 200: ZFileSettings } } },
      async (req) => files.setFileSettings({ deps, ctx: req.ctx, ...req.body }),
    );
  });
}
