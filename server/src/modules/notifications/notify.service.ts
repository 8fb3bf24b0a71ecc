import type { Tx } from '#db/tx.ts';
import { translate } from '#platform/i18n/i18n.ts';
import { newId } from '#platform/ids.ts';
import { type Bilingual, sendMail } from '#modules/mail/index.ts';
import type { NotificationKind } from './notifications.schema.ts';
import { insertNotifications, recipients, tenantLocale } from './notifications.repo.ts';

export type NotifyOptions = {
  tx: Tx;
  tenantId: string;
  userIds: readonly (string | null | undefined)[];
  /** A built-in kind (NOTIFICATION_KINDS) or one the calling module declares (KehuModule.notificationKinds). */
  kind: NotificationKind | (string & {});
  title: Bilingual;
  body?: Bilingual | null;
  /** The record the notification is about; the bell opens it. */
  link?: { object: string; id: string } | null;
  /**
   * Makes a repeated call (an event delivered twice, a retried job) one notification per user:
   * e.g. `reminder:<activity id>:<remind at>`.
   */
  dedupeKey?: string | null;
};

/** A message of this module's locales in both languages (`notifications.deal_stale_title`). */
export const bilingual = (key: string, params: Record<string, unknown> = {}): Bilingual => ({
  zh: translate('zh-CN', `notifications.${key}`, params),
  en: translate('en', `notifications.${key}`, params),
});

const publicBase = () => (process.env.KEHU_PUBLIC_URL || '').replace(/\/$/, '');

/**
 * Tells users something in the caller's transaction, per each one's preference for `kind`: the
 * bell (in_app, the default), the bell and an e-mail in their language (email), or nothing (none).
 * Inactive users get nothing. Returns the ids of the notifications written.
 */
export async function notify(o: NotifyOptions): Promise<string[]> {
  const userIds = [...new Set(o.userIds.filter((id): id is string => !!id))];
  const users = (await recipients(o.tx, { tenantId: o.tenantId, userIds, kind: o.kind })).filter((u) => u.is_active && u.channel !== 'none');
  if (!users.length) return [];
  const rows = await insertNotifications(
    o.tx,
    users.map((u) => ({
      tenant_id: o.tenantId,
      id: newId(),
      user_id: u.id,
      kind: o.kind,
      title: JSON.stringify(o.title),
      body: o.body ? JSON.stringify(o.body) : null,
      link_object: o.link?.object ?? null,
      link_id: o.link?.id ?? null,
      dedupe_key: o.dedupeKey ?? null,
    })),
  );
  const written = new Map(rows.map((r) => [r.user_id, r.id]));
  const emailed = users.filter((u) => u.channel === 'email' && written.has(u.id));
  if (emailed.length) {
    const fallback = await tenantLocale(o.tx, o.tenantId);
    for (const u of emailed) {
      const locale = (u.locale ?? fallback) === 'en' ? 'en' : 'zh-CN';
      const pick = (b: Bilingual) => (locale === 'en' ? b.en || b.zh : b.zh || b.en);
      const base = publicBase();
      const text = [o.body ? pick(o.body) : pick(o.title), base ? `${base}/notifications` : ''].filter(Boolean).join('\n\n');
      await sendMail({
        tx: o.tx,
        tenantId: o.tenantId,
        to: u.email,
        subject: pick(o.title),
        text,
        locale,
        idempotencyKey: `notification:${written.get(u.id)}`,
      });
    }
  }
  return rows.map((r) => r.id);
}
