import { z } from 'zod';
import { activityProblems } from './activity.rules.ts';

export const ACTIVITY_TYPES = ['note', 'call', 'meeting', 'email', 'task'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export const CALL_OUTCOMES = ['connected', 'no_answer', 'busy', 'voicemail', 'wrong_number'] as const;
export const DIRECTIONS = ['in', 'out'] as const;

const text = (max: number) => z.string().trim().max(max);
const at = z.iso.datetime({ offset: true });

/** Fields every activity type has. */
const common = {
  subject: text(300).min(1),
  body: text(20_000).nullable(),
  companyId: z.uuid().nullable(),
  contactId: z.uuid().nullable(),
  dealId: z.uuid().nullable(),
  leadId: z.uuid().nullable(),
  ownerId: z.uuid(),
  custom: z.record(z.string(), z.unknown()),
};

/** Fields only some types have; a PATCH may change only those of the activity's own type. */
export const typeFields = {
  occurredAt: at,
  outcome: z.enum(CALL_OUTCOMES).nullable(),
  durationSeconds: z.number().int().min(0).max(86_400).nullable(),
  direction: z.enum(DIRECTIONS),
  startsAt: at,
  endsAt: at.nullable(),
  location: text(300).nullable(),
  dueAt: at,
  remindAt: at.nullable(),
  /** Also settable by PATCH (a ticked checkbox); POST .../complete and .../reopen say so in the audit. */
  doneAt: at.nullable(),
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

const ref = z.object({ id: z.string(), name: z.string() }).nullable();

export const ZActivity = z.object({
  id: z.string(),
  type: z.enum(ACTIVITY_TYPES),
  subject: z.string(),
  body: z.string().nullable(),
  companyId: z.string().nullable(),
  company: ref,
  contactId: z.string().nullable(),
  contact: ref,
  dealId: z.string().nullable(),
  deal: ref,
  leadId: z.string().nullable(),
  lead: ref,
  ownerId: z.string().nullable(),
  owner: z.object({ id: z.string(), name: z.string() }).nullable(),
  occurredAt: z.string(),
  outcome: z.string().nullable(),
  durationSeconds: z.number().nullable(),
  direction: z.string().nullable(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  location: z.string().nullable(),
  dueAt: z.string().nullable(),
  remindAt: z.string().nullable(),
  doneAt: z.string().nullable(),
  custom: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  version: z.number(),
  deletedAt: z.string().nullable(),
});
export type TActivity = z.infer<typeof ZActivity>;
