import type { TFunction } from 'i18next';
import { fieldLabel } from '#shared/fields/field-label';
import type { FieldDef } from '#shared/fields/field-types';
import type { RuleAction, Trigger } from './workflows-api';

/** A field's label, or its key when the web does not know it (a field since deleted). */
export const labelOf = (fields: FieldDef[], key: string, t: TFunction, lang: string) => {
  const def = fields.find((f) => f.key === key || f.filterKey === key);
  return def ? fieldLabel(def, t, lang) : key;
};

/** One line saying when a rule runs: "Updated: Stage changed to won", "30 days before Renewal, 09:00". */
export function describeTrigger(trigger: Trigger, fields: FieldDef[], t: TFunction, lang: string): string {
  const field = (key: string) => labelOf(fields, key, t, lang);
  switch (trigger.type) {
    case 'updated': {
      if (!trigger.field) return t('workflows.trigger.updated');
      const parts = [t('workflows.summary.fieldChanged', { field: field(trigger.field) })];
      if (trigger.from !== undefined && trigger.from !== null) parts.push(t('workflows.summary.from', { value: String(trigger.from) }));
      if (trigger.to !== undefined && trigger.to !== null) parts.push(t('workflows.summary.to', { value: String(trigger.to) }));
      return parts.join(' ');
    }
    case 'date': {
      const days = Math.abs(trigger.offsetDays);
      const key = trigger.offsetDays < 0 ? 'before' : trigger.offsetDays > 0 ? 'after' : 'on';
      return t(`workflows.summary.date_${key}`, { days, field: field(trigger.field), time: trigger.time ?? '09:00' });
    }
    case 'schedule':
      return t('workflows.summary.schedule', { cron: trigger.cron });
    default:
      return t(`workflows.trigger.${trigger.type}`);
  }
}

/** "Update fields: Title, Tags" and the like, for the list. */
export function describeAction(action: RuleAction, fields: FieldDef[], t: TFunction, lang: string): string {
  const name = t(`workflows.action.${action.type}`);
  switch (action.type) {
    case 'update_fields':
      return `${name}: ${action.updates.map((u) => labelOf(fields, u.field, t, lang)).join(', ')}`;
    case 'add_tags':
    case 'remove_tags':
      return `${name}: ${action.tags.join(', ')}`;
    case 'create_task':
      return `${name}: ${action.subject}`;
    case 'notify':
      return `${name}: ${action.title}`;
    case 'move_to_pool':
      return `${name}: ${action.reason}`;
    case 'create_record':
      return `${name}: ${action.object}`;
    case 'wait':
      return `${name}: ${t('workflows.wait.summary', { days: action.days ?? 0, hours: action.hours ?? 0, minutes: action.minutes ?? 0 })}`;
    case 'start_approval':
      return action.comment ? `${name}: ${action.comment}` : name;
    case 'assign':
    case 'send_email':
    case 'call_webhook':
      return name;
  }
}
