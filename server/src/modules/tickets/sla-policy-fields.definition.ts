import { boolean, enumOf, id, integer, recordFields, ref, text } from '#platform/objects/fields.ts';
import { defineFields } from '#platform/objects/object-fields.ts';
import { TICKET_PRIORITIES } from './ticket-fields.definition.ts';

/** An SLA policy: targets in business minutes on a calendar, for tickets of a priority and/or category (none: any). */
export const SLA_POLICY_FIELDS = defineFields({
  id: id(),
  name: text({ max: 100, required: true }),
  priority: enumOf(TICKET_PRIORITIES),
  category: text({ max: 100 }),
  firstResponseMinutes: integer({ min: 1, max: 525_600 }),
  resolutionMinutes: integer({ min: 1, max: 525_600 }),
  warnBeforeMinutes: integer({ min: 0, max: 10_080, required: true }),
  /** A business calendar (Settings > Business hours); none: the tenant's default. */
  // Checked by the policy's prepare: calendars are not records (no recycle bin), so not a registry reference.
  calendarId: ref(),
  active: boolean(),
  ...recordFields(),
});
