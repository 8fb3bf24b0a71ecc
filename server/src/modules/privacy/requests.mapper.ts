import type { RequestRow } from './requests.repo.ts';
import type { TPrivacyRequest } from './requests.schema.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const user = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);
const OPEN = new Set(['received', 'verified']);

/** A request row as the API serves it. */
export function toPrivacyRequest(row: RequestRow, now = new Date()): TPrivacyRequest {
  return {
    id: row.id,
    kind: row.kind as TPrivacyRequest['kind'],
    status: row.status as TPrivacyRequest['status'],
    law: row.law as TPrivacyRequest['law'],
    locale: row.locale as TPrivacyRequest['locale'],
    channel: row.channel as TPrivacyRequest['channel'],
    subjectEmail: row.subject_email,
    subjectPhone: row.subject_phone,
    subjectName: row.subject_name,
    receivedAt: row.received_at.toISOString(),
    dueAt: row.due_at.toISOString(),
    overdue: OPEN.has(row.status) && row.due_at < now,
    extension: row.extended_at ? { at: row.extended_at.toISOString(), reason: row.extension_reason ?? '' } : null,
    handler: user(row.handler_id, row.handler_name),
    verifiedAt: iso(row.verified_at),
    verifiedBy: user(row.verified_by, row.verified_by_name),
    note: row.note,
    result: (row.result as Record<string, unknown> | null) ?? null,
    completedAt: iso(row.completed_at),
    export:
      row.export_size != null && row.export_created_at
        ? { size: row.export_size, createdAt: row.export_created_at.toISOString(), downloadedAt: iso(row.export_downloaded_at) }
        : null,
    version: row.version,
    createdAt: row.created_at.toISOString(),
  };
}

/** What the audit trail and events keep of a request: the steps, never the person. */
export const auditView = (r: TPrivacyRequest) => ({
  kind: r.kind,
  status: r.status,
  law: r.law,
  channel: r.channel,
  dueAt: r.dueAt,
  extensionReason: r.extension?.reason ?? null,
  handlerId: r.handler?.id ?? null,
  verifiedAt: r.verifiedAt,
  completedAt: r.completedAt,
  result: r.result,
});
