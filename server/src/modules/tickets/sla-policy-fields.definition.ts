import { boolean, enumOf, id, integer, recordFields, ref, text } from '#platform/objects/fields.ts';
import { defineFields } from '#platform/objects/object-fields.ts';
import { TICKET_PRIORITIES } from './ticket-fields.definition.ts';

/** An SLA policy: targets in business minutes on a calendar, for tickets of a priority, category and/or customer tier (none: any). */
export const SLA_POLICY_FIELDS = defineFields({
  id: id(),
  name: text({ max: 100, required: true }),
  priority: enumOf(TICKET_PRIORITIES),
  category: text({ max: 100 }),
  /** The customer's tier (the ticket's company `tier`, as 'VIP' or 'A'); none: any customer. */
  customerTier: text({ max: 30 }),
  firstResponseMinutes: integer({ min: 1, max: 525_600 }),
  resolutionMinutes: integer({ min: 1, max: 525_600 }),
  warnBeforeMinutes: integer({ min: 0, max: 10_080, required: true }),
  /** A business calendar (Settings > Business hours); none: the tenant's default. */
  // Checked by the policy's prepare: calendars are not records (no recycle bin), so not a registry reference.
  calendarId: ref(),
  /** On breach: notify the assignee's manager (their team's, else the parent team's). */
  escalateToManager: boolean(),
  /** On breach: raise the ticket's priority one step (low -> normal -> high -> urgent). */
  escalatePriority: boolean(),
  active: boolean(),
  ...recordFields(),
});
