import type { Tx } from '#db/tx.ts';
import type { EventCause } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import type { OutboxEvent, Subscriber } from '#platform/events/subscribers.ts';
import { type ChangeSet, resolveChanges, triggerConditions } from './conditions.rules.ts';
import { envFor, fireRule } from './engine.service.ts';
import { rulesForEvent } from './workflows.repo.ts';
import type { TTrigger } from './workflows.schema.ts';

/** An import's batch event (the imports module's `import.batch_committed`): the records it created and updated. */
const IMPORT_BATCH = 'import.batch_committed';

/** Record events a rule can start on: `<object>.<verb>`. */
const RECORD_TRIGGERS = new Set(['created', 'updated', 'deleted', 'restored', 'stage_changed']);

/** The field changes an event carries; a stage move without them is told as a `stageId` change. */
function changesOf(event: OutboxEvent, verb: string): ChangeSet | null {
  const p = event.payload as { changes?: ChangeSet; fromStageId?: unknown; toStageId?: unknown };
  if (p.changes) return p.changes;
  if (verb === 'stage_changed') return { stageId: { from: p.fromStageId ?? null, to: p.toStageId ?? null } };
  return null;
}

/** The trigger an event is: its verb, or `form_submitted` for a lead captured through a web-to-lead form. */
function triggerOf(event: OutboxEvent): string | null {
  const verb = event.type.slice(event.objectType.length + 1);
  if (!event.type.startsWith(`${event.objectType}.`)) return null;
  if (event.type === 'lead.captured') return (event.payload as { channel?: string }).channel === 'form' ? 'form_submitted' : null;
  return RECORD_TRIGGERS.has(verb) ? verb : null;
}

/** A form rule names one form or none (any). */
const formMatches = (trigger: TTrigger, event: OutboxEvent) =>
  trigger.type !== 'form_submitted' || !trigger.formId || trigger.formId === (event.payload as { formId?: string }).formId;

type BatchPayload = { records?: Record<string, { created?: string[]; updated?: string[] }>; changes?: Record<string, ChangeSet> };

/**
 * An import batch (#21): each object's created and updated records, against its rules loaded once;
 * a run is claimed once per rule, batch event and record, so a redelivered batch fires nothing twice.
 */
async function onImportBatch(deps: Deps, event: OutboxEvent, tx: Tx): Promise<void> {
  const p = event.payload as BatchPayload;
  let env: Awaited<ReturnType<typeof envFor>> | undefined;
  for (const [object, ids] of Object.entries(p.records ?? {})) {
    for (const verb of ['created', 'updated'] as const) {
      const records = ids[verb] ?? [];
      const rules = records.length ? (await rulesForEvent(tx, object, verb)).filter((r) => new Date(r.updated_at).getTime() <= event.createdAt.getTime()) : [];
      if (!rules.length) continue;
      env ??= await envFor({ tx, deps, tenantId: event.tenantId });
      for (const rule of rules)
        for (const recordId of records) {
          const changes = verb === 'updated' ? (p.changes?.[recordId] ?? null) : null;
          const triggerKey = `${event.id}:${recordId}`;
          await fireRule(env, { rule, recordId, triggerKey, triggerEvent: `${object}.${verb}`, eventId: event.id, depth: 0, changes });
        }
    }
  }
}

/** An `updated` rule's "field X changed (from A to B)", decided on the event alone (no query): false when it cannot hold. */
function triggerMayHold(trigger: TTrigger, changes: ChangeSet | null): boolean {
  return trigger.type !== 'updated' || !trigger.field || resolveChanges(triggerConditions(trigger), changes) !== false;
}

/** Fires the object's enabled rules for this event kind, in order, in the delivery's transaction. */
export async function onRecordEvent(deps: Deps, event: OutboxEvent, tx: Tx): Promise<void> {
  if (event.type === IMPORT_BATCH) return onImportBatch(deps, event, tx);
  const verb = triggerOf(event);
  if (!event.objectId || !verb) return;
  const changes = changesOf(event, verb);
  // A rule applies to changes made after it was saved: an older event still in the outbox (the demo load, a backlog) is not its business.
  // Rules whose trigger field did not change are dropped before anything is loaded (a rule's own write of another field, most often).
  const rules = (await rulesForEvent(tx, event.objectType, verb)).filter(
    (r) =>
      formMatches(r.trigger as TTrigger, event) &&
      new Date(r.updated_at).getTime() <= event.createdAt.getTime() &&
      triggerMayHold(r.trigger as TTrigger, changes),
  );
  if (rules.length === 0) return;
  const env = await envFor({ tx, deps, tenantId: event.tenantId });
  const depth = (event.payload.cause as EventCause | undefined)?.depth ?? 0;
  for (const rule of rules) {
    await fireRule(env, { rule, recordId: event.objectId, triggerKey: event.id, triggerEvent: event.type, eventId: event.id, depth, changes });
  }
}

/** One subscriber for every record event; deliveries are at least once, runs are claimed once per (rule, event). */
export const workflowSubscribers = (deps: Deps): Subscriber[] => [
  { name: 'workflows.record-events', events: ['*'], handle: (event, tx) => onRecordEvent(deps, event, tx) },
];
