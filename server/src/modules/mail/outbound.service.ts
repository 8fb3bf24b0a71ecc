import type { Tx } from '#db/tx.ts';
import { emitEvent } from '#platform/events/outbox.ts';
import { newId } from '#platform/ids.ts';
import { insertAttachments, insertMessage } from './messages.repo.ts';
import type { MailAttachment } from './smtp.service.ts';
import type { MAIL_STATUSES } from './mail.schema.ts';

type MailStatus = (typeof MAIL_STATUSES)[number];

export type SendMailOptions = {
  tx: Tx;
  tenantId: string;
  /** Who sends (audit, sent log); null for the system (reminders, rules). */
  actorId?: string | null;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  /** The recipient's language: the message's Content-Language. */
  locale?: 'zh-CN' | 'en';
  /** The record the message is about: its timeline shows the message. */
  record?: { object: string; id: string } | null;
  templateId?: string | null;
  /**
   * The same key twice is one message (a retried rule action or event delivery): the second call
   * returns the first message and queues nothing.
   */
  idempotencyKey?: string | null;
  /** A sender registered with `registerMailSender` (its own SMTP server or address); default the tenant's. */
  sender?: string | null;
  /** Files sent with the message (a quote's PDF), stored with it for every attempt. */
  attachments?: readonly MailAttachment[];
};

export type QueuedMail = { id: string; messageId: string; status: MailStatus; created: boolean };

/** The Message-ID a message keeps over all its attempts. */
export const messageIdOf = (id: string) => `<${id}@kehu>`;

/**
 * Queues one e-mail in the caller's transaction: a row in the sent log (the durable queue) and
 * `mail.queued` in the outbox, which makes a job deliver it after commit. Nothing leaves if the
 * caller rolls back.
 */
export async function sendMail(o: SendMailOptions): Promise<QueuedMail> {
  const id = newId();
  const { row, created } = await insertMessage(o.tx, {
    tenant_id: o.tenantId,
    id,
    idempotency_key: o.idempotencyKey ?? null,
    to_address: o.to,
    subject: o.subject,
    text_body: o.text,
    html_body: o.html ?? null,
    locale: o.locale ?? 'zh-CN',
    template_id: o.templateId ?? null,
    object_type: o.record?.object ?? null,
    object_id: o.record?.id ?? null,
    message_id: messageIdOf(id),
    created_by: o.actorId ?? null,
    sender: o.sender ?? null,
  });
  if (created && o.attachments?.length) await insertAttachments(o.tx, { tenantId: o.tenantId, messageId: row.id, files: o.attachments });
  if (created)
    await emitEvent(
      o.tx,
      { tenantId: o.tenantId, userId: o.actorId ?? null },
      { type: 'mail.queued', objectType: 'mail', objectId: row.id, payload: { to: o.to, record: o.record ?? null } },
    );
  return { id: row.id, messageId: row.message_id, status: row.status as MailStatus, created };
}
