import { type SqlBool, sql } from 'kysely';
import type { Tx } from '#db/tx.ts';
import { accessOf } from '#platform/auth/auth.service.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { AppError } from '#platform/errors/app-error.ts';
import type { Locale } from '#platform/i18n/i18n.ts';
import { translate } from '#platform/i18n/i18n.ts';
import { newId } from '#platform/ids.ts';
import { storableText } from '#platform/logging/redaction.ts';
import { compileFilter } from '#platform/query/filter.ts';
import { resumeAt, runAction, WriteConflict } from './actions.service.ts';
import { type ChangeSet, resolveChanges, triggerConditions } from './conditions.rules.ts';
import { FormulaError } from './formula.rules.ts';
import { resolvePayload } from './payload-conditions.rules.ts';
import { ActionRefusal } from './outreach.service.ts';
import { type RuleObject, ruleObject } from './rule-check.service.ts';
import { fieldsOutOfReach } from './rule-reach.service.ts';
import * as savepoints from './savepoints.repo.ts';
import { activeUser, claimRun, finishRun, insertWait, recordMatches, type RuleRow, tenantSettings } from './workflows.repo.ts';
import type { RunStatus, TAction, TActionOutcome, TTrigger } from './workflows.schema.ts';

/** Changes made by rule actions start rules again at most this many levels deep (the user's own write is level 0). */
export const MAX_DEPTH = 3;

/** What one firing needs to know besides the rule: the tenant's clock and language, and the objects looked up once. */
export type Env = { tx: Tx; deps: Deps; tenantId: string; timeZone: string; locale: Locale; now: Date; objects: Map<string, RuleObject | undefined> };

export type EnvForOptions = { tx: Tx; deps: Deps; tenantId: string; now?: Date };
/** A firing's Env in the caller's transaction, `now` the time rules see (a job passes its own). */
export async function envFor({ tx, deps, tenantId, now = new Date() }: EnvForOptions): Promise<Env> {
  const t = await tenantSettings(tx, tenantId);
  return { tx, deps, tenantId, timeZone: t.timezone, locale: t.locale === 'en' ? 'en' : 'zh-CN', now, objects: new Map() };
}

export async function objectOf(env: Env, name: string): Promise<RuleObject | undefined> {
  if (!env.objects.has(name)) env.objects.set(name, await ruleObject({ tx: env.tx, deps: env.deps, name }));
  return env.objects.get(name);
}

type RuleShape = { trigger: TTrigger; conditions: unknown };

export type ConditionsHoldOptions = {
  env: Env;
  target: RuleObject;
  rule: RuleShape;
  recordId: string;
  changes: ChangeSet | null;
  payload?: Record<string, unknown> | null;
};
/** The trigger's own "field changed" and the rule's conditions, decided against the event and then the record (one query). */
export async function conditionsHold({ env, target, rule, recordId, changes, payload = null }: ConditionsHoldOptions): Promise<boolean> {
  const fromTrigger = rule.trigger.type === 'updated' ? triggerConditions(rule.trigger) : null;
  const own = resolvePayload(rule.conditions, payload);
  if (own === false) return false;
  const conditions = own === true ? null : own;
  const tree = fromTrigger && conditions ? { and: [fromTrigger, conditions] } : (fromTrigger ?? conditions);
  const resolved = resolveChanges(tree, changes);
  if (resolved === false) return false;
  const where = resolved === true ? sql<SqlBool>`true` : compileFilter(JSON.stringify(resolved), target.conditions);
  return recordMatches(env.tx, target.def.table, recordId, where ?? sql<SqlBool>`true`);
}

/** Why an action failed, in the tenant's language, for the run log. */
function describe(error: unknown, locale: Locale): string {
  if (error instanceof AppError) {
    const fields = error.errors.map((e) => `${e.field}: ${translate(locale, e.message, e.params)}`);
    const key = error.message.includes('.') ? error.message : `errors.${error.message}`;
    return [translate(locale, key, { object: 'record', ...error.params }), ...fields].join('; ');
  }
  if (error instanceof FormulaError) return translate(locale, `workflows.formula_${error.message}`);
  if (error instanceof ActionRefusal) return translate(locale, `workflows.${error.message}`);
  // Anything else is a message from below (a driver, a receiver): stored in the run log scrubbed, as a log line.
  return storableText(error instanceof Error ? error.message : String(error)) as string;
}

