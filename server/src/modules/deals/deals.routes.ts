import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#platform/deps.ts';
import { expectedVersion, withEtag } from '#platform/http/conditional.ts';
import { ZIdParams } from '#platform/http/list-query.ts';
import { ZBoardColumn, ZBoardQuery, ZColumnQuery, ZDeal, ZMoveDealRequest, ZStageHistoryEntry } from './deals.schema.ts';
import { board, boardColumn, moveDeal, stageHistory } from './deals.service.ts';

/** Deal endpoints beyond the standard record surface: stage moves, stage history, the kanban board. */
export function dealRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['deals'];
  const base = '/api/v1/deals';

  r.get(
    `${base}/board`,
    {
      schema: {
        tags,
        summary: 'Kanban: a column per stage with count, total and weighted total (base currency) and its first cards',
        querystring: ZBoardQuery,
        response: { 200: z.object({ pipelineId: z.string(), baseCurrency: z.string(), columns: z.array(ZBoardColumn) }) },
      },
    },
    async (req) => board({ deps, ctx: req.ctx, query: req.query }),
  );

  r.get(
    `${base}/board/columns/:stageId`,
    {
      schema: {
        tags,
        summary: 'The next cards of one kanban column',
        params: z.object({ stageId: z.uuid() }).strict(),
        querystring: ZColumnQuery,
        response: { 200: z.object({ stageId: z.string(), deals: z.array(ZDeal), nextCursor: z.string().nullable() }) },
      },
    },
    async (req) => boardColumn({ deps, ctx: req.ctx, stageId: req.params.stageId, query: req.query }),
  );

  r.post(
    `${base}/:id/move`,
    {
      schema: {
        tags,
        summary: 'Move a deal to a stage and a place in its column (lost needs lostReason; If-Match optional)',
        params: ZIdParams,
        body: ZMoveDealRequest,
        response: { 200: ZDeal },
      },
    },
    async (req, reply) => withEtag(reply, await moveDeal({ deps, ctx: req.ctx, id: req.params.id, version: expectedVersion(req), input: req.body })),
  );

  r.get(
    `${base}/:id/stage-history`,
    {
      schema: {
        tags,
        summary: 'Stage moves of a deal with the time spent in each stage',
        params: ZIdParams,
        response: { 200: z.object({ data: z.array(ZStageHistoryEntry) }) },
      },
    },
    async (req) => ({ data: await stageHistory({ deps, ctx: req.ctx, id: req.params.id }) }),
  );
}
