import { inTenant, inTenantRead } from '#db/tx.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { notFound } from '#platform/errors/app-error.ts';
import { enqueueDelivery } from './mail.jobs.ts';
import type { TSentMail, TSentMailQuery } from './mail.schema.ts';
import { requireReadable } from './merge-context.service.ts';
import * as repo from './messages.repo.ts';

const toApi = (row: repo.MessageRow): TSentMail => ({
  id: row.id,
  to: row.to_address,
  subject: row.subject,
  status: row.status as TSentMail['status'],
  attempts: row.attempts,
  error: row.last_error,
  messageId: row.message_id,
  record: row.object_type && row.object_id ? { object: row.object_type, id: row.object_id } : null,
  templateId: row.template_id,
  locale: row.locale,
  createdAt: new Date(row.created_at).toISOString(),
  sentAt: row.sent_at ? new Date(row.sent_at).toISOString() : null,
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

/**
 * The sent log: everything for an admin; for a user the messages they queued, or every message
 * about one record they may read (the record page's e-mails).
 */
export async function listSentMail(o: { deps: Deps; ctx: RequestContext; query: TSentMailQuery }) {
  const { query, ctx } = o;
  return inTenantRead(o.deps.db.kysely, ctx.tenantId, async (tx) => {
    const aboutRecord = !!(query.object && query.recordId);
    if (aboutRecord && !ctx.access.isAdmin)
      await requireReadable({ tx, deps: o.deps, ctx, record: { object: query.object as string, id: query.recordId as string } });
    const rows = await repo.listMessages(tx, {
      ...(query.object ? { object: query.object } : {}),
      ...(query.recordId ? { recordId: query.recordId } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(ctx.access.isAdmin || aboutRecord ? {} : { createdBy: ctx.userId ?? '00000000-0000-0000-0000-000000000000' }),
      after: decode(query.cursor),
      limit: query.limit,
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return { data: page.map(toApi), nextCursor: rows.length > query.limit && last ? encode(last.at_text, last.id) : null };
  });
}

/** Sends a failed message again (a new round of attempts, same Message-ID). */
export async function resendMail(o: { deps: Deps; ctx: RequestContext; id: string }): Promise<TSentMail> {
  const row = await inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const found = await repo.findMessage(tx, o.id);
    if (!found || (!o.ctx.access.isAdmin && found.created_by !== o.ctx.userId)) throw notFound('mailMessage');
    return (await repo.requeueMessage(tx, o.id)) ?? found;
  });
  if (row.status === 'queued') await enqueueDelivery(o.deps, { tenantId: o.ctx.tenantId, id: row.id });
  return toApi(row);
}
