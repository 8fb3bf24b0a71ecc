import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { expectedVersion, withEtag } from '../http/conditional.ts';
import { ZIdParams } from '../http/list-query.ts';
import type { ObjectDefinition } from '../records/object-definition.ts';
import { recordRoutes } from '../records/record-routes.ts';
import {
  type TCustomRecord,
  ZCreateCustomObjectRequest,
  ZCreateCustomRecordRequest,
  ZCustomObject,
  ZCustomRecord,
  ZObjectMeta,
  ZObjectParams,
  ZUpdateCustomObjectRequest,
  ZUpdateCustomRecordRequest,
} from './custom-objects.schema.ts';
import * as customObjects from './custom-objects.service.ts';
import { listObjectMeta, resolveCustomObject, tenantOpenApiDocument } from './objects.service.ts';

const API = /^\/api\/v1\/([^/:]+)/;

/**
 * The `/api/v1/<segment>`s the app serves; a custom object may not take one. Call before any
 * route is added: it watches them being added.
 */
export function watchApiSegments(app: FastifyInstance): Set<string> {
  const segments = new Set<string>();
  app.addHook('onRoute', (route) => {
    const segment = API.exec(route.url)?.[1];
    if (segment) segments.add(segment);
  });
  return segments;
}

/** The registry's metadata, custom objects' administration, and every custom object's record routes. */
export function objectRoutes(app: FastifyInstance, deps: Deps, reserved: ReadonlySet<string>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['objects'];

  r.get(
    '/api/v1/objects',
    {
      schema: { tags, summary: 'Every object of the tenant: standard and custom (the registry)', response: { 200: z.object({ data: z.array(ZObjectMeta) }) } },
    },
    async (req) => ({ data: await listObjectMeta({ deps, ctx: req.ctx }) }),
  );

  r.get(
    '/api/v1/objects/openapi.json',
    {
      schema: {
        tags,
        summary: "This document as the caller's tenant sees it: each custom object's paths written out with its fields typed",
        response: { 200: z.record(z.string(), z.unknown()) },
      },
    },
    async (req) => tenantOpenApiDocument({ deps, ctx: req.ctx, base: app.swagger() as unknown as Record<string, unknown> }),
  );

  r.get(
    '/api/v1/custom-objects',
    { schema: { tags, summary: 'Custom objects (admin)', response: { 200: z.object({ data: z.array(ZCustomObject) }) } } },
    async (req) => ({ data: await customObjects.listCustomObjects({ deps, ctx: req.ctx }) }),
  );
  r.post(
    '/api/v1/custom-objects',
    {
      schema: {
        tags,
        summary: 'Create a custom object: its API, table and pages exist at once (admin)',
        body: ZCreateCustomObjectRequest,
        response: { 201: ZCustomObject },
      },
    },
    async (req, reply) => reply.status(201).send(withEtag(reply, await customObjects.createCustomObject({ deps, ctx: req.ctx, input: req.body, reserved }))),
  );
  r.patch(
    '/api/v1/custom-objects/:id',
    {
      schema: {
        tags,
        summary: 'Rename a custom object (admin; If-Match)',
        params: ZIdParams,
        body: ZUpdateCustomObjectRequest,
        response: { 200: ZCustomObject },
      },
    },
    async (req, reply) =>
      withEtag(reply, await customObjects.updateCustomObject({ deps, ctx: req.ctx, id: req.params.id, input: req.body, version: expectedVersion(req) })),
  );
  r.delete(
    '/api/v1/custom-objects/:id',
    { schema: { tags, summary: 'Retire a custom object without live records (admin)', params: ZIdParams } },
    async (req, reply) => {
      await customObjects.deleteCustomObject({ deps, ctx: req.ctx, id: req.params.id });
      return reply.status(204).send();
    },
  );

  // Static paths win over `:object` in the router, so these only see paths no module serves.
  recordRoutes<TCustomRecord>(app, deps, {
    path: ':object',
    tag: 'custom object records',
    params: ZObjectParams,
    def: async (req) => {
      const { object } = req.params as { object: string };
      const found = await resolveCustomObject({ deps, ctx: req.ctx, path: object, method: req.method, url: req.url });
      return found.definition as ObjectDefinition<TCustomRecord>;
    },
    out: ZCustomRecord,
    create: ZCreateCustomRecordRequest,
    update: ZUpdateCustomRecordRequest,
  });
}
