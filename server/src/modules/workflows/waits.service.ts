import { type SqlBool, sql } from 'kysely';
import { inSystem, inTenant } from '#db/tx.ts';
import type { Deps } from '#platform/deps.ts';
import { newId } from '#platform/ids.ts';
import { compileFilter } from '#platform/query/filter.ts';
import { WriteConflict } from './actions.service.ts';
import { withoutChangeOperators } from './conditions.rules.ts';
import { actorOf, envFor, objectOf, outOfReach, runActions, statusOf } from './engine.service.ts';
import { resolvePayload } from './payload-conditions.rules.ts';
import * as repo from './workflows.repo.ts';
import type { RunStatus, TAction, TActionOutcome } from './workflows.schema.ts';

/** Waits one tick resumes; the rest are due at the next minute. */
const BATCH = 200;

/**
 * Resumes runs whose wait is over: each in its own transaction, the wait taken with SKIP LOCKED
 * and marked done with the actions' writes, so two runners never both resume it and a crash
 * resumes it again later. The rule must still be on and its record conditions (not the event's
 * change conditions, which belong to the firing) must still hold; the rest of the actions, as
 * they were when the rule fired, run as the rule's owner and are appended to the same run.
 */
export async function resumeWaits(o: { deps: Deps; now: Date }): Promise<number> {
  const due = await inSystem(o.deps.db.kysely, (tx) => repo.dueWaits(tx, o.now, BATCH));
  let resumed = 0;
  for (const { tenant_id: tenantId, id } of due) {
    try {
      if (await inTenant(o.deps.db.kysely, tenantId, (tx) => resumeOne(o.deps, tx, tenantId, id, o.now))) resumed++;
    } catch (error) {
      // A lost race with a concurrent edit, or a bug: the wait stays due and the next tick tries again.
      if (!(error instanceof WriteConflict)) o.deps.log.error({ err: error, waitId: id }, 'workflow wait failed to resume');
    }
  }
  return resumed;
}

async function resumeOne(deps: Deps, tx: Parameters<typeof repo.takeWait>[0], tenantId: string, id: string, now: Date): Promise<boolean> {
  const wait = await repo.takeWait(tx, id);
  if (!wait) return false;
  const started = performance.now();
  await repo.finishWait(tx, id, now);
  const run = await repo.findRun(tx, wait.run_id);
  if (!run) return false;
  const before = (run.actions as TActionOutcome[]).map((a) => (a.status === 'waiting' ? { ...a, status: 'succeeded' as const } : a));
  const finish = async (status: RunStatus, reason: string | null, outcomes: TActionOutcome[] = [], fields: string[] | null = null) => {
    const duration = run.duration_ms + Math.round(performance.now() - started);
    await repo.finishRun(tx, run.id, { status, reason, reason_fields: fields, actions: JSON.stringify([...before, ...outcomes]), duration_ms: duration });
    return true;
  };
  const rule = await repo.findRule(tx, wait.rule_id);
  if (!rule?.enabled) return finish('skipped', 'rule_off');
  const env = await envFor({ tx, deps, tenantId, now });
  const target = await objectOf(env, wait.object);
  if (!target) return finish('skipped', 'rule_off');
  // The rule's conditions and the actions still to run, held to what the owner may read now.
  const hidden = await outOfReach(env, target, { ...rule, actions: wait.actions });
  if (hidden.length > 0) return finish('skipped', 'field_not_readable', [], hidden);
  const payload = (wait.payload ?? null) as Record<string, unknown> | null;
  const own = resolvePayload(withoutChangeOperators(rule.conditions), payload);
  if (own === false) return finish('skipped', 'conditions_not_met');
  const filter = own === true ? null : (own as Record<string, unknown> | null);
  const where = filter ? compileFilter(JSON.stringify(filter), target.conditions) : null;
  const live = sql<SqlBool>`deleted_at is null`;
  if (!(await repo.recordMatches(tx, target.def.table, wait.record_id, where ? sql<SqlBool>`${live} and ${where}` : live)))
    return finish('skipped', 'conditions_not_met');
  const ctx = await actorOf({ env, rule, runId: run.id, depth: wait.depth });
  if (!ctx) return finish('failed', 'owner_inactive');
  const outcomes = await runActions(env, {
    ctx,
    target,
    recordId: wait.record_id,
    actions: wait.actions as TAction[],
    dryRun: false,
    key: `${wait.rule_id}:${wait.trigger_key}`,
    from: wait.next_index,
    payload,
    onWait: ({ next, resumeAt }) =>
      repo.insertWait(tx, {
        ...wait,
        id: newId(),
        actions: JSON.stringify(wait.actions),
        payload: wait.payload === null ? null : JSON.stringify(wait.payload),
        next_index: next,
        resume_at: resumeAt,
        created_at: now,
        done_at: null,
      }),
  });
  return finish(statusOf(outcomes), null, outcomes);
}
