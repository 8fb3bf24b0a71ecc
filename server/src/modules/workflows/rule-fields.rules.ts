import { filterFields } from '#platform/records/field-access.ts';
import { mergeFields } from './formula.rules.ts';
import { PAYLOAD_PREFIX } from './payload-conditions.rules.ts';
import type { TAction, TTrigger, TValueSpec } from './workflows.schema.ts';

type RuleShape = { object: string; trigger: TTrigger; conditions: unknown; actions: readonly TAction[] };

/**
 * The record field a path reads: `custom.<key>` or its first part (`phones.0.number` -> `phones`,
 * `contact.phones` on a contact rule -> `phones`); null for what is not the record's own
 * (`owner.name`, `payload.x`, a referenced record's `company.industry`).
 */
export function ownField(path: string, object: string): string | null {
  const bare = path.startsWith(`${object}.`) ? path.slice(object.length + 1) : path;
  if (bare.startsWith('owner.') || bare.startsWith(PAYLOAD_PREFIX)) return null;
  const parts = bare.split('.');
  if (parts[0] === 'custom') return parts.length > 1 ? `custom.${parts[1]}` : null;
  // A dotted condition names a referenced record's field; its masked fields are never offered.
  return parts[0] ?? null;
}

function valueFields(v: TValueSpec): string[] {
  switch (v.kind) {
    case 'template':
      return mergeFields(v.template);
    case 'addDays':
      return v.from === 'today' ? [] : [v.from];
    case 'math':
      return [v.left, v.right].flatMap((side) => ('field' in side ? [side.field] : []));
    case 'copy':
      return v.from === 'id' ? [] : [v.from];
    case 'value':
      return [];
  }
}

function actionFields(a: TAction): string[] {
  switch (a.type) {
    case 'update_fields':
      return a.updates.flatMap((u) => [u.field, ...valueFields(u.value)]);
    case 'create_record':
      return a.values.flatMap((u) => valueFields(u.value));
    case 'create_task':
      return mergeFields(a.subject);
    case 'notify':
      return [...mergeFields(a.title), ...(a.body ? mergeFields(a.body) : [])];
    case 'start_approval':
      return a.comment ? mergeFields(a.comment) : [];
    case 'move_to_pool':
      return mergeFields(a.reason);
    case 'add_tags':
    case 'remove_tags':
      return [a.field];
    case 'send_email':
    case 'call_webhook':
    case 'assign':
    case 'wait':
      return [];
  }
}

/**
 * Every field of the rule's own record it reads or writes: the trigger's field, the conditions'
 * (filter and change operators), the fields its actions set, copy, compute from or merge. What a
 * run re-checks against its owner's readable fields (a mail template's fields are the mail's).
 */
export function ruleFields(rule: RuleShape): string[] {
  const t = rule.trigger;
  const paths: string[] = [];
  if ((t.type === 'updated' || t.type === 'date') && t.field) paths.push(t.field);
  if (t.type === 'webhook' && t.matchField) paths.push(t.matchField);
  // Change operators and payload conditions sit under field keys too (the latter are skipped below).
  paths.push(...filterFields(rule.conditions));
  for (const a of rule.actions) paths.push(...actionFields(a));
  const fields = paths.map((p) => ownField(p, rule.object)).filter((f): f is string => f !== null);
  return [...new Set(fields)];
}
