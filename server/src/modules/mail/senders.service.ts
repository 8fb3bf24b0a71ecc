import type { Tx } from '#db/tx.ts';
import type { Deps } from '#platform/deps.ts';

/** What a registered sender overrides for its messages; null fields keep the tenant's settings. */
export type SenderOverride = { smtpUrl: string | null; from: string | null };
export type MailSender = (o: { tx: Tx; deps: Pick<Deps, 'ciphers'>; tenantId: string }) => Promise<SenderOverride | null>;

// Pure functions of (tx, tenant): one map serves every app instance in the process.
const senders = new Map<string, MailSender>();

/**
 * Lets a module send some of its messages through its own SMTP server or sender address (leads:
 * a web form's opt-in mail); `sendMail({ sender: name })` names it. Registering twice replaces.
 */
export function registerMailSender(name: string, sender: MailSender): void {
  senders.set(name, sender);
}

export async function senderOverride(o: { tx: Tx; deps: Pick<Deps, 'ciphers'>; tenantId: string; sender: string | null }): Promise<SenderOverride | null> {
  const sender = o.sender ? senders.get(o.sender) : undefined;
  return sender ? sender(o) : null;
}
