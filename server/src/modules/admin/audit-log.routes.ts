import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '#platform/deps.ts';
import { listResponse } from '#platform/http/list-query.ts';
import { ZAuditEntry, ZAuditLogQuery, ZHistoryParams, ZHistoryQuery } from './audit-log.schema.ts';
import * as service from './audit-log.service.ts';

export function auditLogRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['audit log'];
  r.get(
    '/api/v1/audit-log',
    { schema: { tags, summary: 'Search the audit trail, newest first (admin)', querystring: ZAuditLogQuery, response: { 200: listResponse(ZAuditEntry) } } },
    (req) => service.searchAuditLog({ deps, ctx: req.ctx, query: req.query }),
  );
  r.get(
    '/api/v1/audit-log/:objectType/:objectId',
    {
      schema: {
        tags,
        summary: 'Field history of one record, newest first',
        params: ZHistoryParams,
        querystring: ZHistoryQuery,
        response: { 200: listResponse(ZAuditEntry) },
      },
    },
    (req) => service.recordHistory({ deps, ctx: req.ctx, ...req.params, ...req.query }),
  );
}
