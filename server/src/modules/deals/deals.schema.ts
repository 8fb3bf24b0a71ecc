import { z } from 'zod';

export const STAGE_TYPES = ['open', 'won', 'lost'] as const;
export type StageType = (typeof STAGE_TYPES)[number];
export const FORECAST_CATEGORIES = ['pipeline', 'best_case', 'commit', 'closed', 'omitted'] as const;
export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number];
export const LOST_REASONS = ['price', 'competitor', 'no_budget', 'no_decision', 'timing', 'product_fit', 'unresponsive', 'other'] as const;
export type LostReason = (typeof LOST_REASONS)[number];

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
/** An ISO 4217 code the runtime knows (CNY, USD, EUR...). */
export const ZCurrency = z.string().refine((c) => CURRENCIES.has(c), 'deals.unknown_currency');

const AMOUNT = /^\d{1,18}(\.\d{1,2})?$/;
/** A non-negative decimal with at most 2 places, kept as a string (a JSON number is taken as written). */
export const ZAmount = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .refine((v) => AMOUNT.test(v), 'deals.invalid_amount');

const text = (max: number) => z.string().trim().max(max);
const ref = z.object({ id: z.string(), name: z.string() }).nullable();

const dealFields = {
  name: text(200).min(1),
  companyId: z.uuid().nullable(),
  contactId: z.uuid().nullable(),
  pipelineId: z.uuid(),
  stageId: z.uuid(),
  amount: ZAmount,
  currency: ZCurrency,
  probability: z.number().int().min(0).max(100),
  expectedCloseDate: z.iso.date().nullable(),
  /** null returns to the stage's default category. */
  forecastCategory: z.enum(FORECAST_CATEGORIES).nullable(),
  lostReason: z.enum(LOST_REASONS).nullable(),
  lostNote: text(2000).nullable(),
  tags: z.array(text(50).min(1)).max(50),
  description: text(10000).nullable(),
  ownerId: z.uuid(),
  custom: z.record(z.string(), z.unknown()),
};

export const ZUpdateDealRequest = z.object(dealFields).partial().strict();
export type TUpdateDealRequest = z.infer<typeof ZUpdateDealRequest>;
/** Pipeline and stage default to the tenant's default pipeline and its first stage; currency to the base currency. */
export const ZCreateDealRequest = ZUpdateDealRequest.required({ name: true });
export type TCreateDealRequest = z.infer<typeof ZCreateDealRequest>;

export const ZDeal = z.object({
  id: z.string(),
  name: z.string(),
  companyId: z.string().nullable(),
  company: ref,
  contactId: z.string().nullable(),
  contact: ref,
  pipelineId: z.string(),
  stageId: z.string(),
  status: z.enum(STAGE_TYPES),
  amount: z.string(),
  currency: z.string(),
  amountBase: z.string().nullable(),
  baseCurrency: z.string(),
  exchangeRate: z.string().nullable(),
  probability: z.number(),
  expectedCloseDate: z.string().nullable(),
  forecastCategory: z.enum(FORECAST_CATEGORIES),
  forecastCategoryManual: z.boolean(),
  lostReason: z.string().nullable(),
  lostNote: z.string().nullable(),
  leadId: z.string().nullable(),
  stageEnteredAt: z.string(),
  wonAt: z.string().nullable(),
  lostAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  overdueAt: z.string().nullable(),
  isOverdue: z.boolean(),
  lastActivityAt: z.string().nullable(),
  tags: z.array(z.string()),
  description: z.string().nullable(),
  ownerId: z.string().nullable(),
  owner: ref,
  custom: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  version: z.number(),
  deletedAt: z.string().nullable(),
});
export type TDeal = z.infer<typeof ZDeal>;

/** Move to a stage (maybe of the same column), placed between two cards of the target column. */
export const ZMoveDealRequest = z
  .object({
    stageId: z.uuid(),
    /** The card it lands after (null or absent: top of the column). */
    afterId: z.uuid().nullable().optional(),
    /** The card it lands before (absent: directly after afterId). */
    beforeId: z.uuid().nullable().optional(),
    lostReason: z.enum(LOST_REASONS).optional(),
    lostNote: text(2000).optional(),
  })
  .strict();
export type TMoveDealRequest = z.infer<typeof ZMoveDealRequest>;

export const ZStageHistoryEntry = z.object({
  id: z.string(),
  fromStageId: z.string().nullable(),
  toStageId: z.string(),
  changedAt: z.string(),
  changedBy: ref,
  secondsInFrom: z.number().nullable(),
  amount: z.string().nullable(),
  currency: z.string().nullable(),
  amountBase: z.string().nullable(),
});

export const ZBoardQuery = z
  .object({
    pipelineId: z.uuid().optional(),
    filter: z.string().max(8000).optional(),
    q: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(30),
  })
  .strict();
export type TBoardQuery = z.infer<typeof ZBoardQuery>;

export const ZColumnQuery = ZBoardQuery.omit({ pipelineId: true }).extend({ cursor: z.string().max(500).optional() });

export const ZBoardColumn = z.object({
  stageId: z.string(),
  count: z.number(),
  /** Sum of amounts in the base currency. */
  total: z.string(),
  /** Sum of amount x probability in the base currency. */
  weighted: z.string(),
  deals: z.array(ZDeal),
  nextCursor: z.string().nullable(),
});
