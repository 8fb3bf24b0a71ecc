import { createHash, randomBytes } from 'node:crypto';
import { inSystem, inTenant } from '#db/tx.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { compileFilter } from '#platform/query/filter.ts';
import { WriteConflict } from './actions.service.ts';
import { envFor, fireRule, objectOf } from './engine.service.ts';
import { workflowsErrors } from './workflows.errors.ts';
import * as repo from './workflows.repo.ts';
import { mayAutomate } from '#platform/access/automation-access.ts';
import { requireAdmin } from './workflows.service.ts';
import type { TTrigger } from './workflows.schema.ts';

export const HOOK_PATH = '/api/v1/workflows/hooks';
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type CreateHookTokenOptions = { deps: Deps; ctx: RequestContext; id: string };
/** Makes (or replaces) an inbound-webhook rule's secret URL; the old one stops working. The token is shown only now. */
export async function createHookToken({ deps, ctx, id }: CreateHookTokenOptions): Promise<{ token: string; path: string }> {
  requireAdmin(ctx);
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const rule = await repo.findRule(tx, id, true);
    if (!rule || !mayAutomate(ctx, 'read', rule.owner_id)) throw workflowsErrors.notFound();
    if (!mayAutomate(ctx, 'update', rule.owner_id)) throw workflowsErrors.forbidden();
    if ((rule.trigger as TTrigger).type !== 'webhook') throw workflowsErrors.notHookRule();
    const token = randomBytes(32).toString('base64url');
    await repo.setHookToken(tx, id, hashOf(token));
    return { token, path: `${HOOK_PATH}/${token}` };
  });
}

export type HookCallOptions = { token: string; body: Record<string, unknown>; idempotencyKey: string | undefined; requestId: string };

export type CallHookOptions = { deps: Deps } & HookCallOptions;
/**
 * An inbound call: finds the rule by its token's hash (404 if none), refuses it when switched off
 * (409), finds the record the body names (its `recordId`, or the rule's match field; 400 when not
 * exactly one live record), then fires the rule on it as any trigger does, the body as `payload`.
 * A retry with the same Idempotency-Key does nothing again (the run is claimed per rule and key).
 */
export async function callHook({ deps, ...o }: CallHookOptions) {
  const hash = hashOf(o.token);
  const found = await inSystem(deps.db.kysely, (tx) => repo.ruleByHook(tx, hash));
  if (!found) throw workflowsErrors.hookNotFound();
  try {
    return await inTenant(deps.db.kysely, found.tenant_id, async (tx) => {
      const rule = await repo.findRule(tx, found.id);
      if (!rule || rule.hook_token_hash !== hash) throw workflowsErrors.hookNotFound();
      const trigger = rule.trigger as TTrigger;
      if (!rule.enabled || trigger.type !== 'webhook') throw workflowsErrors.hookOff();
      const env = await envFor({ tx, deps, tenantId: found.tenant_id });
      const target = await objectOf(env, rule.object);
      if (!target) throw workflowsErrors.hookOff();
      const field = trigger.matchField ?? 'recordId';
      const value = o.body[trigger.matchField ?? 'recordId'];
      if (value === undefined || value === null || value === '' || typeof value === 'object') throw workflowsErrors.hookNoRecord(field);
      if (!trigger.matchField && !UUID.test(String(value))) throw workflowsErrors.hookNoRecord(field);
      const where = compileFilter(JSON.stringify({ [trigger.matchField ?? 'id']: { eq: value } }), target.catalog);
      const ids = await repo.recordIds(tx, { table: target.def.table, where, after: null, limit: 2 });
      if (ids.length !== 1) throw workflowsErrors.hookNoRecord(field);
      const recordId = ids[0] as string;
      const key = `hook:${o.idempotencyKey ?? o.requestId}`;
      const status = await fireRule(env, { rule, recordId, triggerKey: key, triggerEvent: 'webhook', eventId: null, depth: 0, changes: null, payload: o.body });
      return { matched: status !== null, recordId, status };
    });
  } catch (error) {
    // A concurrent edit of the record won: the caller may retry (with the same Idempotency-Key).
    if (error instanceof WriteConflict) throw workflowsErrors.conflict();
    throw error;
  }
}
