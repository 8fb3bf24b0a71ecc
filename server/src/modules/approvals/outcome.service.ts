import { notify } from '#modules/notifications/index.ts';
import type { RequestContext } from '#platform/context.ts';
import { findRecord } from '#platform/records/records.repo.ts';
import { updateInTx } from '#platform/records/record-service.ts';
import { userNames } from './approvers.repo.ts';
import { outcomeOfRequest } from './approvals.mapper.ts';
import type { Flow } from './flow.types.ts';
import { bilingual } from './messages.rules.ts';
import { tasksOf } from './requests.repo.ts';

/** A field write as the record service takes it: `custom.<key>` goes under `custom`. */
function inputOf(updates: { field: string; value: unknown }[]): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const { field, value } of updates) {
    if (field.startsWith('custom.')) input.custom = { ...(input.custom as object), [field.slice(7)]: value };
    else input[field] = value;
  }
  return input;
}

export type RunOutcomeOptions = { f: Flow; status: 'approved' | 'rejected' | 'recalled'; comment: string | null };
/**
 * The process's actions for how the request ended. Field updates go through the record service
 * (validation, audit, the record's event) as the deciding user with an administrator's reach:
 * the admin who designed the process chose them, and the approver need not be able to edit the
 * record. The record is no longer locked by then. Then the notices.
 */
export async function runOutcome({ f, status, comment }: RunOutcomeOptions): Promise<void> {
  const r = f.request;
  const tasks = await tasksOf(f.tx, [r.id]);
  const stepApprovers = tasks.filter((t) => t.step_index === r.step_index).map((t) => t.approver_id);
  const actor = f.ctx.userId ? ((await userNames(f.tx, [f.ctx.userId]))[0]?.name ?? '') : 'Kehu';
  const params = { record: r.record_name ?? '', process: r.process_name, actor, comment: comment ?? '' };
  if (status === 'recalled') {
    await notify({
      tx: f.tx,
      tenantId: f.ctx.tenantId,
      userIds: stepApprovers,
      kind: 'approval',
      title: bilingual('notify_recalled_title', params),
      body: bilingual('notify_decided_body', params),
      link: { object: r.object, id: r.record_id },
      dedupeKey: `approval:${r.id}:recalled`,
    });
    return;
  }
  const outcome = outcomeOfRequest(r, status === 'approved');
  if (outcome.fieldUpdates.length) {
    const row = await findRecord(f.tx, f.target.def.table, r.record_id);
    if (row && !row.deleted_at) {
      const ctx: RequestContext = { ...f.ctx, access: { ...f.ctx.access, isAdmin: true } };
      await updateInTx(f.tx, { deps: f.deps, ctx, def: f.target.def, input: inputOf(outcome.fieldUpdates), row });
    }
  }
  const recipients = outcome.notify.flatMap((who) => {
    if (who === 'submitter') return [r.submitted_by];
    if (who === 'owner') return [r.record_owner_id];
    return tasks.map((t) => t.approver_id);
  });
  await notify({
    tx: f.tx,
    tenantId: f.ctx.tenantId,
    userIds: recipients,
    kind: 'approval',
    title: bilingual(status === 'approved' ? 'notify_approved_title' : 'notify_rejected_title', params),
    body: bilingual('notify_decided_body', params),
    link: { object: r.object, id: r.record_id },
    dedupeKey: `approval:${r.id}:${status}`,
  });
}
