import { z } from 'zod';
import { CONDITION_OPERATORS } from './conditions.rules.ts';
import { ENGAGEMENT_TYPES } from './score-engine.rules.ts';

const ZPoints = z.number().int().min(-1000).max(1000);
const ZValue = z
  .union([z.string().max(500), z.number(), z.boolean(), z.array(z.string().max(200)).max(100)])
  .nullable()
  .optional();
const ZLabel = z.string().trim().max(200).optional();

export const ZAttributeRule = z
  .object({
    id: z.uuid().optional(),
    kind: z.literal('attribute'),
    label: ZLabel,
    field: z.string().min(1).max(100),
    operator: z.enum(CONDITION_OPERATORS),
    value: ZValue,
    points: ZPoints,
  })
  .strict();
export const ZBehaviourRule = z
  .object({ id: z.uuid().optional(), kind: z.literal('behaviour'), label: ZLabel, eventType: z.enum(ENGAGEMENT_TYPES), points: ZPoints })
  .strict();
export const ZScoringRuleInput = z.discriminatedUnion('kind', [ZAttributeRule, ZBehaviourRule]);
export type TScoringRuleInput = z.infer<typeof ZScoringRuleInput>;

export const ZScoringGroup = z.object({
  id: z.uuid(),
  name: z.string(),
  cap: z.number().int().nullable(),
  position: z.number().int(),
  active: z.boolean(),
  rules: z.array(z.union([ZAttributeRule.extend({ id: z.uuid() }), ZBehaviourRule.extend({ id: z.uuid() })])),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type TScoringGroup = z.infer<typeof ZScoringGroup>;

export const ZCreateScoringGroupRequest = z
  .object({
    name: z.string().trim().min(1).max(100),
    cap: z.number().int().min(1).max(100000).nullable().optional(),
    position: z.number().int().min(0).optional(),
    active: z.boolean().optional(),
    rules: z.array(ZScoringRuleInput).max(100).optional(),
  })
  .strict();
export type TCreateScoringGroupRequest = z.infer<typeof ZCreateScoringGroupRequest>;
export const ZUpdateScoringGroupRequest = ZCreateScoringGroupRequest.partial().strict();
export type TUpdateScoringGroupRequest = z.infer<typeof ZUpdateScoringGroupRequest>;

export const ZScoringSettings = z.object({
  halfLifeDays: z.number(),
  warmAt: z.number().int(),
  hotAt: z.number().int(),
  predictiveFields: z.array(z.string()),
  updatedAt: z.string().nullable(),
  version: z.number().int(),
});
export type TScoringSettings = z.infer<typeof ZScoringSettings>;
export const ZUpdateScoringSettingsRequest = z
  .object({
    halfLifeDays: z.number().min(0).max(3650),
    warmAt: z.number().int().min(-10000).max(100000),
    hotAt: z.number().int().min(-10000).max(100000),
    predictiveFields: z.array(z.string().min(1).max(100)).min(1).max(20),
  })
  .partial()
  .strict();
export type TUpdateScoringSettingsRequest = z.infer<typeof ZUpdateScoringSettingsRequest>;

export const ZScoringField = z.object({ field: z.string(), type: z.string(), custom: z.boolean(), label: z.string().nullable() });

export const ZEngagementRequest = z.object({ type: z.enum(ENGAGEMENT_TYPES), at: z.iso.datetime({ offset: true }).optional() }).strict();
export type TEngagementRequest = z.infer<typeof ZEngagementRequest>;
export const ZEngagement = z.object({ id: z.uuid(), leadId: z.uuid(), type: z.string(), occurredAt: z.string(), source: z.string(), createdAt: z.string() });
export type TEngagement = z.infer<typeof ZEngagement>;

const ZFactor = z.object({ field: z.string(), value: z.string(), weight: z.number() });
export const ZPrediction = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ready'),
    probability: z.number(),
    positive: z.array(ZFactor),
    negative: z.array(ZFactor),
    won: z.number().int(),
    lost: z.number().int(),
    trainedAt: z.string(),
  }),
  z.object({
    status: z.literal('insufficient'),
    reason: z.enum(['too_few_outcomes', 'one_class_missing', 'not_trained']),
    won: z.number().int(),
    lost: z.number().int(),
    needed: z.number().int(),
    trainedAt: z.string().nullable(),
  }),
]);
export type TPrediction = z.infer<typeof ZPrediction>;

const ZContribution = z.object({
  ruleId: z.string(),
  kind: z.enum(['attribute', 'behaviour']),
  label: z.string(),
  basePoints: z.number(),
  points: z.number(),
  occurrences: z.number().int().optional(),
  condition: z.object({ field: z.string(), operator: z.string(), value: ZValue }).optional(),
});
export const ZLeadScore = z.object({
  leadId: z.uuid(),
  score: z.number().int(),
  band: z.enum(['cold', 'warm', 'hot']),
  groups: z.array(
    z.object({
      groupId: z.string(),
      name: z.string(),
      cap: z.number().nullable(),
      raw: z.number(),
      points: z.number(),
      capped: z.boolean(),
      rules: z.array(ZContribution),
    }),
  ),
  halfLifeDays: z.number().nullable(),
  computedAt: z.string(),
  prediction: ZPrediction,
});
export type TLeadScore = z.infer<typeof ZLeadScore>;

export const ZModelStatus = z.object({
  status: z.enum(['ready', 'insufficient']),
  reason: z.enum(['too_few_outcomes', 'one_class_missing', 'not_trained']).nullable(),
  won: z.number().int(),
  lost: z.number().int(),
  needed: z.number().int(),
  trainedAt: z.string().nullable(),
});
export type TModelStatus = z.infer<typeof ZModelStatus>;
