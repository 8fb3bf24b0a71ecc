import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type { Tx } from '#db/tx.ts';
import type { Deps } from '#platform/deps.ts';
import { senderOverride } from './senders.service.ts';
import { findSmtpSettings } from './smtp-settings.repo.ts';

/** The instance-wide SMTP server (docs/operations.md); a tenant's own settings win. */
export const instanceSmtpUrl = (): string | null => process.env.KEHU_SMTP_URL || null;
export const instanceFrom = (): string => process.env.KEHU_MAIL_FROM || 'Kehu <no-reply@kehu.local>';

export type SmtpTarget = { transport: SMTPTransport.Options | string; from: string; source: 'tenant' | 'instance' | 'sender' };

/** A stuck or silent server fails the attempt instead of holding a worker (retried later). */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/**
 * Where a message goes out: the server and address its registered sender names, else the tenant's
 * SMTP server (password opened with its field cipher), else the instance's, else null.
 */
export async function resolveSmtp(o: { tx: Tx; deps: Pick<Deps, 'ciphers'>; tenantId: string; sender?: string | null }): Promise<SmtpTarget | null> {
  const override = await senderOverride({ ...o, sender: o.sender ?? null });
  const target = await tenantOrInstance(o);
  if (override?.smtpUrl) return { source: 'sender', transport: override.smtpUrl, from: override.from ?? target?.from ?? instanceFrom() };
  return target && override?.from ? { ...target, from: override.from } : target;
}

async function tenantOrInstance(o: { tx: Tx; deps: Pick<Deps, 'ciphers'>; tenantId: string }): Promise<SmtpTarget | null> {
  const row = await findSmtpSettings(o.tx);
  if (row) {
    const password = row.password_sealed ? (await o.deps.ciphers.forTenant(o.tenantId, o.tx)).decrypt(row.password_sealed) : undefined;
    return {
      source: 'tenant',
      from: row.from_address,
      transport: {
        host: row.host,
        port: row.port,
        secure: row.secure,
        ...(row.username ? { auth: { user: row.username, pass: password ?? '' } } : {}),
        // Certificates are verified (nodemailer's default): the login travels inside that TLS.
      },
    };
  }
  const url = instanceSmtpUrl();
  return url ? { source: 'instance', from: instanceFrom(), transport: url } : null;
}

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  /** `<id@host>`: the same on every attempt, so a receiver can drop a duplicate. */
  messageId: string;
  locale: string;
  headers?: Record<string, string>;
  /** Files sent with the message (a quote's PDF). */
  attachments?: MailAttachment[];
};

export type MailAttachment = { filename: string; contentType: string; content: Buffer };

/** Sends one message over SMTP; throws the server's refusal or the connection error. */
export async function deliverOverSmtp(target: SmtpTarget, mail: OutgoingMail): Promise<{ response: string; accepted: string[] }> {
  const options: SMTPTransport.Options = typeof target.transport === 'string' ? { url: target.transport } : target.transport;
  const { default: nodemailer } = await import('nodemailer'); // loaded on first use, like pdfkit and the S3 client
  const transport = nodemailer.createTransport({ ...options, ...TIMEOUTS });
  try {
    const info = await transport.sendMail({
      from: target.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      ...(mail.html ? { html: mail.html } : {}),
      messageId: mail.messageId,
      ...(mail.attachments?.length ? { attachments: mail.attachments.map((a) => ({ ...a })) } : {}),
      headers: { 'Content-Language': mail.locale, ...mail.headers },
    });
    return { response: info.response, accepted: info.accepted.map(String) };
  } finally {
    transport.close();
  }
}
