import type { Tx } from '#db/tx.ts';
import { approvalProcessOf } from '#modules/approvals/index.ts';
import { leadFormOf } from '#modules/leads/index.ts';
import { findTemplateInTx, validateTemplate } from '#modules/mail/index.ts';
import { poolOf, poolTargets } from '#modules/pool/index.ts';
import type { AccessProfile } from '#platform/access/access.ts';
import { customDefsOf } from '#platform/custom-fields/custom-defs.memo.ts';
import { withCustomFields } from '#platform/custom-fields/custom-fields.catalog.ts';
import type { Deps } from '#platform/deps.ts';
import { AppError, type FieldError } from '#platform/errors/app-error.ts';
import type { FieldMeta } from '#platform/objects/object-fields.ts';
import type { ObjectDeclaration } from '#platform/objects/object-registry.ts';
import type { Catalog, FieldType } from '#platform/query/catalog.ts';
import { compileFilter } from '#platform/query/filter.ts';
import { readableCatalog } from '#platform/records/field-access.ts';
import { withCustomMasks } from '#platform/records/masking.ts';
import type { ObjectDefinition } from '#platform/records/object-definition.ts';
import { changeOperators, withoutChangeOperators } from './conditions.rules.ts';
import { mergeFields } from './formula.rules.ts';
import { PAYLOAD_OPERATORS, PAYLOAD_PREFIX, payloadConditions, resolvePayload } from './payload-conditions.rules.ts';
import { relatedCatalog } from './related-conditions.service.ts';
import { cronValid } from './schedule.rules.ts';
import { activeUser } from './workflows.repo.ts';
import type { TAction, TCreateWorkflowRuleRequest, TTrigger, TValueSpec } from './workflows.schema.ts';
import { workflowsErrors } from './workflows.errors.ts';

/**
 * A record object of the tenant's registry (standard or custom), with its catalog custom fields
 * included; `conditions` adds the fields of the records it points at (`company.industry`).
 */
export type RuleObject = { declaration: ObjectDeclaration; def: ObjectDefinition<{ id: string; version: number }>; catalog: Catalog; conditions: Catalog };

export type RuleObjectOptions = { tx: Tx; deps: Deps; name: string };
export async function ruleObject({ tx, deps, name }: RuleObjectOptions): Promise<RuleObject | undefined> {
  const declaration = (await deps.objects.forTenant(tx)).find((o) => o.name === name && o.path && o.definition);
  if (!declaration?.definition) return undefined;
  const def = declaration.definition as RuleObject['def'];
  const catalog = withCustomFields(def.catalog, await customDefsOf(tx, def.object));
  return { declaration, def, catalog, conditions: { ...(await relatedCatalog({ tx, deps, def })), ...catalog } };
}

/** The object as a non-admin owner may use it: without the masked fields they may not read. */
async function readableFor(tx: Tx, target: RuleObject, access: AccessProfile): Promise<RuleObject> {
  if (access.isAdmin) return target;
  const masked = { object: target.def.object, sensitive: withCustomMasks(target.def.sensitive, await customDefsOf(tx, target.def.object)) };
  return { ...target, catalog: readableCatalog(target.catalog, masked, access), conditions: readableCatalog(target.conditions, masked, access) };
}

/** Fields the system keeps: an action may not write them. */
const READ_ONLY = new Set(['id', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'version', 'deletedAt']);
const DATES: readonly FieldType[] = ['date', 'datetime'];
const NUMBERS: readonly FieldType[] = ['number', 'decimal'];
const TEXTS: readonly FieldType[] = ['text', 'enum'];

export type CheckRuleOptions = {
  tx: Tx;
  deps: Deps;
  rule: TCreateWorkflowRuleRequest;
  timeZone: string;
  /** Who will own it (the saver): fields masked for them are unknown to their conditions and triggers, as in their lists. */
  access?: AccessProfile;
};
/**
 * Checks a rule against the object's fields before anything is written: unknown fields, an
 * operator the field's type does not take, a field of the wrong type for a trigger or formula,
 * unknown merge fields, a cron that does not parse, users who do not exist. All problems at once.
 */
