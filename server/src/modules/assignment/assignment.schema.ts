import { z } from 'zod';
import { CONDITION_OPERATORS } from '#modules/scoring/index.ts';
import { ASSIGNMENT_METHODS } from './assignment-engine.rules.ts';

export const ZCondition = z
  .object({
    field: z.string().min(1).max(100),
    operator: z.enum(CONDITION_OPERATORS),
    value: z
      .union([z.string().max(500), z.number(), z.boolean(), z.array(z.string().max(200)).max(100)])
      .nullable()
      .optional(),
  })
  .strict();

export const ZAssignmentRule = z.object({
  id: z.uuid(),
  name: z.string(),
  position: z.number().int(),
  active: z.boolean(),
  match: z.enum(['all', 'any']),
  conditions: z.array(ZCondition),
  method: z.enum(ASSIGNMENT_METHODS),
  userIds: z.array(z.uuid()),
  teamId: z.uuid().nullable(),
  capacity: z.number().int().nullable(),
  workingDaysOnly: z.boolean(),
  lastUserId: z.uuid().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type TAssignmentRule = z.infer<typeof ZAssignmentRule>;

export const ZCreateAssignmentRuleRequest = z
  .object({
    name: z.string().trim().min(1).max(100),
    active: z.boolean().optional(),
    match: z.enum(['all', 'any']).optional(),
    conditions: z.array(ZCondition).max(50).optional(),
    method: z.enum(ASSIGNMENT_METHODS),
    userIds: z.array(z.uuid()).max(200).optional(),
    teamId: z.uuid().nullable().optional(),
    capacity: z.number().int().min(1).max(100000).nullable().optional(),
    workingDaysOnly: z.boolean().optional(),
  })
  .strict();
export type TCreateAssignmentRuleRequest = z.infer<typeof ZCreateAssignmentRuleRequest>;
export const ZUpdateAssignmentRuleRequest = ZCreateAssignmentRuleRequest.partial().strict();
export type TUpdateAssignmentRuleRequest = z.infer<typeof ZUpdateAssignmentRuleRequest>;
export const ZReorderRequest = z.object({ ids: z.array(z.uuid()).min(1).max(500) }).strict();

/** A calendar day that exists (2024-02-30 is refused here, not by the database). */
const ZDate = z.iso.date();
export const ZAssignmentSettings = z.object({
  assignOnCapture: z.boolean(),
  assignOnHot: z.boolean(),
  workingDays: z.array(z.number().int().min(1).max(7)),
  holidays: z.array(z.string()),
  version: z.number().int(),
});
export type TAssignmentSettings = z.infer<typeof ZAssignmentSettings>;
export const ZUpdateAssignmentSettingsRequest = z
  .object({
    assignOnCapture: z.boolean(),
    assignOnHot: z.boolean(),
    workingDays: z.array(z.number().int().min(1).max(7)).max(7),
    holidays: z.array(ZDate).max(400),
  })
  .partial()
  .strict();
export type TUpdateAssignmentSettingsRequest = z.infer<typeof ZUpdateAssignmentSettingsRequest>;

export const ZAway = z.object({ userId: z.uuid(), userName: z.string(), until: z.string().nullable(), note: z.string().nullable() });
export type TAway = z.infer<typeof ZAway>;
export const ZAwayRequest = z.object({ until: ZDate.nullable().optional(), note: z.string().max(200).nullable().optional() }).strict();
export const ZUserParams = z.object({ userId: z.uuid() }).strict();

export const ZQueueEntry = z.object({
  leadId: z.uuid(),
  name: z.string(),
  companyName: z.string().nullable(),
  region: z.string().nullable(),
  source: z.string().nullable(),
  scoreBand: z.string().nullable(),
  score: z.number().nullable(),
  reason: z.string(),
  ruleId: z.uuid().nullable(),
  queuedAt: z.string(),
  attempts: z.number().int(),
});
export type TQueueEntry = z.infer<typeof ZQueueEntry>;

export const ZAssignRequest = z.object({ userId: z.uuid().optional() }).strict();
export const ZBulkAssignRequest = z.object({ ids: z.array(z.uuid()).min(1).max(200), userId: z.uuid().optional() }).strict();

export const ZAssignResult = z.object({
  leadId: z.uuid(),
  outcome: z.enum(['assigned', 'queued', 'skipped']),
  userId: z.uuid().nullable(),
  ruleId: z.uuid().nullable(),
  reason: z.string().nullable(),
});
export type TAssignResult = z.infer<typeof ZAssignResult>;
export const ZBulkAssignResult = z.object({
  data: z.array(ZAssignResult.extend({ error: z.object({ status: z.number().int(), title: z.string() }).nullable() })),
});

export const ZAssignmentLogEntry = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  userName: z.string(),
  previousOwnerId: z.uuid().nullable(),
  ruleId: z.uuid().nullable(),
  ruleName: z.string().nullable(),
  method: z.string(),
  trigger: z.string(),
  assignedAt: z.string(),
});

export const ZRecentAssignment = z.object({
  id: z.uuid(),
  leadId: z.uuid(),
  leadName: z.string(),
  userId: z.uuid(),
  userName: z.string(),
  ruleName: z.string().nullable(),
  method: z.string(),
  trigger: z.string(),
  assignedAt: z.string(),
  score: z.number().nullable(),
  scoreBand: z.string().nullable(),
});
