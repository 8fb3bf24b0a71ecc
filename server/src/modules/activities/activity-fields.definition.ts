import { z } from 'zod';
import { datetime, enumOf, id, integer, recordFields, ref, refName, text } from '#platform/objects/fields.ts';
import { defineFields } from '#platform/objects/object-fields.ts';

export const ACTIVITY_TYPES = ['note', 'call', 'meeting', 'email', 'task'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export const CALL_OUTCOMES = ['connected', 'no_answer', 'busy', 'voicemail', 'wrong_number'] as const;
export const DIRECTIONS = ['in', 'out'] as const;

const at = z.iso.datetime({ offset: true });
/** The record an activity is about; activity-links.service.ts checks the user may see it. */
const about = (to: string) => ref({ to, named: true, verify: false });

/**
 * An activity's fields, declared once. Which of the type fields a request may set depends on the
 * type (activities.schema.ts builds one request branch per type from these).
 */
export const ACTIVITY_FIELDS = defineFields({
  id: id(),
  type: enumOf(ACTIVITY_TYPES, { required: true }),
  subject: text({ max: 300, required: true }),
  body: text({ max: 20_000, filter: false }),
  companyId: about('companies'),
  company: refName('company_id'),
  contactId: about('contacts'),
  contact: refName('contact_id'),
  dealId: about('deals'),
  deal: refName('deal_id'),
  leadId: about('leads'),
  lead: refName('lead_id'),
  occurredAt: datetime({ required: true, readOnly: false }),
  outcome: enumOf(CALL_OUTCOMES),
  durationSeconds: integer({ min: 0, max: 86_400, filter: false }),
  direction: { ...enumOf(DIRECTIONS), input: z.enum(DIRECTIONS) },
  startsAt: { ...datetime({ readOnly: false }), input: at },
  endsAt: datetime({ readOnly: false, filter: false }),
  location: text({ max: 300, filter: false }),
  dueAt: { ...datetime({ readOnly: false }), input: at },
  remindAt: datetime({ readOnly: false }),
  /** Also settable by PATCH (a ticked checkbox); POST .../complete and .../reopen say so in the audit. */
  doneAt: datetime({ readOnly: false }),
  ...recordFields(),
});
