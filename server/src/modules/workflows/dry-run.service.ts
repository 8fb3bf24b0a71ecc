import { inTenant, type Tx } from '#db/tx.ts';
import { mayTouch, scopeOf } from '#platform/access/access.ts';
import { mayAutomate } from '#platform/access/automation-access.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { newId } from '#platform/ids.ts';
import { findRecord, type RecordTable } from '#platform/records/records.repo.ts';
import { actorOf, conditionsHold, envFor, runActions } from './engine.service.ts';
import { checkRule } from './rule-check.service.ts';
import { workflowsErrors } from './workflows.errors.ts';
import { toRule } from './workflows.mapper.ts';
import * as repo from './workflows.repo.ts';
import { requireAdmin } from './workflows.service.ts';
import type { TDryRunRequest, TDryRunResult, TTrigger } from './workflows.schema.ts';
import type { ChangeSet } from './conditions.rules.ts';

/** Carries the result out of a transaction that must not commit. */
class DryRunDone extends Error {
  constructor(readonly result: TDryRunResult) {
    super('dry run');
  }
}

/** Without changes given, the trigger's own "field changed (from A to B)" is taken as what happened. */
function pretended(trigger: TTrigger): ChangeSet | null {
  if (trigger.type !== 'updated' || !trigger.field) return null;
  return { [trigger.field]: { from: trigger.from ?? null, to: trigger.to ?? null } };
}

async function readable(o: { tx: Tx; ctx: RequestContext; table: string; object: string; id: string }): Promise<boolean> {
  if (o.ctx.access.isAdmin) return true;
  const scope = scopeOf(o.ctx.access, o.object, 'read');
  if (scope === 'none') return false;
  const row = await findRecord(o.tx, o.table as RecordTable, o.id);
  return !!row && mayTouch(o.ctx.access, scope, row.owner_id as string | null);
}

export type DryRunOptions = { deps: Deps; ctx: RequestContext; ruleId: string | null; input: TDryRunRequest };

/**
 * What the rule would do on a record, without writing: the conditions are decided as an event
 * would, then the actions really run (as the rule's owner, through the record service, so
 * refusals show) inside a transaction that is rolled back. Nothing is logged, audited or sent.
 */
export async function dryRun({ deps, ctx, ...o }: DryRunOptions): Promise<TDryRunResult> {
  requireAdmin(ctx);
  // The unsaved rule's dry run has nothing to run without the rule (the fuzzer found a 500 here).
  if (!o.ruleId && !o.input.rule) throw workflowsErrors.ruleRequired();
  try {
    await inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
      const saved = o.ruleId ? await repo.findRule(tx, o.ruleId) : undefined;
      if (o.ruleId && (!saved || !mayAutomate(ctx, 'read', saved.owner_id))) throw workflowsErrors.notFound();
      const rule = o.input.rule ?? toRule(saved as repo.RuleRow);
      const env = await envFor({ tx, deps, tenantId: ctx.tenantId });
      const target = await checkRule({ tx, deps, rule, timeZone: env.timeZone, access: ctx.access });
      // A record the user may not read is not found for them (its conditions would tell about it).
      if (!(await readable({ tx, ctx, table: target.def.table, object: target.def.object, id: o.input.recordId }))) throw workflowsErrors.recordNotFound();
      if (!(await conditionsHold({ env, target, rule: { trigger: { type: 'created' }, conditions: null }, recordId: o.input.recordId, changes: null })))
        throw workflowsErrors.recordNotFound();
      if (!(await conditionsHold({ env, target, rule, recordId: o.input.recordId, changes: o.input.changes ?? pretended(rule.trigger) })))
        throw new DryRunDone({ matched: false, reason: 'conditions_not_met', actions: [] });
      const actor = await actorOf({ env, rule: { id: saved?.id ?? newId(), owner_id: saved?.owner_id ?? (ctx.userId as string) }, runId: newId(), depth: 0 });
      if (!actor) throw new DryRunDone({ matched: true, reason: 'owner_inactive', actions: [] });
      const actions = await runActions(env, { ctx: actor, target, recordId: o.input.recordId, actions: rule.actions, dryRun: true, key: `dry-run:${newId()}` });
      throw new DryRunDone({ matched: true, reason: null, actions });
    });
  } catch (error) {
    if (error instanceof DryRunDone) return error.result;
    throw error;
  }
  throw new Error('dry run committed');
}