export async function checkRule({ tx, deps, rule, timeZone, access }: CheckRuleOptions): Promise<RuleObject> {
  const found = await ruleObject({ tx, deps, name: rule.object });
  const target = found && access ? await readableFor(tx, found, access) : found;
  if (!target) throw workflowsErrors.unknownObject(rule.object);
  const errors: FieldError[] = [];
  const { catalog } = target;
  const typeOf = (field: string) => (Object.hasOwn(catalog, field) ? catalog[field]?.type : undefined);
  const need = (path: string, field: string, types?: readonly FieldType[]) => {
    const type = typeOf(field);
    if (!type) errors.push({ field: path, message: 'fields.workflow_unknown_field', params: { field } });
    else if (types && !types.includes(type)) errors.push({ field: path, message: 'fields.workflow_field_type', params: { field, expected: types.join('/') } });
  };
  const apiFields = new Set(target.declaration.fields ?? []);
  const templateFields = (path: string, template: string) => {
    for (const merge of mergeFields(template)) {
      const bare = merge.startsWith(`${rule.object}.`) ? merge.slice(rule.object.length + 1) : merge;
      if (bare === 'owner.name' || bare === 'owner.id' || bare === 'name' || typeOf(bare) || apiFields.has(bare)) continue;
      if (rule.trigger.type === 'webhook' && bare.startsWith(PAYLOAD_PREFIX)) continue;
      errors.push({ field: path, message: 'fields.workflow_unknown_merge_field', params: { field: merge } });
    }
  };
  checkTrigger(rule.trigger, { need, errors, catalog, timeZone, object: rule.object });
  if (rule.trigger.type === 'form_submitted' && rule.trigger.formId && !(await leadFormOf(tx, rule.trigger.formId)))
    errors.push({ field: 'trigger.formId', message: 'fields.workflow_unknown_form' });
  for (const c of changeOperators(rule.conditions)) need('conditions', c.field);
  // Conditions on an inbound call's body: webhook rules only, with operators the in-memory check knows.
  for (const p of payloadConditions(rule.conditions)) {
    if (rule.trigger.type !== 'webhook') errors.push({ field: 'conditions', message: 'fields.workflow_payload_webhook_only', params: { field: p.key } });
    for (const op of p.ops)
      if (!(PAYLOAD_OPERATORS as readonly string[]).includes(op))
        errors.push({ field: 'conditions', message: 'fields.bad_operator', params: { field: p.key, op, type: 'payload' } });
  }
  const filter = withoutChangeOperators(resolvePayload(rule.conditions, null));
  if (filter) {
    try {
      compileFilter(JSON.stringify(filter), target.conditions);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      errors.push(...error.errors.map((e) => ({ ...e, field: 'conditions' })));
    }
  }
  for (const [i, action] of rule.actions.entries())
    await checkAction(tx, action, `actions.${i}`, {
      need,
      errors,
      templateFields,
      typeOf,
      deps,
      object: rule.object,
      apiFields: new Set(target.declaration.fields ?? []),
      meta: (field) => target.def.fields?.find((f) => f.name === field),
      table: target.def.table,
    });
  if (errors.length) throw workflowsErrors.invalidRule(errors);
  return target;
}

type Need = (path: string, field: string, types?: readonly FieldType[]) => void;
type Checks = { need: Need; errors: FieldError[] };

/** One object's fields as a value check sees them: the written (target) or the read (source) record's. */
type Side = {
  need: Need;
  typeOf: (field: string) => FieldType | undefined;
  apiFields: Set<string>;
  meta: (field: string) => FieldMeta | undefined;
  /** The object's table: what its records' ids point at. */
  table: string;
};