/** What a wait does in a real run: schedules the rest (from `next`) and says when. */
export type OnWait = (o: { next: number; resumeAt: Date }) => Promise<void>;

export type RunActionsOptions = {
  ctx: RequestContext;
  target: RuleObject;
  recordId: string;
  actions: TAction[];
  dryRun: boolean;
  key: string;
  /** Where to start (a resumed run goes on after its wait). */
  from?: number;
  /** Absent in a dry run: a wait is shown and the rest previewed at once. */
  onWait?: OnWait;
  /** An inbound webhook call's body, for `{{payload.<key>}}`. */
  payload?: Record<string, unknown> | null;
};

/**
 * Runs actions in order, each in a savepoint: a failure undoes that action only, is logged, and
 * skips the rest. A wait schedules the rest for later (onWait) and ends this part of the run.
 */
export async function runActions(env: Env, o: RunActionsOptions) {
  const outcomes: TActionOutcome[] = [];
  let failed = false;
  for (const [index, action] of o.actions.entries()) {
    if (index < (o.from ?? 0)) continue;
    if (failed) {
      outcomes.push({ index, type: action.type, status: 'skipped', error: null, detail: null });
      continue;
    }
    if (action.type === 'wait' && o.onWait) {
      const at = resumeAt(env.now, action);
      await o.onWait({ next: index + 1, resumeAt: at });
      outcomes.push({ index, type: action.type, status: 'waiting', error: null, detail: { resumeAt: at.toISOString() } });
      break;
    }
    await savepoints.savepoint(env.tx);
    try {
      const detail = await runAction({
        a: {
          tx: env.tx,
          deps: env.deps,
          ctx: o.ctx,
          target: o.target,
          recordId: o.recordId,
          now: env.now,
          timeZone: env.timeZone,
          key: o.key,
          payload: o.payload ?? null,
        },
        action,
        index,
      });
      await savepoints.release(env.tx);
      outcomes.push({ index, type: action.type, status: o.dryRun ? 'planned' : 'succeeded', error: null, detail });
    } catch (error) {
      // The run and everything before it roll back with the delivery, which pg-boss retries.
      if (error instanceof WriteConflict) throw error;
      await savepoints.rollbackTo(env.tx);
      outcomes.push({ index, type: action.type, status: 'failed', error: describe(error, env.locale), detail: null });
      failed = true;
    }
  }
  return outcomes;
}

/** A run's status from its action outcomes (so far). */
export const statusOf = (outcomes: TActionOutcome[]): RunStatus =>
  outcomes.some((x) => x.status === 'failed') ? 'failed' : outcomes.at(-1)?.status === 'waiting' ? 'waiting' : 'succeeded';

export type ActorOfOptions = { env: Env; rule: Pick<RuleRow, 'owner_id' | 'id'> } & { runId: string; depth: number };
/** Who a rule acts as: its owner (the admin who made it), with their roles; the cause rides along in every event it writes. */
export async function actorOf({ env, rule, ...o }: ActorOfOptions): Promise<RequestContext | null> {
  if (!(await activeUser(env.tx, rule.owner_id))) return null;
  return {
    tenantId: env.tenantId,
    userId: rule.owner_id,
    requestId: o.runId,
    ip: null,
    locale: env.locale,
    access: await accessOf({ db: env.tx, tenantId: env.tenantId, userId: rule.owner_id }),
    cause: { depth: o.depth + 1, ruleId: rule.id, runId: o.runId },
  };
}

export type Firing = {
  rule: RuleRow;
  recordId: string;
  /** Unique per rule: the event id, or the moment a time rule fired for this record. */
  triggerKey: string;
  triggerEvent: string;
  eventId: string | null;
  depth: number;
  changes: ChangeSet | null;
  /** An inbound webhook call's body (conditions `payload.<key>`, merge fields `{{payload.<key>}}`). */
  payload?: Record<string, unknown> | null;
};

