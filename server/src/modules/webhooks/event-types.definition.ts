import type { Label } from '#platform/objects/object-registry.ts';

/** What every record object emits (record-service.ts). */
const RECORD_VERBS = ['created', 'updated', 'deleted', 'restored'] as const;

/** Events modules emit beside the record verbs (grep emitEvent): the events picker offers them. */
const MORE_VERBS: Record<string, readonly string[]> = {
  contact: ['merged', 'pool_claimed', 'pool_assigned', 'pool_returned', 'pool_recycled'],
  company: ['merged', 'pool_claimed', 'pool_assigned', 'pool_returned', 'pool_recycled'],
  lead: ['status_changed', 'captured', 'converted', 'confirmation_requested', 'confirmed', 'merged'],
  deal: ['stage_changed', 'won', 'lost', 'stale', 'overdue'],
  activity: ['reminder_due'],
};

export type EventTypeEntry = { type: string; object: string; label: Label };

/** The approvals' outbox events (approvals/flow.service.ts), about the record submitted, whatever its object. */
const APPROVAL_EVENTS: EventTypeEntry[] = ['submitted', 'approved', 'rejected', 'recalled'].map((verb) => ({
  type: `approval.${verb}`,
  object: 'approval',
  label: { zh: '审批', en: 'Approval' },
}));

/** An import's committed batch (#21): the records it created and updated, in place of their per-record events. */
const IMPORT_EVENTS: EventTypeEntry[] = [{ type: 'import.batch_committed', object: 'import', label: { zh: '导入', en: 'Import' } }];

/** Every event type a subscription may name, for the record objects given (standard and the tenant's custom ones), and approvals'. */
export function eventTypesOf(objects: readonly { name: string; label: Label; record: boolean }[]): EventTypeEntry[] {
  return [
    ...objects
      .filter((o) => o.record)
      .flatMap((o) => [...RECORD_VERBS, ...(MORE_VERBS[o.name] ?? [])].map((verb) => ({ type: `${o.name}.${verb}`, object: o.name, label: o.label }))),
    ...APPROVAL_EVENTS,
    ...IMPORT_EVENTS,
  ];
}

/** `*`, `<object>.*` for a known object, or a listed type. */
export function eventAllowed(pattern: string, entries: readonly EventTypeEntry[]): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('.*')) return entries.some((e) => e.object === pattern.slice(0, -2));
  return entries.some((e) => e.type === pattern);
}

/** Does a subscription's pattern list take this event type (the outbox subscribers' matching)? */
export const patternsMatch = (patterns: readonly string[], type: string): boolean =>
  patterns.some((p) => p === '*' || p === type || (p.endsWith('.*') && type.startsWith(p.slice(0, -1))));

/** The objects a subscription's events are about; null when `*` covers all of them. */
export function objectsOf(patterns: readonly string[]): string[] | null {
  if (patterns.includes('*')) return null;
  return [...new Set(patterns.map((p) => p.split('.')[0] as string))];
}