function sideOf(target: RuleObject, errors: FieldError[]): Side {
  const typeOf = (field: string) => (Object.hasOwn(target.catalog, field) ? target.catalog[field]?.type : undefined);
  return {
    typeOf,
    apiFields: new Set(target.declaration.fields ?? []),
    meta: (field) => target.def.fields?.find((f) => f.name === field),
    table: target.def.table,
    need: (path, field, types) => {
      const type = typeOf(field);
      if (!type) errors.push({ field: path, message: 'fields.workflow_unknown_field', params: { field } });
      else if (types && !types.includes(type))
        errors.push({ field: path, message: 'fields.workflow_field_type', params: { field, expected: types.join('/') } });
    },
  };
}

type ValueChecks = { errors: FieldError[]; target: Side; source: Side; templateFields: (path: string, template: string) => void };

/** Field writes (update fields, a new record's values): the field may be written and the value fits its type. */
function checkValues(updates: { field: string; value: TValueSpec }[], path: string, o: ValueChecks) {
  const { target, source } = o;
  for (const [j, u] of updates.entries()) {
    const at = `${path}.${j}`;
    if (READ_ONLY.has(u.field)) {
      o.errors.push({ field: `${at}.field`, message: 'fields.workflow_read_only', params: { field: u.field } });
      continue;
    }
    const value = u.value;
    if (value.kind === 'addDays') {
      target.need(`${at}.field`, u.field, DATES);
      if (value.from !== 'today') source.need(`${at}.value.from`, value.from, DATES);
    } else if (value.kind === 'math') {
      target.need(`${at}.field`, u.field, NUMBERS);
      for (const side of [value.left, value.right]) if ('field' in side) source.need(`${at}.value`, side.field, NUMBERS);
    } else if (value.kind === 'template') {
      // A field the API shows but lists do not filter on (a description) has no catalog type: text.
      if (target.typeOf(u.field) || !target.apiFields.has(u.field)) target.need(`${at}.field`, u.field, TEXTS);
      o.templateFields(`${at}.value.template`, value.template);
    } else {
      if (!target.apiFields.has(u.field)) target.need(`${at}.field`, u.field);
      if (value.kind === 'copy') {
        if (value.from !== 'id' && !source.typeOf(value.from) && !source.apiFields.has(value.from)) source.need(`${at}.value.from`, value.from);
        // An id goes only where ids of that kind of record go (a contact's company into a deal's company).
        const into = target.meta(u.field)?.refTable;
        const from = value.from === 'id' ? source.table : source.meta(value.from)?.refTable;
        if (into && from !== into)
          o.errors.push({ field: `${at}.value.from`, message: 'fields.workflow_copy_mismatch', params: { from: value.from, field: u.field } });
      }
    }
  }
}

function checkTrigger(t: TTrigger, o: Checks & { catalog: Catalog; timeZone: string; object: string }) {
  switch (t.type) {
    case 'updated':
      if (t.field) o.need('trigger.field', t.field);
      return;
    case 'stage_changed':
      if (!Object.hasOwn(o.catalog, 'stageId')) o.errors.push({ field: 'trigger.type', message: 'fields.workflow_no_stage' });
      return;
    case 'date':
      o.need('trigger.field', t.field, DATES);
      return;
    case 'schedule':
      if (!cronValid(t.cron, o.timeZone)) o.errors.push({ field: 'trigger.cron', message: 'fields.workflow_bad_cron', params: { value: t.cron } });
      return;
    case 'webhook':
      if (t.matchField) o.need('trigger.matchField', t.matchField);
      return;
    case 'form_submitted':
      // Web-to-lead forms are the only public forms Kehu has.
      if (o.object !== 'lead') o.errors.push({ field: 'trigger.type', message: 'fields.workflow_forms_leads_only' });
      return;
    case 'created':
    case 'deleted':
    case 'restored':
      return;
  }
}

