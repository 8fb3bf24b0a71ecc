import { inTenant, inTenantRead } from '#db/tx.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { translate } from '#platform/i18n/i18n.ts';
import { newId } from '#platform/ids.ts';
import { storableText } from '#platform/logging/redaction.ts';
import { mailErrors } from './mail.errors.ts';
import type { TPutSmtpSettingsRequest, TSmtpSettings } from './mail.schema.ts';
import { markFailed, markSent, insertMessage } from './messages.repo.ts';
import { messageIdOf } from './outbound.service.ts';
import { deliverOverSmtp, instanceFrom, instanceSmtpUrl, resolveSmtp } from './smtp.service.ts';
import { findSmtpSettings, type SmtpSettingsRow, upsertSmtpSettings } from './smtp-settings.repo.ts';

function requireAdmin(ctx: RequestContext): void {
  if (!ctx.access.isAdmin) throw mailErrors.forbidden();
}

/** What the instance's KEHU_SMTP_URL says, without its password. */
function instanceView(): TSmtpSettings {
  const url = instanceSmtpUrl();
  if (!url) return { source: 'none', host: null, port: null, secure: false, user: null, passwordSet: false, from: null, version: 0 };
  const u = new URL(url);
  const secure = u.protocol === 'smtps:';
  return {
    source: 'instance',
    host: u.hostname,
    port: Number(u.port) || (secure ? 465 : 587),
    secure,
    user: u.username ? decodeURIComponent(u.username) : null,
    passwordSet: !!u.password,
    from: instanceFrom(),
    version: 0,
  };
}

const toApi = (row: SmtpSettingsRow): TSmtpSettings => ({
  source: 'tenant',
  host: row.host,
  port: row.port,
  secure: row.secure,
  user: row.username,
  passwordSet: !!row.password_sealed,
  from: row.from_address,
  version: row.version,
});

export async function getSmtpSettings(o: { deps: Deps; ctx: RequestContext }): Promise<TSmtpSettings> {
  requireAdmin(o.ctx);
  const row = await inTenantRead(o.deps.db.kysely, o.ctx.tenantId, (tx) => findSmtpSettings(tx));
  return row ? toApi(row) : instanceView();
}

export type PutSmtpSettingsOptions = { deps: Deps; ctx: RequestContext; input: TPutSmtpSettingsRequest; version?: number };

/** Saves the tenant's SMTP server; the password is sealed with the tenant's field cipher, never returned. */
export async function putSmtpSettings(o: PutSmtpSettingsOptions): Promise<TSmtpSettings> {
  requireAdmin(o.ctx);
  const { input, ctx } = o;
  return inTenant(o.deps.db.kysely, ctx.tenantId, async (tx) => {
    const current = await findSmtpSettings(tx);
    if (o.version !== undefined && current && current.version !== o.version) throw mailErrors.staleVersion(o.version, current.version);
    const cipher = await o.deps.ciphers.forTenant(ctx.tenantId, tx);
    const password_sealed = input.password === undefined ? (current?.password_sealed ?? null) : input.password ? cipher.encrypt(input.password) : null;
    const row = await upsertSmtpSettings(tx, {
      tenantId: ctx.tenantId,
      userId: ctx.userId,
      host: input.host,
      port: input.port,
      secure: input.secure,
      username: input.user || null,
      password_sealed,
      from_address: input.from,
    });
    return toApi(row);
  });
}

/**
 * Sends a test message now, through the saved settings, and waits for the server's answer so the
 * admin sees at once whether they work. Logged in the sent log like any other message.
 */
export async function sendTestMail(o: { deps: Deps; ctx: RequestContext; to: string }) {
  requireAdmin(o.ctx);
  const { deps, ctx } = o;
  const id = newId();
  const subject = translate(ctx.locale, 'mail.test_subject');
  const text = translate(ctx.locale, 'mail.test_body');
  const target = await inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const smtp = await resolveSmtp({ tx, deps, tenantId: ctx.tenantId });
    if (!smtp) throw mailErrors.notConfigured();
    await insertMessage(tx, {
      tenant_id: ctx.tenantId,
      id,
      to_address: o.to,
      subject,
      text_body: text,
      locale: ctx.locale,
      message_id: messageIdOf(id),
      created_by: ctx.userId,
      status: 'sending',
      attempts: 1,
    });
    return smtp;
  });
  try {
    const info = await deliverOverSmtp(target, { to: o.to, subject, text, messageId: messageIdOf(id), locale: ctx.locale, headers: { 'X-Kehu-Mail-Id': id } });
    await inTenant(deps.db.kysely, ctx.tenantId, (tx) => markSent(tx, id));
    return { status: 'sent' as const, messageId: messageIdOf(id), response: info.response };
  } catch (e) {
    const reason = storableText(e instanceof Error ? e.message : String(e)) as string;
    await inTenant(deps.db.kysely, ctx.tenantId, (tx) => markFailed(tx, { id, error: reason, retryInSeconds: null }));
    throw mailErrors.testFailed(reason);
  }
}
