import { z } from 'zod';
import { DEAL_FIELDS, LOST_REASONS } from './deal-fields.definition.ts';

export {
  FORECAST_CATEGORIES,
  type ForecastCategory,
  LOST_REASONS,
  type LostReason,
  STAGE_TYPES,
  type StageType,
  ZAmount,
  ZCurrency,
} from './deal-fields.definition.ts';

const text = (max: number) => z.string().trim().max(max);
const ref = z.object({ id: z.string(), name: z.string() }).nullable();

export const ZUpdateDealRequest = z.object(DEAL_FIELDS.input).partial().strict();
export type TUpdateDealRequest = z.infer<typeof ZUpdateDealRequest>;
/** Pipeline and stage default to the tenant's default pipeline and its first stage; currency to the base currency. */
export const ZCreateDealRequest = ZUpdateDealRequest.required({ name: true });
export type TCreateDealRequest = z.infer<typeof ZCreateDealRequest>;

export const ZDeal = z.object(DEAL_FIELDS.output);
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
