import { z } from 'zod';
import { ACTIVITY_FIELDS, type ActivityType } from './activity-fields.definition.ts';
import { activityProblems } from './activity.rules.ts';

export { ACTIVITY_TYPES, type ActivityType, CALL_OUTCOMES, DIRECTIONS } from './activity-fields.definition.ts';

const input = ACTIVITY_FIELDS.input;

/** Fields every activity type has. */
const common = {
  subject: input.subject,
  body: input.body,
  companyId: input.companyId,
  contactId: input.contactId,
  dealId: input.dealId,
  leadId: input.leadId,
  ownerId: input.ownerId,
  custom: input.custom,
};

/** Fields only some types have; a PATCH may change only those of the activity's own type. */
export const typeFields = {
  occurredAt: input.occurredAt,
  outcome: input.outcome,
  durationSeconds: input.durationSeconds,
  direction: input.direction,
  startsAt: input.startsAt,
  endsAt: input.endsAt,
  location: input.location,
  dueAt: input.dueAt,
  remindAt: input.remindAt,
  doneAt: input.doneAt,
};
const f = typeFields;

const branch = <T extends z.core.$ZodLooseShape>(type: ActivityType, shape: T) =>
  z
    .object({ type: z.literal(type), ...common, ...shape })
    .partial()
    .required({ type: true, subject: true })
    .strict();

/** One branch per type: a note has no duration, a meeting needs its start, a task its due time. */
export const ZCreateActivityRequest = z
  .discriminatedUnion('type', [
    branch('note', { occurredAt: f.occurredAt }),
    branch('call', { occurredAt: f.occurredAt, outcome: f.outcome, durationSeconds: f.durationSeconds, direction: f.direction.nullable() }),
    branch('meeting', { startsAt: f.startsAt, endsAt: f.endsAt, location: f.location }).required({ startsAt: true }),
    branch('email', { occurredAt: f.occurredAt, direction: f.direction }).required({ direction: true }),
    branch('task', { dueAt: f.dueAt, remindAt: f.remindAt, doneAt: f.doneAt }).required({ dueAt: true }),
  ])
  .superRefine((input, ctx) => {
    for (const p of activityProblems(input)) ctx.addIssue({ code: 'custom', path: [p.field], message: p.message });
  });
export type TCreateActivityRequest = z.infer<typeof ZCreateActivityRequest>;

/** The type is fixed once created; type rules are checked against the stored activity. */
export const ZUpdateActivityRequest = z
  .object({ ...common, ...typeFields, direction: f.direction.nullable() })
  .partial()
  .strict();
export type TUpdateActivityRequest = z.infer<typeof ZUpdateActivityRequest>;

export const ZActivity = z.object(ACTIVITY_FIELDS.output);
export type TActivity = z.infer<typeof ZActivity>;
