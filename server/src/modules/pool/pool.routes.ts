import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#platform/deps.ts';
import { expectedVersion, withEtag } from '#platform/http/conditional.ts';
import { ZIdParams } from '#platform/http/list-query.ts';
import { expiringCustomers } from './expiring.service.ts';
import { lockedCustomers } from './locked.service.ts';
import * as moves from './moves.service.ts';
import { listPoolCustomers } from './pool-customers.service.ts';
import { poolTargets } from './pool-targets.definition.ts';
import {
  ZAssignRequest,
  ZCreatePoolRequest,
  ZExpiringCustomer,
  ZLockedCustomer,
  ZExpiringQuery,
  ZLockRequest,
  ZLockResult,
  ZPool,
  ZPoolCustomer,
  ZPoolCustomerParams,
  ZPoolCustomersQuery,
  ZPoolMove,
  ZRecycleRunRequest,
  ZRecycleRunResult,
  ZReturnRequest,
  ZUpdatePoolRequest,
} from './pool.schema.ts';
import * as pools from './pools.service.ts';
import { recycleNow } from './recycle.service.ts';

export function poolRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['pools'];
  r.get('/api/v1/pools', { schema: { tags, response: { 200: z.object({ data: z.array(ZPool) }) } } }, async (req) => ({
    data: await pools.listPools({ deps, ctx: req.ctx }),
  }));
  r.post('/api/v1/pools', { schema: { tags, body: ZCreatePoolRequest, response: { 201: ZPool } } }, async (req, reply) =>
    reply.status(201).send(await pools.createPool({ deps, ctx: req.ctx, input: req.body })),
  );
  r.get(
    '/api/v1/pools/expiring',
    { schema: { tags, querystring: ZExpiringQuery, response: { 200: z.object({ data: z.array(ZExpiringCustomer) }) } } },
    async (req) => ({ data: await expiringCustomers({ deps, ctx: req.ctx, ...req.query }) }),
  );
  r.get(
    '/api/v1/pools/locked',
    {
      schema: {
        tags,
        summary: 'Customers locked against recycling (managers; unlock with PUT /companies/:id/pool-lock or /contacts/:id/pool-lock)',
        response: { 200: z.object({ data: z.array(ZLockedCustomer) }) },
      },
    },
    async (req) => ({ data: await lockedCustomers({ deps, ctx: req.ctx }) }),
  );
  r.post('/api/v1/pools/recycle-runs', { schema: { tags, body: ZRecycleRunRequest, response: { 200: ZRecycleRunResult } } }, async (req) =>
    recycleNow({ deps, ctx: req.ctx, asOf: req.body.asOf }),
  );
  r.get('/api/v1/pools/:id', { schema: { tags, params: ZIdParams, response: { 200: ZPool } } }, async (req, reply) => {
    return withEtag(reply, await pools.getPool({ deps, ctx: req.ctx, id: req.params.id }));
  });
  r.patch('/api/v1/pools/:id', { schema: { tags, params: ZIdParams, body: ZUpdatePoolRequest, response: { 200: ZPool } } }, async (req, reply) => {
    const pool = await pools.updatePool({ deps, ctx: req.ctx, id: req.params.id, input: req.body, version: expectedVersion(req) });
    return withEtag(reply, pool);
  });
  r.delete('/api/v1/pools/:id', { schema: { tags, params: ZIdParams } }, async (req, reply) => {
    await pools.deletePool({ deps, ctx: req.ctx, id: req.params.id });
    return reply.status(204).send();
  });
  r.get(
    '/api/v1/pools/:id/customers',
    {
      schema: {
        tags,
        params: ZIdParams,
        querystring: ZPoolCustomersQuery,
        response: { 200: z.object({ data: z.array(ZPoolCustomer), nextCursor: z.string().nullable() }) },
      },
    },
    async (req) => listPoolCustomers({ deps, ctx: req.ctx, poolId: req.params.id, query: req.query }),
  );
  r.post('/api/v1/pools/:id/customers/:recordId/claim', { schema: { tags, params: ZPoolCustomerParams, response: { 200: ZPoolMove } } }, async (req) =>
    moves.claim({ deps, ctx: req.ctx, poolId: req.params.id, recordId: req.params.recordId }),
  );
  r.post(
    '/api/v1/pools/:id/customers/:recordId/assign',
    { schema: { tags, params: ZPoolCustomerParams, body: ZAssignRequest, response: { 200: ZPoolMove } } },
    async (req) => moves.assign({ deps, ctx: req.ctx, poolId: req.params.id, recordId: req.params.recordId, userId: req.body.userId }),
  );
  // Per pool-capable object of the registry: /companies/:id/return-to-pool, /contacts/:id/return-to-pool, ...
  for (const { object, path } of poolTargets(deps.objects)) {
    r.post(`/api/v1/${path}/:id/return-to-pool`, { schema: { tags, params: ZIdParams, body: ZReturnRequest, response: { 200: ZPoolMove } } }, async (req) =>
      moves.returnToPool({ deps, ctx: req.ctx, object, recordId: req.params.id, reason: req.body.reason, poolId: req.body.poolId }),
    );
    r.put(`/api/v1/${path}/:id/pool-lock`, { schema: { tags, params: ZIdParams, body: ZLockRequest, response: { 200: ZLockResult } } }, async (req) =>
      moves.setLock({ deps, ctx: req.ctx, object, recordId: req.params.id, locked: req.body.locked }),
    );
  }
}
