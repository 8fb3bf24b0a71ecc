import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTenant, inTenantRead, type Tx } from '#db/tx.ts';
import { diffRecords, writeAudit } from '../audit/audit.ts';
import type { Deps } from '../deps.ts';
import { AppError, invalid } from '../errors/app-error.ts';
import { expectedVersion, withEtag } from '../http/conditional.ts';
import { MAX_PATTERN_LENGTH, parsePattern } from './number-pattern.ts';
import { previewNumber } from './numbering.ts';

const ZSeries = z.object({
  /** The object whose records the series numbers (`quote`). */
  series: z.string(),
  label: z.object({ zh: z.string(), en: z.string() }),
  pattern: z.string(),
  defaultPattern: z.string(),
  /** The number the next record will get. */
  next: z.string(),
  version: z.number(),
});
const ZUpdateSeries = z.object({ pattern: z.string().max(MAX_PATTERN_LENGTH * 4) }).strict();

type Stored = { series: string; pattern: string; period: string; next_value: string; version: number };

/** Settings > Numbering: the series objects declare (ObjectDeclaration.numbering), their patterns and next numbers; admins only. */
export function numberingRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tenant'];
  const declared = new Map(
    deps.objects.standard.flatMap((o) => (o.numbering ? [[o.name, { label: o.label, defaultPattern: o.numbering.defaultPattern }]] : [])),
  );

  const read = async (tx: Tx, tenantId: string) => {
    const [stored, tenant] = await Promise.all([
      tx.selectFrom('number_series').select(['series', 'pattern', 'period', 'next_value', 'version']).execute() as Promise<Stored[]>,
      tx.selectFrom('tenants').select('timezone').where('id', '=', tenantId).executeTakeFirstOrThrow(),
    ]);
    const bySeries = new Map(stored.map((s) => [s.series, s]));
    return [...declared].map(([series, d]) => {
      const s = bySeries.get(series);
      const pattern = s?.pattern ?? d.defaultPattern;
      const nextValue = Number(s?.next_value ?? 1);
      return {
        series,
        label: d.label,
        pattern,
        defaultPattern: d.defaultPattern,
        next: previewNumber({ pattern, period: s?.period ?? '', nextValue, timeZone: tenant.timezone }),
        version: s?.version ?? 0,
      };
    });
  };

  r.get(
    '/api/v1/number-series',
    { schema: { tags, summary: 'Number series of quotes, orders, contracts, tickets… (admins)', response: { 200: z.object({ data: z.array(ZSeries) }) } } },
    async (req) => {
      if (!req.ctx.access.isAdmin) throw new AppError('forbidden');
      return { data: await inTenantRead(deps.db.kysely, req.ctx.tenantId, (tx) => read(tx, req.ctx.tenantId)) };
    },
  );

  r.put(
    '/api/v1/number-series/:series',
    {
      schema: {
        tags,
        summary: 'Change a series’ pattern (admins; If-Match). The counter goes on unless the date the pattern shows changes.',
        params: z.object({ series: z.string().max(100) }),
        body: ZUpdateSeries,
        response: { 200: ZSeries },
      },
    },
    async (req, reply) => {
      if (!req.ctx.access.isAdmin) throw new AppError('forbidden');
      const d = declared.get(req.params.series);
      if (!d) throw new AppError('not_found');
      const parsed = parsePattern(req.body.pattern);
      if (!('pattern' in parsed)) throw invalid('pattern', `numbering.${parsed.problem}`, { max: MAX_PATTERN_LENGTH });
      const version = expectedVersion(req);
      const item = await inTenant(deps.db.kysely, req.ctx.tenantId, async (tx) => {
        const before = (await read(tx, req.ctx.tenantId)).find((s) => s.series === req.params.series);
        if (version !== undefined && version !== before?.version)
          throw new AppError('precondition_failed', { params: { expected: version, actual: before?.version ?? 0 } });
        await tx
          .insertInto('number_series')
          .values({ tenant_id: req.ctx.tenantId, series: req.params.series, pattern: req.body.pattern })
          .onConflict((c) =>
            c
              .columns(['tenant_id', 'series'])
              .doUpdateSet({ pattern: req.body.pattern, version: (eb) => eb('number_series.version', '+', 1), updated_at: new Date() }),
          )
          .execute();
        const after = (await read(tx, req.ctx.tenantId)).find((s) => s.series === req.params.series);
        if (!after) throw new Error('number series vanished');
        await writeAudit(tx, req.ctx, {
          action: 'updated',
          objectType: 'number_series',
          objectId: null,
          changes: diffRecords({ [req.params.series]: before?.pattern }, { [req.params.series]: after.pattern }),
        });
        return after;
      });
      return withEtag(reply, item);
    },
  );
}
