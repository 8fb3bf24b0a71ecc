import { sql } from 'kysely';
import { inSystem, inTenant } from '#db/tx.ts';
import type { Deps } from '#platform/deps.ts';
import { compileFilter } from '#platform/query/filter.ts';
import { resolveChanges } from './conditions.rules.ts';
import { type Env, envFor, fireRule, objectOf, outOfReach, skipOutOfReach } from './engine.service.ts';
import { nextRunAt } from './schedule.rules.ts';
import { resumeWaits } from './waits.service.ts';
import { dueRecords, findRule, recordIds, type RuleRow, setRuleClock, timeRules } from './workflows.repo.ts';
import type { TTrigger } from './workflows.schema.ts';

/** Every minute, one run across all runners: fires date-relative and scheduled rules that are due. */
export const WORKFLOW_TICK_JOB = 'workflows.tick';

/** Records one tick handles per rule; the rest wait for the next minute (the scan resumes where it stopped). */
const BATCH = 500;

type DateTrigger = Extract<TTrigger, { type: 'date' }>;
type ScheduleTrigger = Extract<TTrigger, { type: 'schedule' }>;

/** Date rules: records whose field +/- days (at the rule's time, in the tenant's zone) fell since the last scan. */
async function scanDateRule(env: Env, rule: RuleRow, t: DateTrigger): Promise<number> {
  const since = rule.scanned_until;
  // A new (or re-enabled) rule starts now: it never fires for moments already past.
  if (!since) {
    await setRuleClock(env.tx, rule.id, { scanned_until: env.now });
    return 0;
  }
  const target = await objectOf(env, rule.object);
  const spec = target?.catalog[t.field];
  if (!target || !spec) return 0;
  const hidden = await outOfReach(env, target, rule);
  if (hidden.length > 0) {
    // Which records are due would tell the hidden date: none is picked; one skipped run a day says why.
    const day = env.now.toISOString().slice(0, 10);
    await skipOutOfReach({ env, rule, triggerKey: `date:field_not_readable:${day}`, triggerEvent: 'date', fields: hidden });
    await setRuleClock(env.tx, rule.id, { scanned_until: env.now });
    return 0;
  }
  const fireAt =
    spec.type === 'date'
      ? sql`((${spec.expr})::date + ${t.offsetDays}::int + ${t.time}::time) at time zone ${env.timeZone}`
      : sql`(${spec.expr}) + make_interval(days => ${t.offsetDays}::int)`;
  const due = await dueRecords(env.tx, { table: target.def.table, fireAt, since: new Date(since), until: env.now, limit: BATCH });
  let fired = 0;
  for (const r of due) {
    const key = `date:${new Date(r.fire_at).toISOString()}:${r.id}`;
    const status = await fireRule(env, { rule, recordId: r.id, triggerKey: key, triggerEvent: 'date', eventId: null, depth: 0, changes: null });
    if (status) fired++;
  }
  const last = due.at(-1);
  await setRuleClock(env.tx, rule.id, { scanned_until: due.length === BATCH && last ? new Date(last.fire_at) : env.now });
  return fired;
}

/** Schedule rules: at each due tick, every live record matching the conditions, once per tick. */
async function runScheduleRule(env: Env, rule: RuleRow, t: ScheduleTrigger): Promise<number> {
  const next = () => nextRunAt(t.cron, env.timeZone, env.now);
  if (!rule.next_run_at) {
    await setRuleClock(env.tx, rule.id, { next_run_at: next() });
    return 0;
  }
  const tick = new Date(rule.next_run_at);
  if (tick > env.now) return 0;
  const target = await objectOf(env, rule.object);
  const resolved = resolveChanges(rule.conditions, null);
  const hidden = target ? await outOfReach(env, target, rule) : [];
  let fired = 0;
  if (hidden.length > 0) {
    // Which records match would tell the hidden value: none is picked; the tick's one skipped run says why.
    await skipOutOfReach({ env, rule, triggerKey: `cron:${tick.toISOString()}:field_not_readable`, triggerEvent: 'schedule', fields: hidden });
  } else if (target && resolved !== false) {
    const where = resolved === true ? null : compileFilter(JSON.stringify(resolved), target.conditions);
    let after: string | null = null;
    for (;;) {
      const ids = await recordIds(env.tx, { table: target.def.table, where, after, limit: BATCH });
      for (const id of ids) {
        const key = `cron:${tick.toISOString()}:${id}`;
        if (await fireRule(env, { rule, recordId: id, triggerKey: key, triggerEvent: 'schedule', eventId: null, depth: 0, changes: null })) fired++;
      }
      if (ids.length < BATCH) break;
      after = ids.at(-1) ?? null;
    }
  }
  await setRuleClock(env.tx, rule.id, { next_run_at: next() });
  return fired;
}

/** One pass over every tenant's enabled time rules and due waits; each rule in its own transaction, locked so two runners never both fire it. */
export async function tickWorkflows(o: { deps: Deps; now?: Date }): Promise<number> {
  const now = o.now ?? new Date();
  const rules = await inSystem(o.deps.db.kysely, (tx) => timeRules(tx));
  let fired = 0;
  for (const { tenant_id: tenantId, id } of rules) {
    fired += await inTenant(o.deps.db.kysely, tenantId, async (tx) => {
      const rule = await findRule(tx, id, true);
      if (!rule?.enabled) return 0;
      const env = await envFor({ tx, deps: o.deps, tenantId, now });
      const trigger = rule.trigger as TTrigger;
      if (trigger.type === 'date') return scanDateRule(env, rule, trigger);
      if (trigger.type === 'schedule') return runScheduleRule(env, rule, trigger);
      return 0;
    });
  }
  return fired + (await resumeWaits({ deps: o.deps, now }));
}
