import { inTenant, inTenantRead } from '#db/tx.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { notificationsErrors } from './notifications.errors.ts';
import * as repo from './notifications.repo.ts';
import { NOTIFICATION_KINDS, type NotificationChannel, type TNotification, type TNotificationsQuery } from './notifications.schema.ts';

type Ctx = { deps: Deps; ctx: RequestContext };

/** Notifications are personal: an API token of no user (none exist today) has none. */
function me(ctx: RequestContext): string {
  if (!ctx.userId) throw notificationsErrors.noUser();
  return ctx.userId;
}

const toApi = (row: repo.NotificationRow): TNotification => ({
  id: row.id,
  kind: row.kind,
  title: row.title as TNotification['title'],
  body: (row.body as TNotification['body']) ?? null,
  link: row.link_object && row.link_id ? { object: row.link_object, id: row.link_id } : null,
  createdAt: new Date(row.created_at).toISOString(),
  readAt: row.read_at ? new Date(row.read_at).toISOString() : null,
});

const encode = (at: string, id: string) => Buffer.from(JSON.stringify([at, id])).toString('base64url');
function decode(cursor: string | undefined): { at: string; id: string } | null {
  if (!cursor) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [string, string];
    return typeof at === 'string' && typeof id === 'string' ? { at, id } : null;
  } catch {
    return null;
  }
}

export async function listNotifications(o: Ctx & { query: TNotificationsQuery }) {
  const userId = me(o.ctx);
  return inTenantRead(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const rows = await repo.listNotifications(tx, { userId, unreadOnly: o.query.unread === 'true', after: decode(o.query.cursor), limit: o.query.limit });
    const page = rows.slice(0, o.query.limit);
    const last = page.at(-1);
    const { unread } = await repo.unreadCount(tx, userId);
    return { data: page.map(toApi), nextCursor: rows.length > o.query.limit && last ? encode(last.at_text, last.id) : null, unread };
  });
}

/** What the bell polls: one indexed count. */
export async function unreadCount(o: Ctx) {
  const userId = me(o.ctx);
  const { unread, latest } = await inTenantRead(o.deps.db.kysely, o.ctx.tenantId, (tx) => repo.unreadCount(tx, userId));
  return { unread, latestAt: latest ? new Date(latest).toISOString() : null };
}

/** Marks one of my notifications read (another user's answers 404), or all of them when `id` is null. */
export async function markRead(o: Ctx & { id: string | null }) {
  const userId = me(o.ctx);
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    if (o.id && !(await repo.notificationExists(tx, { userId, id: o.id }))) throw notificationsErrors.notFound();
    const marked = await repo.markRead(tx, { userId, ids: o.id ? [o.id] : null });
    return { marked, unread: (await repo.unreadCount(tx, userId)).unread };
  });
}

/** The built-in kinds, then those modules declare. */
const kindsOf = (deps: Deps): string[] => [...new Set([...NOTIFICATION_KINDS, ...(deps.notificationKinds ?? [])])];

/** Every kind with my channel for it (in_app unless I chose otherwise). */
export async function getPreferences(o: Ctx) {
  const userId = me(o.ctx);
  const rows = await inTenantRead(o.deps.db.kysely, o.ctx.tenantId, (tx) => repo.listPreferences(tx, userId));
  const chosen = new Map(rows.map((r) => [r.kind, r.channel as NotificationChannel]));
  return { data: kindsOf(o.deps).map((kind) => ({ kind, channel: chosen.get(kind) ?? ('in_app' as const) })) };
}

export async function putPreferences(o: Ctx & { preferences: { kind: string; channel: string }[] }) {
  const userId = me(o.ctx);
  const known = new Set(kindsOf(o.deps));
  const errors = o.preferences.flatMap((p, i) =>
    known.has(p.kind) ? [] : [{ field: `preferences.${i}.kind`, message: 'notifications.unknown_kind', params: { kind: p.kind } }],
  );
  if (errors.length) throw notificationsErrors.unknownKinds(errors);
  await inTenant(o.deps.db.kysely, o.ctx.tenantId, (tx) => repo.putPreferences(tx, { tenantId: o.ctx.tenantId, userId, preferences: o.preferences }));
  return getPreferences(o);
}
