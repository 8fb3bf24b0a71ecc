import nodemailer from 'nodemailer';
import { leadsErrors } from './leads.errors.ts';

/** The instance-wide SMTP server (documented in docs/operations.md); a tenant's own setting wins. */
export const envSmtpUrl = (): string | null => process.env.KEHU_SMTP_URL || null;
const envFrom = (): string => process.env.KEHU_MAIL_FROM || 'Kehu <no-reply@kehu.local>';

export type MailSettings = { smtpUrl: string | null; from: string | null };
export type Mail = { to: string; subject: string; text: string };

/** Sends one message over SMTP (nodemailer); refuses clearly when no server is configured. */
export async function sendMail(settings: MailSettings, mail: Mail): Promise<void> {
  const url = settings.smtpUrl ?? envSmtpUrl();
  if (!url) throw leadsErrors.mailNotConfigured();
  const transport = nodemailer.createTransport(url);
  try {
    await transport.sendMail({ from: settings.from ?? envFrom(), ...mail });
  } finally {
    transport.close();
  }
}
