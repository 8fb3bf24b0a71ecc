import type { FastifyInstance } from 'fastify';
import type { Readable } from 'node:stream';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#platform/deps.ts';
import { ZIdParams } from '#platform/http/list-query.ts';
import { errorReport } from './error-report.service.ts';
import {
  ZCreateImportQuery,
  ZImport,
  ZImportPreview,
  ZMappingTemplate,
  ZSaveMappingTemplateRequest,
  ZTemplatesQuery,
  ZUpdateImportRequest,
} from './imports.schema.ts';
import * as templates from './mapping-templates.service.ts';
import { CRM_PRESETS } from './crm-presets.rules.ts';
import { previewImport } from './import-preview.service.ts';
import * as service from './imports.service.ts';

/** Upload types taken as a raw stream (never buffered whole); other types keep the app's parsers. */
const UPLOAD_TYPES = [
  'text/csv',
  'text/plain',
  'application/octet-stream',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
  'text/vcard',
  'text/x-vcard',
  'text/directory',
];

export async function importRoutes(app: FastifyInstance, deps: Deps) {
  app.addContentTypeParser(UPLOAD_TYPES, (_req, payload, done) => done(null, payload));
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['imports'];

  r.post(
    '/api/v1/imports',
    {
      schema: {
        tags,
        summary: 'Upload a CSV, XLSX or vCard (.vcf) file (raw body) to import; answers with its columns, a sample and a suggested mapping',
        querystring: ZCreateImportQuery,
        response: { 201: ZImport },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await service.createImport({ deps, ctx: req.ctx, object: req.query.object, fileName: req.query.fileName, body: req.body as Readable })),
  );
  r.get('/api/v1/imports', { schema: { tags, summary: 'Recent imports', response: { 200: z.object({ data: z.array(ZImport) }) } } }, async (req) => ({
    data: await service.listImports({ deps, ctx: req.ctx }),
  }));
  r.get(
    '/api/v1/imports/fields',
    {
      schema: {
        tags,
        summary: 'Fields a column may be mapped to, per importable object of the tenant, custom objects included (plus custom.<key>)',
        response: { 200: z.record(z.string(), z.array(z.string())) },
      },
    },
    async (req) => service.importFields({ deps, ctx: req.ctx }),
  );
  r.get('/api/v1/imports/:id', { schema: { tags, summary: 'An import with its progress', params: ZIdParams, response: { 200: ZImport } } }, async (req) =>
    service.getImport({ deps, ctx: req.ctx, id: req.params.id }),
  );
  r.patch(
    '/api/v1/imports/:id',
    { schema: { tags, summary: 'Set the mapping, dedup rule and options', params: ZIdParams, body: ZUpdateImportRequest, response: { 200: ZImport } } },
    async (req) => service.configureImport({ deps, ctx: req.ctx, id: req.params.id, input: req.body }),
  );
  r.post(
    '/api/v1/imports/:id/start',
    { schema: { tags, summary: 'Run the import as a background job', params: ZIdParams, response: { 202: ZImport } } },
    async (req, reply) => reply.status(202).send(await service.startImport({ deps, ctx: req.ctx, id: req.params.id })),
  );
  r.post(
    '/api/v1/imports/:id/rollback',
    { schema: { tags, summary: 'Undo the import: remove what it created, restore what it updated', params: ZIdParams, response: { 202: ZImport } } },
    async (req, reply) => reply.status(202).send(await service.rollbackImport({ deps, ctx: req.ctx, id: req.params.id })),
  );
  r.post(
    '/api/v1/imports/:id/preview',
    {
      schema: {
        tags,
        summary: 'Dry run: what the first rows would create, update, skip or refuse (and why); nothing is written',
        params: ZIdParams,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(20) }).strict(),
        response: { 200: ZImportPreview },
      },
    },
    async (req) => previewImport({ deps, ctx: req.ctx, id: req.params.id, limit: req.query.limit }),
  );
  r.post(
    '/api/v1/imports/:id/cancel',
    {
      schema: { tags, summary: 'Stop a queued or running import (rows already written stay until rolled back)', params: ZIdParams, response: { 200: ZImport } },
    },
    async (req) => service.cancelImport({ deps, ctx: req.ctx, id: req.params.id }),
  );
  r.get(
    '/api/v1/imports/templates',
    {
      schema: {
        tags,
        summary: 'Saved mapping templates of an object, and the CRM presets recognised from header rows',
        querystring: ZTemplatesQuery,
        response: { 200: z.object({ data: z.array(ZMappingTemplate), presets: z.array(z.enum(CRM_PRESETS)) }) },
      },
    },
    async (req) => ({ data: await templates.listTemplates({ deps, ctx: req.ctx, object: req.query.object }), presets: [...CRM_PRESETS] }),
  );
  r.post(
    '/api/v1/imports/templates',
    {
      schema: {
        tags,
        summary: 'Save a mapping (by header name) under a name; the same name replaces it',
        body: ZSaveMappingTemplateRequest,
        response: { 201: ZMappingTemplate },
      },
    },
    async (req, reply) => reply.status(201).send(await templates.saveTemplate({ deps, ctx: req.ctx, input: req.body })),
  );
  r.delete('/api/v1/imports/templates/:id', { schema: { tags, summary: 'Delete a mapping template', params: ZIdParams } }, async (req, reply) => {
    await templates.deleteTemplate({ deps, ctx: req.ctx, id: req.params.id });
    return reply.status(204).send();
  });
  r.get('/api/v1/imports/:id/errors.csv', { schema: { tags, summary: 'Refused rows with their reasons, as CSV', params: ZIdParams } }, async (req, reply) => {
    const csv = await errorReport({ deps, ctx: req.ctx, id: req.params.id });
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="import-${req.params.id}-errors.csv"`)
      .send(csv);
  });
}
