import type { Tx } from '#db/tx.ts';
import { requireAccess } from '#platform/access/access.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { createInTx, loadVisible, present, updateInTx } from '#platform/records/record-service.ts';
import { findRecord } from '#platform/records/records.repo.ts';
import { moveToPool, startApproval } from './module-actions.service.ts';
import { createRecord } from './related-record.service.ts';
import { evaluateValue, readField, type RecordView, renderTemplate } from './formula.rules.ts';
import type { RuleObject } from './rule-check.service.ts';
import { runOutreach } from './outreach.service.ts';
import type { TAction } from './workflows.schema.ts';
import { workflowsErrors } from './workflows.errors.ts';

/** Everything one action needs: who acts, on which record, and the clock. */
export type ActionContext = {
  tx: Tx;
  deps: Deps;
  ctx: RequestContext;
  target: RuleObject;
  recordId: string;
  now: Date;
  timeZone: string;
  /** `<rule id>:<trigger key>`: with the action's place, what makes a message's idempotency key. */
  key: string;
  /** What an inbound webhook call carried: merge fields read it as `{{payload.<key>}}`. */
  payload?: Record<string, unknown> | null;
};

/** A concurrent write got to the record first: not the action's failure, a reason to run the event again. */
export class WriteConflict extends Error {}

/** A field write as the record service takes it: `custom.<key>` goes under `custom`. */
export function inputOf(values: Record<string, unknown>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(values)) {
    if (field.startsWith('custom.')) input.custom = { ...(input.custom as object), [field.slice(7)]: value };
    else input[field] = value;
  }
  return input;
}

/** The record as the acting user may see and change it (404/403 as for a person), and its API view. */
export async function current(a: ActionContext, action: 'read' | 'update' = 'update') {
  // A record in the recycle bin (a "deleted" trigger) can still be read, told about and get a task; not edited.
  const deleted = action === 'read' && !!(await findRecord(a.tx, a.target.def.table, a.recordId))?.deleted_at;
  const row = await loadVisible({ tx: a.tx, ctx: a.ctx, def: a.target.def, id: a.recordId, action, deleted });
  const [view] = await present({ tx: a.tx, deps: a.deps, ctx: a.ctx, def: a.target.def, rows: [row] });
  return { row, view: (a.payload ? { ...view, payload: a.payload } : view) as unknown as RecordView };
}

/** Writes through the generic record service: access, validation, audit and the outbox event apply. */
async function writeFields(a: ActionContext, values: Record<string, unknown>, loaded?: Awaited<ReturnType<typeof current>>) {
  const { row } = loaded ?? (await current(a));
  const updated = await updateInTx(a.tx, { deps: a.deps, ctx: a.ctx, def: a.target.def, input: inputOf(values), row });
  // Someone else changed the record between our read and write: the whole delivery is retried (pg-boss backoff).
  if (!updated) throw new WriteConflict();
  return { changes: values };
}

export type AsStoredOptions = { target: RuleObject; field: string; value: unknown };
/** Decimal results stay strings for decimal columns (money); number columns and custom number fields take JSON numbers. */
export function asStored({ target, field, value }: AsStoredOptions): unknown {
  const type = target.catalog[field]?.type;
  const numeric = type === 'number' || (type === 'decimal' && field.startsWith('custom.'));
  return numeric && typeof value === 'string' && value !== '' ? Number(value) : value;
}

function tagList(view: RecordView, field: string): string[] {
  const value = readField(view, field);
  return Array.isArray(value) ? value.map(String) : [];
}

/** When a wait action started now ends. */
export const resumeAt = (now: Date, w: { days: number; hours: number; minutes: number }) =>
  new Date(now.getTime() + ((w.days * 24 + w.hours) * 60 + w.minutes) * 60_000);

export type RunActionOptions = { a: ActionContext; action: TAction; index: number };
/** Runs one action; returns what it did (the detail a run log and a dry run show). */
export async function runAction({ a, action, index }: RunActionOptions): Promise<Record<string, unknown>> {
  switch (action.type) {
    case 'notify':
    case 'send_email':
    case 'call_webhook': {
      const { row, view } = await current(a, 'read');
      return runOutreach({ a, action, index, view, ownerId: row.owner_id });
    }
    case 'update_fields': {
      const loaded = await current(a);
      const { view } = loaded;
      const values: Record<string, unknown> = {};
      for (const u of action.updates)
        values[u.field] = asStored({
          target: a.target,
          field: u.field,
          value: evaluateValue(u.value, view, { now: a.now, timeZone: a.timeZone, object: a.target.def.object }),
        });
      return writeFields(a, values, loaded);
    }
    case 'assign':
      return writeFields(a, { ownerId: action.userId });
    case 'add_tags':
    case 'remove_tags': {
      const loaded = await current(a);
      const before = tagList(loaded.view, action.field);
      const after = action.type === 'add_tags' ? [...new Set([...before, ...action.tags])] : before.filter((t) => !action.tags.includes(t));
      return writeFields(a, { [action.field]: after }, loaded);
    }
    case 'create_task':
      return createTask(a, action);
    case 'start_approval': {
      const { view } = await current(a);
      return startApproval({ a, action, view });
    }
    case 'create_record':
      return createRecord(a, action);
    case 'wait':
      // The engine handles waits (runActions); reaching here is a dry run's preview.
      return { resumeAt: resumeAt(a.now, action).toISOString() };
    case 'move_to_pool': {
      const { view } = await current(a);
      return moveToPool({ a, action, view });
    }
  }
}

async function createTask(a: ActionContext, action: Extract<TAction, { type: 'create_task' }>) {
  const activity = a.deps.objects.byName('activity')?.definition;
  if (!activity) throw workflowsErrors.missing('activity');
  requireAccess(a.ctx.access, 'activity', 'create');
  const { row, view } = await current(a, 'read');
  const object = a.target.def.object;
  const input: Record<string, unknown> = {
    type: 'task',
    subject: renderTemplate(action.subject, view, object).slice(0, 500),
    dueAt: new Date(a.now.getTime() + action.dueInDays * 86_400_000).toISOString(),
    ownerId: action.assigneeId ?? row.owner_id ?? a.ctx.userId,
  };
  // Linked to the record when activities link to this object (companyId, contactId, dealId, leadId).
  if (Object.hasOwn(activity.catalog, `${object}Id`)) input[`${object}Id`] = row.id;
  const task = await createInTx(a.tx, { deps: a.deps, ctx: a.ctx, def: activity, input });
  return { taskId: task.id, subject: input.subject, dueAt: input.dueAt, ownerId: input.ownerId };
}
