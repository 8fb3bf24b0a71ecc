import type { FieldError } from '#platform/errors/app-error.ts';

type When = string | Date | null | undefined;

/** The parts of an activity (API names) that cross-field rules look at. */
export type ActivityShape = {
  type: string;
  companyId?: string | null | undefined;
  contactId?: string | null | undefined;
  dealId?: string | null | undefined;
  leadId?: string | null | undefined;
  startsAt?: When;
  endsAt?: When;
  dueAt?: When;
  remindAt?: When;
};

/** Fields beyond the common ones (subject, body, links, owner, custom) each type may carry. */
export const TYPE_FIELDS: Record<string, readonly string[]> = {
  note: ['occurredAt'],
  call: ['occurredAt', 'outcome', 'durationSeconds', 'direction'],
  meeting: ['startsAt', 'endsAt', 'location'],
  email: ['occurredAt', 'direction'],
  task: ['dueAt', 'remindAt', 'doneAt'],
};

const time = (value: When) => (value == null ? null : new Date(value).getTime());

/**
 * Rules that span fields, shared by the create schema and by updates (checked on the merged
 * record there, since a PATCH may change only one side). Messages are i18n keys.
 */
export function activityProblems(a: ActivityShape): FieldError[] {
  const problems: FieldError[] = [];
  if (!a.companyId && !a.contactId && !a.dealId && !a.leadId) problems.push({ field: 'contactId', message: 'activities.link_required' });
  const starts = time(a.startsAt);
  const ends = time(a.endsAt);
  if (a.type === 'meeting' && starts !== null && ends !== null && ends <= starts) problems.push({ field: 'endsAt', message: 'activities.ends_before_start' });
  const due = time(a.dueAt);
  const remind = time(a.remindAt);
  if (a.type === 'task' && due !== null && remind !== null && remind > due) problems.push({ field: 'remindAt', message: 'activities.remind_after_due' });
  return problems;
}

/** Fields in a PATCH that the activity's type does not have. */
export function foreignFields(type: string, input: Record<string, unknown>): FieldError[] {
  const own = TYPE_FIELDS[type] ?? [];
  const all = new Set(Object.values(TYPE_FIELDS).flat());
  return Object.keys(input)
    .filter((key) => all.has(key) && !own.includes(key))
    .map((field) => ({ field, message: 'activities.not_for_type', params: { type } }));
}
