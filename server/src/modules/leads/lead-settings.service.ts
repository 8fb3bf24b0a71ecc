import { inTenant, type Tx } from '#db/tx.ts';
import { diffRecords, writeAudit } from '#platform/audit/audit.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import type { FieldError } from '#platform/errors/app-error.ts';
import { instanceSmtpUrl } from '#modules/mail/index.ts';
import { leadsErrors } from './leads.errors.ts';
import { emitEvent } from '#platform/events/outbox.ts';
import { DEFAULT_DEDUP_RULES, type TDedupRule } from './dedup.rules.ts';
import { validateMapping } from './field-mapping.service.ts';
import { findLeadSettings, saveLeadSettings } from './lead-settings.repo.ts';
import { DEFAULT_MAPPING, type TFieldMapping, type TLeadSettings, type TUpdateLeadSettingsRequest } from './lead-settings.schema.ts';

export type ResolvedLeadSettings = {
  dedupRules: TDedupRule[];
  mapping: TFieldMapping[];
  mail: { smtpUrl: string | null; from: string | null };
  version: number;
};

export type LoadLeadSettingsOptions = { tx: Tx; deps: Pick<Deps, 'ciphers'>; tenantId: string };
/** The tenant's lead settings with defaults filled in; the SMTP url decrypted (for the mailer only). */
export async function loadLeadSettings({ tx, deps, tenantId }: LoadLeadSettingsOptions): Promise<ResolvedLeadSettings> {
  const row = await findLeadSettings(tx);
  const sealed = row?.mail?.smtpUrl ?? null;
  const smtpUrl = sealed ? (await deps.ciphers.forTenant(tenantId, tx)).decrypt(sealed) : null;
  return {
    dedupRules: (row?.dedup_rules as TDedupRule[] | undefined) ?? DEFAULT_DEDUP_RULES,
    mapping: (row?.conversion_mapping as TFieldMapping[] | undefined) ?? DEFAULT_MAPPING,
    mail: { smtpUrl, from: row?.mail?.from ?? null },
    version: row?.version ?? 0,
  };
}

const toApi = (s: ResolvedLeadSettings): TLeadSettings => ({
  dedupRules: s.dedupRules,
  conversionMapping: s.mapping,
  mail: { from: s.mail.from, smtpConfigured: !!s.mail.smtpUrl, envSmtp: !!instanceSmtpUrl() },
  version: s.version,
});

export async function getLeadSettings(o: { deps: Deps; ctx: RequestContext }): Promise<TLeadSettings> {
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => toApi(await loadLeadSettings({ tx, deps: o.deps, tenantId: o.ctx.tenantId })));
}

/** Admins only; one rule per kind; the mapping must name known fields. Audited, `lead_settings.updated` emitted. */
export async function updateLeadSettings(o: { deps: Deps; ctx: RequestContext; input: TUpdateLeadSettingsRequest; version: number | undefined }) {
  const { deps, ctx, input } = o;
  if (!ctx.access.isAdmin) throw leadsErrors.forbidden();
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const current = await loadLeadSettings({ tx, deps, tenantId: ctx.tenantId });
    if (o.version !== undefined && o.version !== current.version) throw leadsErrors.staleVersion(o.version, current.version);
    const errors: FieldError[] = [];
    const kinds = input.dedupRules?.map((r) => r.kind) ?? [];
    kinds.forEach((k, i) => {
      if (kinds.indexOf(k) !== i) errors.push({ field: `dedupRules.${i}.kind`, message: 'fields.lead_rule_repeated' });
    });
    if (input.conversionMapping) errors.push(...(await validateMapping(tx, input.conversionMapping)));
    if (errors.length) throw leadsErrors.invalidFields(errors);
    const cipher = await deps.ciphers.forTenant(ctx.tenantId, tx);
    const smtpUrl = input.mail && 'smtpUrl' in input.mail ? (input.mail.smtpUrl ?? null) : current.mail.smtpUrl;
    const from = input.mail && 'from' in input.mail ? (input.mail.from ?? null) : current.mail.from;
    const saved = await saveLeadSettings(tx, {
      tenantId: ctx.tenantId,
      userId: ctx.userId,
      dedupRules: input.dedupRules ?? current.dedupRules,
      mapping: input.conversionMapping ?? current.mapping,
      mail: { smtpUrl: smtpUrl ? cipher.encrypt(smtpUrl) : null, from },
    });
    const after: ResolvedLeadSettings = {
      dedupRules: saved.dedup_rules as TDedupRule[],
      mapping: saved.conversion_mapping as TFieldMapping[],
      mail: { smtpUrl, from },
      version: saved.version,
    };
    const changes = diffRecords(toApi(current), toApi(after));
    await writeAudit(tx, ctx, { action: 'updated', objectType: 'lead_settings', objectId: ctx.tenantId, changes });
    await emitEvent(tx, ctx, { type: 'lead_settings.updated', objectType: 'lead_settings', objectId: ctx.tenantId, payload: { changes } });
    return toApi(after);
  });
}
