import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { stringify } from 'csv-stringify';
import { SAFE_CSV_CAST } from '../csv/formula-cells.ts';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { expectedVersion, withEtag } from '../http/conditional.ts';
import { listResponse, pickFields, ZIdParams, ZListQuery } from '../http/list-query.ts';
import type { ObjectDefinition } from './object-definition.ts';
import { exportRecords } from './record-export.ts';
import { countVisible, listVisible } from './record-list.ts';
import { createRecord, loadVisible, present, revealField, setDeleted, updateRecordWithVersion, type Versioned } from './record-service.ts';
import { inTenantRead } from '#db/tx.ts';

export type RecordRoutesOptions<T extends Versioned> = {
  /** Plural kebab path segment: contacts, companies; `:object` for the custom objects' routes. */
  path: string;
  tag: string;
  /** The object's definition, or (custom objects) how to find it for a request. */
  def: ObjectDefinition<T> | ((req: FastifyRequest) => Promise<ObjectDefinition<T>>);
  /** Path parameters besides `id` (custom objects: `object`). */
  params?: z.ZodObject;
  out: z.ZodType<T>;
  create: z.ZodType<Record<string, unknown>>;
  update: z.ZodType<Record<string, unknown>>;
  /** false when the module serves its own POST (e.g. leads run duplicate rules on create). */
  createRoute?: boolean;
};

/** The standard REST surface of a record object: list, count, export, get, create, patch, delete, restore. */
export function recordRoutes<T extends Versioned>(app: FastifyInstance, deps: Deps, o: RecordRoutesOptions<T>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = `/api/v1/${o.path}`;
  const tags = [o.tag];
  const { def: given } = o;
  const defOf = typeof given === 'function' ? given : async () => given;
  const named = typeof given === 'function' ? 'record' : given.object;
  const pathParams = o.params;
  const idParams = pathParams ? pathParams.extend(ZIdParams.shape) : ZIdParams;
  const params = pathParams ? { params: pathParams } : {};

  r.get(base, { schema: { tags, summary: `List ${o.path}`, ...params, querystring: ZListQuery, response: { 200: listResponse(o.out) } } }, async (req) => {
    const page = await listVisible({ deps, ctx: req.ctx, def: await defOf(req), query: req.query });
    return { data: pickFields(page.data as (T & Record<string, unknown>)[], req.query.fields), nextCursor: page.nextCursor };
  });

  r.get(
    `${base}/count`,
    {
      schema: {
        tags,
        summary: `Count ${o.path}`,
        ...params,
        querystring: z.object({ filter: z.string().max(8000).optional() }).strict(),
        response: { 200: z.object({ count: z.number() }) },
      },
    },
    async (req) => ({
      count: await countVisible({ deps, ctx: req.ctx, def: await defOf(req), ...(req.query.filter ? { filter: req.query.filter } : {}) }),
    }),
  );

  r.get(
    `${base}/export`,
    { schema: { tags, summary: `Export ${o.path} as CSV (export permission)`, ...params, querystring: ZListQuery.omit({ cursor: true, limit: true }) } },
    async (req, reply) => {
      const def = await defOf(req);
      const rows = await exportRecords({ deps, ctx: req.ctx, def, query: req.query });
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${o.path.startsWith(':') ? def.object : o.path}.csv"`);
      return reply.send(rows.pipe(stringify({ header: true, bom: true, cast: SAFE_CSV_CAST })));
    },
  );

  r.get(`${base}/:id`, { schema: { tags, summary: `Get one ${named}`, params: idParams, response: { 200: o.out } } }, async (req, reply) => {
    const def = await defOf(req);
    const record = await inTenantRead(deps.db.kysely, req.ctx.tenantId, async (tx) => {
      const row = await loadVisible({ tx, ctx: req.ctx, def, id: req.params.id, action: 'read', names: true });
      return (await present({ tx, deps, ctx: req.ctx, def, rows: [row] }))[0] as T;
    });
    return withEtag(reply, record);
  });

  if (o.createRoute !== false)
    r.post(base, { schema: { tags, summary: `Create a ${named}`, ...params, body: o.create, response: { 201: o.out } } }, async (req, reply) => {
      const record = await createRecord({ deps, ctx: req.ctx, def: await defOf(req), input: req.body as Record<string, unknown> });
      return reply
        .status(201)
        .header('location', `${req.url.split('?')[0]}/${record.id}`)
        .send(withEtag(reply, record));
    });

  r.patch(
    `${base}/:id`,
    { schema: { tags, summary: `Update a ${named} (If-Match: version)`, params: idParams, body: o.update, response: { 200: o.out } } },
    async (req, reply) => {
      const record = await updateRecordWithVersion({
        deps,
        ctx: req.ctx,
        def: await defOf(req),
        input: req.body as Record<string, unknown>,
        id: req.params.id,
        version: expectedVersion(req),
      });
      return withEtag(reply, record);
    },
  );

  r.delete(`${base}/:id`, { schema: { tags, summary: `Move a ${named} to the recycle bin`, params: idParams } }, async (req, reply) => {
    await setDeleted({ deps, ctx: req.ctx, def: await defOf(req), id: req.params.id, deleted: true });
    return reply.status(204).send();
  });

  r.post(
    `${base}/:id/restore`,
    { schema: { tags, summary: `Restore a ${named} from the recycle bin`, params: idParams, response: { 200: o.out } } },
    async (req, reply) => withEtag(reply, await setDeleted({ deps, ctx: req.ctx, def: await defOf(req), id: req.params.id, deleted: false })),
  );

  r.post(
    `${base}/:id/reveal`,
    {
      schema: {
        tags,
        summary: `Show one sensitive field of a ${named} in clear (audited)`,
        params: idParams,
        body: z.object({ field: z.string().max(100) }).strict(),
        response: { 200: z.object({ field: z.string(), value: z.unknown() }) },
      },
    },
    async (req) => ({
      field: req.body.field,
      value: await revealField({ deps, ctx: req.ctx, def: await defOf(req), id: req.params.id, field: req.body.field }),
    }),
  );
}
