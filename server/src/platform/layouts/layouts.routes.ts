import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../deps.ts';
import { expectedVersion, withEtag } from '../http/conditional.ts';
import { ZLayout, ZLayoutParams, ZPutLayoutRequest } from './layouts.schema.ts';
import { getLayout, putLayout } from './layouts.service.ts';

/** Page layouts per registry object: the list's default columns and the detail page's sections. */
export function layoutRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['layouts'];
  r.get(
    '/api/v1/layouts/:object',
    {
      schema: {
        tags,
        summary: "An object's layout; nulls and version 0 mean the defaults (anyone who may read the object)",
        params: ZLayoutParams,
        response: { 200: ZLayout },
      },
    },
    async (req, reply) => withEtag(reply, await getLayout({ deps, ctx: req.ctx, object: req.params.object })),
  );
  r.put(
    '/api/v1/layouts/:object',
    {
      schema: {
        tags,
        summary: "Replace an object's layout; null columns or sections return to the defaults (admin; If-Match)",
        params: ZLayoutParams,
        body: ZPutLayoutRequest,
        response: { 200: ZLayout },
      },
    },
    async (req, reply) => withEtag(reply, await putLayout({ deps, ctx: req.ctx, object: req.params.object, input: req.body, version: expectedVersion(req) })),
  );
}
