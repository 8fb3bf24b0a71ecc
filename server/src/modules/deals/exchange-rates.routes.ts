import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { notFound } from '#platform/errors/app-error.ts';
import { dealsErrors } from './deals.errors.ts';
import { recordChange } from '#platform/events/record-change.ts';
import { expectedVersion, withEtag } from '#platform/http/conditional.ts';
import { ZIdParams } from '#platform/http/list-query.ts';
import { newId } from '#platform/ids.ts';
import { inTenant } from '#db/tx.ts';
import { ZCurrency } from './deals.schema.ts';
import * as repo from './exchange-rates.repo.ts';

const RATE = /^\d{1,14}(\.\d{1,10})?$/;
const ZRate = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .refine((v) => RATE.test(v) && Number(v) > 0, 'deals.invalid_rate');

export const ZExchangeRate = z.object({
  id: z.string(),
  currency: z.string(),
  baseCurrency: z.string(),
  rate: z.string(),
  effectiveDate: z.string(),
  version: z.number(),
  updatedAt: z.string(),
});
type TExchangeRate = z.infer<typeof ZExchangeRate>;
const ZCreateRate = z.object({ currency: ZCurrency, rate: ZRate, effectiveDate: z.iso.date() }).strict();
const ZUpdateRate = z.object({ rate: ZRate, effectiveDate: z.iso.date() }).partial().strict();

const day = (d: unknown) => (d instanceof Date ? (d.getUTCHours() === 0 ? d.toISOString().slice(0, 10) : d.toLocaleDateString('sv')) : String(d).slice(0, 10));
const toApi = (r: repo.RateRow): TExchangeRate => ({
  id: r.id,
  currency: r.currency,
  baseCurrency: r.base_currency,
  rate: r.rate,
  effectiveDate: day(r.effective_date),
  version: r.version,
  updatedAt: new Date(r.updated_at).toISOString(),
});

const requireAdmin = (ctx: RequestContext) => {
  if (!ctx.access.isAdmin) throw dealsErrors.forbidden();
};

/** Dated rates into the tenant's base currency; a change re-derives the base amounts of the deals in that currency. */
export function exchangeRateRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['exchange-rates'];
  const base = '/api/v1/exchange-rates';
  const tx = <T>(ctx: RequestContext, work: Parameters<typeof inTenant<T>>[2]) => inTenant(deps.db.kysely, ctx.tenantId, work);

  r.get(
    base,
    {
      schema: {
        tags,
        summary: 'Rates into the base currency, newest first per currency',
        querystring: z.object({ currency: ZCurrency.optional() }).strict(),
        response: { 200: z.object({ baseCurrency: z.string(), data: z.array(ZExchangeRate) }) },
      },
    },
    async (req) =>
      tx(req.ctx, async (t) => {
        const baseCurrency = await repo.tenantBaseCurrency(t);
        return { baseCurrency, data: (await repo.listRateRows(t, { currency: req.query.currency, baseCurrency })).map(toApi) };
      }),
  );

  r.post(base, { schema: { tags, summary: 'Add a rate (admins)', body: ZCreateRate, response: { 201: ZExchangeRate } } }, async (req, reply) => {
    requireAdmin(req.ctx);
    const created = await tx(req.ctx, async (t) => {
      const baseCurrency = await repo.tenantBaseCurrency(t);
      if (req.body.currency === baseCurrency) throw dealsErrors.rateForBaseCurrency();
      const row = await repo.insertRateRow(t, {
        tenant_id: req.ctx.tenantId,
        id: newId(),
        currency: req.body.currency,
        base_currency: baseCurrency,
        rate: req.body.rate,
        effective_date: req.body.effectiveDate,
        created_by: req.ctx.userId,
        updated_by: req.ctx.userId,
      });
      if (!row) throw dealsErrors.duplicateRate();
      const out = toApi(row);
      await recordChange(t, req.ctx, { action: 'created', objectType: 'exchange_rate', objectId: row.id, after: out });
      await repo.refreshDealAmounts(t, { currency: row.currency, baseCurrency });
      return out;
    });
    return reply.status(201).send(withEtag(reply, created));
  });

  r.patch(
    `${base}/:id`,
    { schema: { tags, summary: 'Change a rate (admins; If-Match)', params: ZIdParams, body: ZUpdateRate, response: { 200: ZExchangeRate } } },
    async (req, reply) => {
      requireAdmin(req.ctx);
      const version = expectedVersion(req);
      const updated = await tx(req.ctx, async (t) => {
        const row = await repo.findRateRow(t, req.params.id);
        if (!row) throw notFound('exchange_rate');
        if (version !== undefined && version !== row.version) throw dealsErrors.staleVersion(version, row.version);
        const next = await repo
          .updateRateRow(t, row.id, row.version, {
            ...(req.body.rate ? { rate: req.body.rate } : {}),
            ...(req.body.effectiveDate ? { effective_date: req.body.effectiveDate } : {}),
            updated_by: req.ctx.userId,
          })
          .catch((err: { code?: string }) => {
            if (err.code === '23505') throw dealsErrors.duplicateRate();
            throw err;
          });
        if (!next) throw dealsErrors.staleVersion(row.version, row.version + 1);
        const out = toApi(next);
        await recordChange(t, req.ctx, { action: 'updated', objectType: 'exchange_rate', objectId: row.id, before: toApi(row), after: out });
        await repo.refreshDealAmounts(t, { currency: row.currency, baseCurrency: row.base_currency });
        return out;
      });
      return withEtag(reply, updated);
    },
  );

  r.delete(`${base}/:id`, { schema: { tags, summary: 'Delete a rate (admins)', params: ZIdParams } }, async (req, reply) => {
    requireAdmin(req.ctx);
    await tx(req.ctx, async (t) => {
      const row = await repo.findRateRow(t, req.params.id);
      if (!row) throw notFound('exchange_rate');
      await repo.deleteRateRow(t, row.id);
      await recordChange(t, req.ctx, { action: 'deleted', objectType: 'exchange_rate', objectId: row.id, before: toApi(row) });
      await repo.refreshDealAmounts(t, { currency: row.currency, baseCurrency: row.base_currency });
    });
    return reply.status(204).send();
  });
}
