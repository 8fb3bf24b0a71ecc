import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { isSupportedCountry } from 'libphonenumber-js';
import { z } from 'zod';
import { enterTenant, inSystem, inTenant } from '#db/tx.ts';
import { diffRecords, writeAudit } from '../audit/audit.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors/app-error.ts';
import { expectedVersion, withEtag } from '../http/conditional.ts';

const TIME_ZONES = new Set(Intl.supportedValuesOf('timeZone'));

const ZTenant = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  locale: z.string(),
  timezone: z.string(),
  currency: z.string(),
  /** Default region for phone numbers typed or imported without a country code (ISO 3166 alpha-2). */
  phoneRegion: z.string(),
  version: z.number(),
});
const ZUpdateTenantRequest = z
  .object({
    name: z.string().trim().min(1).max(100),
    locale: z.enum(['zh-CN', 'en']),
    timezone: z.string().refine((tz) => TIME_ZONES.has(tz), 'Unknown time zone'),
    currency: z.string().regex(/^[A-Z]{3}$/),
    phoneRegion: z.string().refine((r) => isSupportedCountry(r), 'Unknown phone region'),
  })
  .partial()
  .strict();

type TenantRow = { id: string; slug: string; name: string; locale: string; timezone: string; base_currency: string; phone_region: string; version: number };
const toApi = (r: TenantRow) => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  locale: r.locale,
  timezone: r.timezone,
  currency: r.base_currency,
  phoneRegion: r.phone_region,
  version: r.version,
});

/** The signed-in tenant's defaults (language, time zone, base currency); admins change them. */
export function tenantSettingsRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tenant'];
  r.get('/api/v1/tenant', { schema: { tags, summary: 'This tenant’s defaults', response: { 200: ZTenant } } }, async (req, reply) => {
    const row = await inTenant(deps.db.kysely, req.ctx.tenantId, (tx) => tx.selectFrom('tenants').selectAll().executeTakeFirstOrThrow());
    return withEtag(reply, toApi(row));
  });
  r.patch(
    '/api/v1/tenant',
    { schema: { tags, summary: 'Change the tenant’s defaults (admins; If-Match)', body: ZUpdateTenantRequest, response: { 200: ZTenant } } },
    async (req, reply) => {
      if (!req.ctx.access.isAdmin) throw new AppError('forbidden');
      const version = expectedVersion(req);
      const { currency, phoneRegion, ...rest } = req.body;
      // tenants is written as the owner role (kehu_app may only read its own row); the audit entry joins the same transaction.
      const row = await inSystem(deps.db.kysely, async (tx) => {
        const before = await tx.selectFrom('tenants').selectAll().where('id', '=', req.ctx.tenantId).forUpdate().executeTakeFirstOrThrow();
        if (version !== undefined && version !== before.version)
          throw new AppError('precondition_failed', { params: { expected: version, actual: before.version } });
        const after = await tx
          .updateTable('tenants')
          .set({ ...rest, ...(currency ? { base_currency: currency } : {}), ...(phoneRegion ? { phone_region: phoneRegion } : {}), version: sql`version + 1` })
          .where('id', '=', req.ctx.tenantId)
          .returningAll()
          .executeTakeFirstOrThrow();
        await enterTenant(tx, req.ctx.tenantId);
        await writeAudit(tx, req.ctx, { action: 'updated', objectType: 'tenant', objectId: after.id, changes: diffRecords(toApi(before), toApi(after)) });
        return after;
      });
      return withEtag(reply, toApi(row));
    },
  );
}
