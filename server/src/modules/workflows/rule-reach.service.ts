import type { Tx } from '#db/tx.ts';
import { findTemplateInTx, mergeFieldsOf } from '#modules/mail/index.ts';
import type { AccessProfile } from '#platform/access/access.ts';
import { unreadableFields } from '#platform/records/field-access.ts';
import type { RuleObject } from './rule-check.service.ts';
import { ownField, ruleFields } from './rule-fields.rules.ts';
import type { TAction, TTrigger } from './workflows.schema.ts';

export type FieldsOutOfReachOptions = {
  tx: Tx;
  target: RuleObject;
  rule: { object: string; trigger: unknown; conditions: unknown; actions: unknown };
  /** The owner's profile, or how to load it: loaded only when the rule names a masked field. */
  access: AccessProfile | (() => Promise<AccessProfile>);
};

/**
 * The fields of its record a saved rule names (trigger, conditions, action fields, merge fields,
 * its mail templates' `{{record.<field>}}`) that its owner may not read now. Saving refuses
 * them; a role changed since is caught here, where the rule runs and where it is listed.
 */
export async function fieldsOutOfReach({ tx, target, rule, access }: FieldsOutOfReachOptions): Promise<string[]> {
  const actions = (rule.actions ?? []) as TAction[];
  const fields = ruleFields({ object: rule.object, trigger: rule.trigger as TTrigger, conditions: rule.conditions, actions });
  for (const a of actions) {
    if (a.type !== 'send_email') continue;
    const template = await findTemplateInTx(tx, a.templateId);
    if (!template) continue;
    const paths = mergeFieldsOf([template.subject.zh, template.subject.en, template.body.zh, template.body.en]);
    // `{{record.x}}`, and `{{contact.x}}` on a contact's own rule, read the rule's record.
    for (const p of paths) if (p.startsWith('record.') || p.startsWith(`${rule.object}.`)) fields.push(ownField(p.replace(/^record\./, ''), rule.object) ?? '');
  }
  const def = { object: target.def.object, sensitive: target.def.sensitive, catalog: target.catalog };
  return unreadableFields({ tx, def, access, fields: fields.filter(Boolean) });
}
