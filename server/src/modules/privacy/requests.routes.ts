import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#platform/deps.ts';
import { expectedVersion, withEtag } from '#platform/http/conditional.ts';
import { eraseRequest } from './erasure.service.ts';
import { buildExport, downloadExport, optOut, previewRequest } from './request-steps.service.ts';
import {
  ZCreatePrivacyRequest,
  ZEraseRequest,
  ZListPrivacyRequestsQuery,
  ZPrivacyRequest,
  ZRequestParams,
  ZSubjectPreview,
  ZUpdatePrivacyRequest,
} from './requests.schema.ts';
import { createRequest, getRequest, listRequests, updateRequest, verifyRequest } from './requests.service.ts';

const BASE = '/api/v1/privacy/requests';

/** Data-subject requests (#21): the queue, each step, the export package and the erasure. */
export function requestRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['privacy'];
  const one = { 200: ZPrivacyRequest };
  r.get(
    BASE,
    {
      schema: {
        tags,
        summary: 'Privacy requests, earliest deadline first (admins and roles granted privacy_request)',
        querystring: ZListPrivacyRequestsQuery,
        response: { 200: z.object({ data: z.array(ZPrivacyRequest) }) },
      },
    },
    async (req) => {
      const q = req.query;
      return { data: await listRequests({ deps, ctx: req.ctx, filter: { status: q.status, kind: q.kind, open: q.open === 'true' } }) };
    },
  );
  r.post(
    BASE,
    {
      schema: {
        tags,
        summary: 'Log a data-subject request (the deadline follows from the law: PIPL 15 days, GDPR 30)',
        body: ZCreatePrivacyRequest,
        response: { 201: ZPrivacyRequest },
      },
    },
    async (req, reply) => reply.code(201).send(withEtag(reply, await createRequest({ deps, ctx: req.ctx, input: req.body }))),
  );
  r.get(`${BASE}/:id`, { schema: { tags, summary: 'One privacy request', params: ZRequestParams, response: one } }, async (req, reply) =>
    withEtag(reply, await getRequest({ deps, ctx: req.ctx, id: req.params.id })),
  );
  r.patch(
    `${BASE}/:id`,
    {
      schema: {
        tags,
        summary: 'Change the handler, note or deadline, or close the request by hand (If-Match)',
        params: ZRequestParams,
        body: ZUpdatePrivacyRequest,
        response: one,
      },
    },
    async (req, reply) => withEtag(reply, await updateRequest({ deps, ctx: req.ctx, id: req.params.id, input: req.body, version: expectedVersion(req) })),
  );
  r.post(
    `${BASE}/:id/verify`,
    { schema: { tags, summary: "Record that the requester's identity was verified", params: ZRequestParams, response: one } },
    async (req, reply) => withEtag(reply, await verifyRequest({ deps, ctx: req.ctx, id: req.params.id })),
  );
  r.get(
    `${BASE}/:id/preview`,
    {
      schema: {
        tags,
        summary: "Where the subject is found: the person's own records and the business records pointing at them",
        params: ZRequestParams,
        response: { 200: ZSubjectPreview },
      },
    },
    async (req) => previewRequest({ deps, ctx: req.ctx, id: req.params.id }),
  );
  r.post(
    `${BASE}/:id/export`,
    { schema: { tags, summary: 'Build the export package of an access request (zip of JSON, CSV and HTML)', params: ZRequestParams, response: one } },
    async (req, reply) => withEtag(reply, await buildExport({ deps, ctx: req.ctx, id: req.params.id })),
  );
  r.get(
    `${BASE}/:id/export`,
    { schema: { tags, summary: "Download the export package, once, as the request's handler", params: ZRequestParams } },
    async (req, reply) => {
      const { zip, filename } = await downloadExport({ deps, ctx: req.ctx, id: req.params.id });
      return reply.type('application/zip').header('content-disposition', `attachment; filename="${filename}"`).header('cache-control', 'no-store').send(zip);
    },
  );
  r.post(
    `${BASE}/:id/erase`,
    {
      schema: {
        tags,
        summary: "Erase the subject's personal data everywhere (irreversible; body {confirm: true})",
        params: ZRequestParams,
        body: ZEraseRequest,
        response: one,
      },
    },
    async (req, reply) => withEtag(reply, await eraseRequest({ deps, ctx: req.ctx, id: req.params.id })),
  );
  r.post(
    `${BASE}/:id/opt-out`,
    { schema: { tags, summary: 'Withdrawn consent or objection: suppress the subject from imports, forms and mail', params: ZRequestParams, response: one } },
    async (req, reply) => withEtag(reply, await optOut({ deps, ctx: req.ctx, id: req.params.id })),
  );
}
