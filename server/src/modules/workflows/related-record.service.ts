import { requireAccess } from '#platform/access/access.ts';
import { createInTx } from '#platform/records/record-service.ts';
import { type ActionContext, asStored, current, inputOf } from './actions.service.ts';
import { evaluateValue } from './formula.rules.ts';
import { ruleObject } from './rule-check.service.ts';
import type { TAction } from './workflows.schema.ts';
import { workflowsErrors } from './workflows.errors.ts';

type CreateRecord = Extract<TAction, { type: 'create_record' }>;

/**
 * Creates a record of another object (a deal for a contact's company, a follow-up of a custom
 * object) as the rule's owner, with values computed from the triggering record as they may see
 * it (masked fields stay masked). It goes through the object's own create path when it has one
 * (a deal's pipeline and stage, a lead's duplicate rules), else the record service: validation,
 * audit and the `<object>.created` event apply, and that event may start rules one level deeper.
 */
export async function createRecord(a: ActionContext, action: CreateRecord) {
  const target = await ruleObject({ tx: a.tx, deps: a.deps, name: action.object });
  if (!target) throw workflowsErrors.missing(action.object);
  requireAccess(a.ctx.access, target.def.object, 'create');
  const { row, view } = await current(a, 'read');
  const values: Record<string, unknown> = {};
  for (const v of action.values)
    values[v.field] = asStored({
      target,
      field: v.field,
      value: evaluateValue(v.value, view, { now: a.now, timeZone: a.timeZone, object: a.target.def.object }),
    });
  const input = inputOf(values);
  if (target.declaration.capabilities.includes('owned') && input.ownerId === undefined) input.ownerId = row.owner_id ?? a.ctx.userId;
  const spec = target.declaration.import;
  const parsed = spec?.schemas.create.safeParse(input);
  if (parsed && !parsed.success) throw workflowsErrors.invalidValues(parsed.error.issues);
  const body = (parsed?.data ?? input) as Record<string, unknown>;
  const created = spec?.create
    ? (await spec.create(a.tx, { deps: a.deps, ctx: a.ctx, input: body })).record
    : await createInTx(a.tx, { deps: a.deps, ctx: a.ctx, def: target.def, input: body });
  return { object: target.def.object, recordId: created.id, values };
}