export type SkipOutOfReachOptions = { env: Env; rule: RuleRow; triggerKey: string; triggerEvent: string; fields: string[] };
/** A time rule's tick that names a field its owner may no longer read: one skipped run says so, for no record (picking them would read it). */
export async function skipOutOfReach({ env, rule, ...o }: SkipOutOfReachOptions): Promise<void> {
  const runId = newId();
  const claimed = await claimRun(env.tx, {
    tenant_id: env.tenantId,
    id: runId,
    rule_id: rule.id,
    rule_name: rule.name,
    object: rule.object,
    record_id: null,
    trigger_key: o.triggerKey,
    trigger_event: o.triggerEvent,
    event_id: null,
    depth: 0,
    status: 'running',
  });
  if (claimed) await finishRun(env.tx, runId, { status: 'skipped', reason: 'field_not_readable', reason_fields: o.fields, actions: '[]', duration_ms: 0 });
}

/** The fields of a time rule its owner may no longer read (empty: none). */
export const outOfReach = (env: Env, target: RuleObject, rule: RuleRow) =>
  fieldsOutOfReach({ tx: env.tx, target, rule, access: () => accessOf({ db: env.tx, tenantId: env.tenantId, userId: rule.owner_id }) });

/**
 * Fires one rule on one record if its conditions hold: claims the run (once per rule and
 * trigger key, so a redelivered event does nothing), stops past MAX_DEPTH, runs the actions
 * as the rule's owner and logs each outcome and the duration. Returns the run's status, or
 * null when the rule did not apply or had already run.
 */
export async function fireRule(env: Env, f: Firing): Promise<RunStatus | null> {
  const started = performance.now();
  const target = await objectOf(env, f.rule.object);
  if (!target) return null;
  const rule = { trigger: f.rule.trigger as TTrigger, conditions: f.rule.conditions };
  // A field the owner may no longer read is not evaluated at all: the run is skipped whatever its value.
  const access = () => accessOf({ db: env.tx, tenantId: env.tenantId, userId: f.rule.owner_id });
  const hidden = await fieldsOutOfReach({ tx: env.tx, target, rule: f.rule, access });
  if (hidden.length > 0) {
    // Still only on the trigger's own (readable) field, so an unrelated change logs nothing.
    const t = rule.trigger;
    if (t.type === 'updated' && t.field && !hidden.includes(t.field) && resolveChanges(triggerConditions(t), f.changes) === false) return null;
  } else if (!(await conditionsHold({ env, target, rule, recordId: f.recordId, changes: f.changes, payload: f.payload ?? null }))) return null;
  const runId = newId();
  const claimed = await claimRun(env.tx, {
    tenant_id: env.tenantId,
    id: runId,
    rule_id: f.rule.id,
    rule_name: f.rule.name,
    object: f.rule.object,
    record_id: f.recordId,
    trigger_key: f.triggerKey,
    trigger_event: f.triggerEvent,
    event_id: f.eventId,
    depth: f.depth,
    status: 'running',
  });
  if (!claimed) return null;
  const finish = async (status: RunStatus, reason: string | null, actions: TActionOutcome[] = [], fields: string[] | null = null) => {
    const duration = Math.round(performance.now() - started);
    await finishRun(env.tx, runId, { status, reason, reason_fields: fields, actions: JSON.stringify(actions), duration_ms: duration });
    return status;
  };
  if (hidden.length > 0) return finish('skipped', 'field_not_readable', [], hidden);
  if (f.depth >= MAX_DEPTH) return finish('stopped', 'loop_depth');
  const ctx = await actorOf({ env, rule: f.rule, runId, depth: f.depth });
  if (!ctx) return finish('failed', 'owner_inactive');
  const outcomes = await runActions(env, {
    ctx,
    target,
    recordId: f.recordId,
    actions: f.rule.actions as TAction[],
    dryRun: false,
    key: `${f.rule.id}:${f.triggerKey}`,
    payload: f.payload ?? null,
    onWait: ({ next, resumeAt }) =>
      insertWait(env.tx, {
        tenant_id: env.tenantId,
        id: newId(),
        run_id: runId,
        rule_id: f.rule.id,
        object: f.rule.object,
        record_id: f.recordId,
        trigger_key: f.triggerKey,
        depth: f.depth,
        actions: JSON.stringify(f.rule.actions),
        next_index: next,
        payload: f.payload ? JSON.stringify(f.payload) : null,
        resume_at: resumeAt,
      }),
  });
  return finish(statusOf(outcomes), null, outcomes);
}
