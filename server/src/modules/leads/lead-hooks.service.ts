import { emitEvent } from '#platform/events/outbox.ts';
import type { AfterWriteOptions, PrepareOptions } from '#platform/records/object-definition.ts';

/**
 * Status rules on the merged lead: unqualified needs a reason (cleared when the lead moves on),
 * a converted lead is read-only apart from its notes, and a status change is timestamped.
 */
export async function prepareLead({ input, columns, existing, errors }: PrepareOptions): Promise<void> {
  if (existing?.status === 'converted') {
    const allowed = new Set(['description', 'tags', 'custom', 'ownerId']);
    const touched = Object.keys(input).filter((k) => !allowed.has(k));
    for (const field of touched) errors.push({ field, message: 'fields.lead_converted_readonly' });
    return;
  }
  const status = (columns.status ?? existing?.status ?? 'new') as string;
  const reason = (columns.unqualified_reason !== undefined ? columns.unqualified_reason : existing?.unqualified_reason) as string | null;
  if (status === 'unqualified' && !reason) errors.push({ field: 'unqualifiedReason', message: 'fields.unqualified_reason_required' });
  if (status !== 'unqualified' && columns.status !== undefined) columns.unqualified_reason = null;
  if (columns.status !== undefined && columns.status !== existing?.status) columns.status_changed_at = new Date();
}

/** `lead.status_changed` beside `lead.updated`, so subscribers (scoring, assignment) need not diff. */
export async function afterLeadWrite({ tx, ctx, before, after }: AfterWriteOptions): Promise<void> {
  if (!before || before.status === after.status) return;
  await emitEvent(tx, ctx, {
    type: 'lead.status_changed',
    objectType: 'lead',
    objectId: after.id,
    payload: { from: before.status, to: after.status, reason: after.unqualified_reason ?? null },
  });
}
