import type { RuleRow, RunRow } from './workflows.repo.ts';
import type { RunStatus, TAction, TActionOutcome, TTrigger, TWorkflowRule, TWorkflowRun } from './workflows.schema.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export const toRule = (r: RuleRow, attention: string[] = []): TWorkflowRule => ({
  id: r.id,
  name: r.name,
  description: r.description,
  object: r.object,
  trigger: r.trigger as TTrigger,
  conditions: (r.conditions ?? null) as Record<string, unknown> | null,
  actions: r.actions as TAction[],
  enabled: r.enabled,
  position: r.position,
  ownerId: r.owner_id,
  nextRunAt: iso(r.next_run_at),
  hookTokenSet: r.hook_token_hash !== null,
  attention: attention.length > 0 ? { reason: 'field_not_readable', fields: attention } : null,
  createdAt: iso(r.created_at) as string,
  updatedAt: iso(r.updated_at) as string,
  version: r.version,
});

export const toRun = (r: RunRow): TWorkflowRun => ({
  id: r.id,
  ruleId: r.rule_id,
  ruleName: r.rule_name,
  object: r.object,
  recordId: r.record_id,
  triggerEvent: r.trigger_event,
  eventId: r.event_id,
  depth: r.depth,
  // A run still 'running' was cut short by a crash mid-transaction and rolled back; none is stored that way.
  status: r.status as RunStatus,
  reason: r.reason,
  reasonFields: r.reason_fields,
  actions: r.actions as TActionOutcome[],
  startedAt: iso(r.started_at) as string,
  durationMs: r.duration_ms,
});
