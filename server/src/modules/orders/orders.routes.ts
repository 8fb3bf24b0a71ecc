import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '#platform/deps.ts';
import { withEtag } from '#platform/http/conditional.ts';
import { ZIdParams } from '#platform/http/list-query.ts';
import { moveOrder } from './order-status.service.ts';
import type { OrderAction } from './orders.errors.ts';
import { COMPUTED_AMOUNTS, ZCancelOrderRequest, ZOrder } from './orders.schema.ts';

const SUMMARIES: Record<Exclude<OrderAction, 'cancel'>, string> = {
  ship: 'Mark a confirmed order shipped (its reserved stock is deducted)',
  deliver: 'Mark a shipped order delivered',
  complete: 'Complete a delivered order',
};

/** An order's status actions, beside its standard record routes. */
export function orderRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['orders'];
  const base = '/api/v1/orders/:id';

  // A client's totals are ignored, not refused: the server computes every amount from the lines.
  app.addHook('preValidation', async (req) => {
    const url = req.routeOptions.url;
    if ((url !== '/api/v1/orders' && url !== base) || (req.method !== 'POST' && req.method !== 'PATCH')) return;
    const body = req.body as Record<string, unknown> | null;
    if (body && typeof body === 'object' && !Array.isArray(body)) for (const key of COMPUTED_AMOUNTS) delete body[key];
  });

  for (const action of Object.keys(SUMMARIES) as (keyof typeof SUMMARIES)[])
    r.post(`${base}/${action}`, { schema: { tags, summary: SUMMARIES[action], params: ZIdParams, response: { 200: ZOrder } } }, async (req, reply) =>
      withEtag(reply, await moveOrder({ deps, ctx: req.ctx, id: req.params.id, action })),
    );

  r.post(
    `${base}/cancel`,
    {
      schema: {
        tags,
        summary: 'Cancel a confirmed order, with a reason (its reserved stock is released)',
        params: ZIdParams,
        body: ZCancelOrderRequest,
        response: { 200: ZOrder },
      },
    },
    async (req, reply) => withEtag(reply, await moveOrder({ deps, ctx: req.ctx, id: req.params.id, action: 'cancel', reason: req.body.reason })),
  );
}