async function checkAction(
  tx: Tx,
  action: TAction,
  path: string,
  o: Checks & {
    templateFields: (path: string, template: string) => void;
    typeOf: (field: string) => FieldType | undefined;
    deps: Deps;
    object: string;
    apiFields: Set<string>;
    meta: Side['meta'];
    table: string;
  },
) {
  const user = async (field: string, id: string) => {
    if (!(await activeUser(tx, id))) o.errors.push({ field, message: 'fields.workflow_inactive_user' });
  };
  switch (action.type) {
    case 'update_fields': {
      const side = { need: o.need, typeOf: o.typeOf, apiFields: o.apiFields, meta: o.meta, table: o.table };
      checkValues(action.updates, `${path}.updates`, { errors: o.errors, target: side, source: side, templateFields: o.templateFields });
      return;
    }
    case 'create_record': {
      const target = await ruleObject({ tx, deps: o.deps, name: action.object });
      if (!target) {
        o.errors.push({ field: `${path}.object`, message: 'fields.workflow_unknown_object', params: { value: action.object } });
        return;
      }
      const side = sideOf(target, o.errors);
      const source = { need: o.need, typeOf: o.typeOf, apiFields: o.apiFields, meta: o.meta, table: o.table };
      checkValues(action.values, `${path}.values`, { errors: o.errors, target: side, source, templateFields: o.templateFields });
      // What the object's create request requires (its import spec holds the API's schema); the owner defaults to the record's.
      const shape = (target.declaration.import?.schemas.create as { shape?: Record<string, { safeParse: (v: unknown) => { success: boolean } }> } | undefined)
        ?.shape;
      const given = new Set(action.values.map((v) => v.field));
      for (const [key, schema] of Object.entries(shape ?? {}))
        if (key !== 'ownerId' && !given.has(key) && !schema.safeParse(undefined).success)
          o.errors.push({ field: `${path}.values`, message: 'fields.workflow_missing_field', params: { field: key, object: action.object } });
      return;
    }
    case 'create_task':
      o.templateFields(`${path}.subject`, action.subject);
      if (action.assigneeId) await user(`${path}.assigneeId`, action.assigneeId);
      return;
    case 'assign':
      await user(`${path}.userId`, action.userId);
      return;
    case 'add_tags':
    case 'remove_tags':
      o.need(`${path}.field`, action.field, ['tags']);
      return;
    case 'notify':
      o.templateFields(`${path}.title`, action.title);
      if (action.body) o.templateFields(`${path}.body`, action.body);
      for (const [j, r] of action.recipients.entries()) if (r !== 'owner') await user(`${path}.recipients.${j}`, r);
      return;
    case 'send_email': {
      const template = await findTemplateInTx(tx, action.templateId);
      if (!template) {
        o.errors.push({ field: `${path}.templateId`, message: 'fields.workflow_unknown_template' });
        return;
      }
      // The template's `{{record.<field>}}` must exist on this rule's object.
      const unknown = await validateTemplate({ tx, deps: o.deps, object: o.object, subject: template.subject, body: template.body });
      for (const u of unknown) o.errors.push({ field: `${path}.templateId`, message: 'fields.workflow_unknown_merge_field', params: { field: u.path } });
      return;
    }
    case 'start_approval': {
      if (action.comment) o.templateFields(`${path}.comment`, action.comment);
      if (!action.processId) return;
      const process = await approvalProcessOf(tx, action.processId);
      if (!process || process.object !== o.object)
        o.errors.push({ field: `${path}.processId`, message: 'fields.workflow_unknown_approval_process', params: { object: o.object } });
      return;
    }
    case 'move_to_pool': {
      o.templateFields(`${path}.reason`, action.reason);
      if (!poolTargets(o.deps.objects).some((p) => p.object === o.object)) {
        o.errors.push({ field: `${path}.type`, message: 'fields.workflow_not_poolable' });
        return;
      }
      const pool = action.poolId ? await poolOf(tx, action.poolId) : null;
      if (action.poolId && pool?.object !== o.object) o.errors.push({ field: `${path}.poolId`, message: 'fields.workflow_unknown_pool' });
      return;
    }
    case 'wait':
      if (action.days + action.hours + action.minutes === 0) o.errors.push({ field: `${path}.days`, message: 'fields.workflow_wait_zero' });
      return;
    case 'call_webhook':
      // Checked when it runs (an unknown or switched-off webhook is a logged failure): webhooks keep their own table.
      return;
  }
}
