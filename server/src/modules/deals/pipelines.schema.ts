import { z } from 'zod';
import { FORECAST_CATEGORIES, STAGE_TYPES } from './deals.schema.ts';

export const ZLocalizedName = z
  .object({ zh: z.string().trim().max(100).optional(), en: z.string().trim().max(100).optional() })
  .strict()
  .refine((n) => !!(n.zh || n.en), 'deals.name_required');
export type TLocalizedName = { zh?: string | undefined; en?: string | undefined };

export const ZStage = z.object({
  id: z.string(),
  pipelineId: z.string(),
  name: z.object({ zh: z.string().optional(), en: z.string().optional() }),
  probability: z.number(),
  type: z.enum(STAGE_TYPES),
  forecastCategory: z.enum(FORECAST_CATEGORIES),
  position: z.number(),
  version: z.number(),
});
export type TStage = z.infer<typeof ZStage>;

export const ZPipeline = z.object({
  id: z.string(),
  name: z.object({ zh: z.string().optional(), en: z.string().optional() }),
  position: z.number(),
  isDefault: z.boolean(),
  teamIds: z.array(z.string()),
  staleDays: z.number(),
  closed: z.boolean(),
  closedAt: z.string().nullable(),
  stages: z.array(ZStage),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TPipeline = z.infer<typeof ZPipeline>;

const stageFields = {
  name: ZLocalizedName,
  probability: z.number().int().min(0).max(100),
  type: z.enum(STAGE_TYPES),
  /** Defaults from the type and probability (won: closed, lost: omitted, >= 70: commit...). */
  forecastCategory: z.enum(FORECAST_CATEGORIES),
};
export const ZCreateStageRequest = z
  .object({ ...stageFields, position: z.number().int().min(0).max(1000) })
  .partial({ forecastCategory: true, position: true, type: true })
  .strict();
export type TCreateStageRequest = z.infer<typeof ZCreateStageRequest>;
export const ZUpdateStageRequest = z.object(stageFields).partial().strict();
export type TUpdateStageRequest = z.infer<typeof ZUpdateStageRequest>;

const pipelineFields = {
  name: ZLocalizedName,
  teamIds: z.array(z.uuid()).max(200),
  staleDays: z.number().int().min(1).max(365),
  isDefault: z.literal(true),
  closed: z.boolean(),
};
export const ZUpdatePipelineRequest = z.object(pipelineFields).partial().strict();
export type TUpdatePipelineRequest = z.infer<typeof ZUpdatePipelineRequest>;
/** Without stages, a new pipeline gets the default stage set. */
export const ZCreatePipelineRequest = z
  .object({
    ...pipelineFields,
    stages: z
      .array(ZCreateStageRequest.omit({ position: true }))
      .min(1)
      .max(30),
  })
  .partial()
  .required({ name: true })
  .strict();
export type TCreatePipelineRequest = z.infer<typeof ZCreatePipelineRequest>;

export const ZReorderRequest = z.object({ ids: z.array(z.uuid()).min(1).max(200) }).strict();
