import { inSystem, inTenant } from '#db/tx.ts';
import { notify } from '#modules/notifications/index.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { AppError } from '#platform/errors/app-error.ts';
import { translate } from '#platform/i18n/i18n.ts';
import { type RequestStep, stepsOf } from './approvals.mapper.ts';
import { dueAfter } from './due.service.ts';
import { escalationTarget } from './approvers.service.ts';
import { approveTask, lockedFlow } from './decide.service.ts';
import { announce, finish, openTasks } from './flow.service.ts';
import type { Flow } from './flow.types.ts';
import { bilingual } from './messages.rules.ts';
import { overdueTasks, setTask, type TaskRow, tasksOf } from './requests.repo.ts';

/** Requests one sweep handles; the rest wait for the next minute. */
const BATCH = 200;

/** Who acts when nobody answered: no user, an administrator's reach (audit rows show no actor: the system). */
const systemCtx = (tenantId: string): RequestContext => ({
  tenantId,
  userId: null,
  requestId: 'approvals-timeout',
  ip: null,
  locale: 'zh-CN',
  access: { userId: null, isAdmin: true, permissions: {}, fields: {}, teamUserIds: [] },
});

async function remind(f: Flow, task: TaskRow, step: RequestStep) {
  await setTask(f.tx, task.id, { status: 'pending', due_at: await dueAfter({ f, step }) });
  await notify({
    tx: f.tx,
    tenantId: f.ctx.tenantId,
    userIds: [task.approver_id],
    kind: 'approval',
    title: bilingual('notify_reminder_title', { record: f.request.record_name ?? '' }),
    link: { object: f.request.object, id: f.request.record_id },
    dedupeKey: `approval-remind:${task.id}:${new Date(task.due_at as Date).toISOString()}`,
  });
}

/** Handles one request's overdue tasks by its step's `onTimeout`; true when something happened. */
async function handle(f: Flow): Promise<boolean> {
  const step = stepsOf(f.request)[f.request.step_index];
  if (!step?.timeoutHours) return false;
  const hours = step.timeoutHours;
  const overdue = (await tasksOf(f.tx, [f.request.id])).filter(
    (t) => t.status === 'pending' && t.step_index === f.request.step_index && t.due_at && new Date(t.due_at) <= f.now,
  );
  const comment = `${translate('zh-CN', 'approvals.timeout_comment', { hours })} / ${translate('en', 'approvals.timeout_comment', { hours })}`;
  for (const task of overdue) {
    switch (step.onTimeout) {
      case 'remind':
        await remind(f, task, step);
        break;
      case 'escalate': {
        const to = await escalationTarget(f.tx, task.approver_id);
        const already = (await tasksOf(f.tx, [f.request.id])).some((t) => t.status === 'pending' && t.step_index === task.step_index && t.approver_id === to);
        if (!to || already) {
          await remind(f, task, step);
          break;
        }
        await setTask(f.tx, task.id, { status: 'escalated', comment, decided_at: f.now });
        await openTasks({ f, stepIndex: task.step_index, userIds: [to], delegatedFrom: task.approver_id });
        await announce({ f, verb: 'escalated', detail: { comment, step: step.name } });
        break;
      }
      case 'approve':
        await approveTask({ f, task, comment });
        return true;
      case 'reject':
        await setTask(f.tx, task.id, { status: 'rejected', comment, decided_at: f.now });
        await finish({ f, status: 'rejected', comment });
        return true;
    }
  }
  return overdue.length > 0;
}

/**
 * The durable timeout sweep (a pg-boss cron job every minute, not a timer): tasks past their due
 * time (business hours on the step's calendar, set when the task opened) get their step's action.
 * Each request in its own tenant transaction; a request decided meanwhile is passed over.
 */
export async function sweepApprovalTimeouts(o: { deps: Deps; now?: Date }): Promise<number> {
  const now = o.now ?? new Date();
  const due = await inSystem(o.deps.db.kysely, (tx) => overdueTasks(tx, now, BATCH));
  let handled = 0;
  for (const d of due) {
    const done = await inTenant(o.deps.db.kysely, d.tenant_id, async (tx) => {
      let f: Flow;
      try {
        f = await lockedFlow({ tx, deps: o.deps, ctx: systemCtx(d.tenant_id), id: d.request_id, now });
      } catch (error) {
        if (error instanceof AppError) return false;
        throw error;
      }
      return handle(f);
    });
    if (done) handled++;
  }
  return handled;
}
