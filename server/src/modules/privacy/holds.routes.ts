import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#platform/deps.ts';
import { ZHoldParams, ZLegalHold, ZListLegalHoldsQuery, ZPlaceLegalHold, ZReleaseLegalHold, HOLD_OBJECTS } from './holds.schema.ts';
import { listHolds, placeHold, recordHolds, releaseHold } from './holds.service.ts';

const BASE = '/api/v1/privacy/legal-holds';

/** Legal holds (#21): records or a request's subject kept from erasure and retention until released. */
export function holdRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['privacy'];
  r.get(
    BASE,
    {
      schema: {
        tags,
        summary: 'Legal holds, active first (admins and roles granted privacy_request)',
        querystring: ZListLegalHoldsQuery,
        response: { 200: z.object({ data: z.array(ZLegalHold) }) },
      },
    },
    async (req) => {
      const q = req.query;
      return {
        data: await listHolds({ deps, ctx: req.ctx, filter: { object: q.object, recordId: q.recordId, requestId: q.requestId, active: q.active === 'true' } }),
      };
    },
  );
  r.get(
    `${BASE}/records/:object/:recordId`,
    {
      schema: {
        tags,
        summary: "A contact's or company's active legal holds (anyone who may read the record)",
        params: z.object({ object: z.enum(HOLD_OBJECTS), recordId: z.uuid() }),
        response: { 200: z.object({ data: z.array(ZLegalHold) }) },
      },
    },
    async (req) => ({ data: await recordHolds({ deps, ctx: req.ctx, object: req.params.object, recordId: req.params.recordId }) }),
  );
  r.post(
    BASE,
    {
      schema: {
        tags,
        summary: "Put a contact, a company or a request's subject on legal hold, with a reason (erasure refused, retention skips it)",
        body: ZPlaceLegalHold,
        response: { 201: ZLegalHold },
      },
    },
    async (req, reply) => reply.code(201).send(await placeHold({ deps, ctx: req.ctx, input: req.body })),
  );
  r.post(
    `${BASE}/:id/release`,
    { schema: { tags, summary: 'Release a legal hold (audited)', params: ZHoldParams, body: ZReleaseLegalHold, response: { 200: ZLegalHold } } },
    async (req) => releaseHold({ deps, ctx: req.ctx, id: req.params.id, reason: req.body.reason }),
  );
}
