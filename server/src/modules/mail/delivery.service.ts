import { inTenant } from '#db/tx.ts';
import { writeAudit } from '#platform/audit/audit.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { isSuppressed } from '#modules/privacy/index.ts';
import { storableText } from '#platform/logging/redaction.ts';
import { attachmentsOf, claimMessage, markFailed, markSent, type MessageRow } from './messages.repo.ts';
import { deliverOverSmtp, resolveSmtp } from './smtp.service.ts';

/** Attempts per message before it is marked failed (a resend from the log starts again). */
export const MAX_ATTEMPTS = 8;
/** First retry after this many seconds, doubling each time (capped at an hour). */
export const retryBaseSeconds = () => Number(process.env.KEHU_MAIL_RETRY_SECONDS || 30);
export const backoffSeconds = (attempt: number) => Math.min(3600, retryBaseSeconds() * 2 ** (attempt - 1));
const LEASE_SECONDS = 120;
const SUPPRESSED = 'the recipient is on the privacy suppression list (erased or opted out)';

const auditCtx = (row: MessageRow): RequestContext => ({
  tenantId: row.tenant_id,
  userId: row.created_by,
  requestId: `mail:${row.id}`,
  ip: null,
  locale: row.locale === 'en' ? 'en' : 'zh-CN',
  access: { userId: row.created_by, isAdmin: false, permissions: {}, fields: {}, teamUserIds: [] },
});

/** The record's timeline shows the message: an audit entry on the record, as other changes are. */
async function onTimeline(tx: Parameters<typeof markSent>[0], row: MessageRow, action: 'email_sent' | 'email_failed') {
  if (!row.object_type || !row.object_id) return;
  await writeAudit(tx, auditCtx(row), {
    action,
    objectType: row.object_type,
    objectId: row.object_id,
    // Facts, not a diff: the web shows them as "To: …, Subject: …".
    changes: {
      to: { from: null, to: row.to_address },
      subject: { from: null, to: row.subject },
      ...(row.last_error ? { error: { from: null, to: row.last_error } } : {}),
    },
  });
}

export type DeliveryOutcome = { outcome: 'sent' | 'retry' | 'failed' | 'skipped'; retryInSeconds?: number; error?: string };

/**
 * One delivery attempt of a queued message, idempotent: a message already sent, or held by
 * another worker, is skipped. No transaction stays open while the SMTP server talks; a crash
 * after the server accepted but before `sent` was written resends once the lease ends, with the
 * same Message-ID (the one duplicate SMTP cannot rule out).
 */
export async function deliverMessage(o: { deps: Deps; tenantId: string; id: string }): Promise<DeliveryOutcome> {
  const { db } = o.deps;
  const claimed = await inTenant(db.kysely, o.tenantId, async (tx) => {
    const row = await claimMessage(tx, { id: o.id, leaseSeconds: LEASE_SECONDS });
    if (!row) return null;
    // An erased or opted-out person (#21) is never mailed: the message fails for good, no retry.
    if (await isSuppressed({ tx, deps: o.deps, tenantId: o.tenantId, emails: [row.to_address] })) {
      await markFailed(tx, { id: row.id, error: SUPPRESSED, retryInSeconds: null });
      return 'suppressed' as const;
    }
    const attachments = await attachmentsOf(tx, row.id);
    return { row, attachments, target: await resolveSmtp({ tx, deps: o.deps, tenantId: o.tenantId, sender: row.sender }) };
  });
  if (!claimed) return { outcome: 'skipped' };
  if (claimed === 'suppressed') return { outcome: 'failed', error: SUPPRESSED };
  const { row, target, attachments } = claimed;
  let error: string;
  try {
    if (!target) throw new Error('no SMTP server configured');
    await deliverOverSmtp(target, {
      to: row.to_address,
      subject: row.subject,
      text: row.text_body,
      html: row.html_body,
      messageId: row.message_id,
      locale: row.locale,
      headers: { 'X-Kehu-Mail-Id': row.id },
      attachments,
    });
    await inTenant(db.kysely, o.tenantId, async (tx) => {
      await markSent(tx, row.id);
      await onTimeline(tx, { ...row, last_error: null }, 'email_sent');
    });
    return { outcome: 'sent' };
  } catch (e) {
    // An SMTP server's refusal may quote addresses or credentials: stored, timelined and returned scrubbed.
    error = storableText(e instanceof Error ? e.message : String(e)) as string;
  }
  const retryInSeconds = row.attempts < MAX_ATTEMPTS ? backoffSeconds(row.attempts) : null;
  await inTenant(db.kysely, o.tenantId, async (tx) => {
    await markFailed(tx, { id: row.id, error, retryInSeconds });
    if (retryInSeconds === null) await onTimeline(tx, { ...row, last_error: error }, 'email_failed');
  });
  o.deps.log.warn({ mailId: row.id, attempt: row.attempts, err: error, retryInSeconds }, 'e-mail delivery failed');
  return retryInSeconds === null ? { outcome: 'failed', error } : { outcome: 'retry', retryInSeconds, error };
}
