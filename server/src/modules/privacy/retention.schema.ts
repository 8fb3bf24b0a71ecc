import { z } from 'zod';

export const RETENTION_ACTIONS = ['anonymise', 'delete'] as const;

const ZCount = z.object({ object: z.string(), label: z.object({ zh: z.string(), en: z.string() }), count: z.number().int() });

export const ZRetentionPolicy = z.object({
  id: z.string(),
  object: z.string(),
  label: z.object({ zh: z.string(), en: z.string() }),
  /** The timestamp field whose age decides (`lastActivityAt`, `updatedAt`, `closedAt`...). */
  field: z.string(),
  months: z.number().int(),
  action: z.enum(RETENTION_ACTIONS),
  enabled: z.boolean(),
  lastRunAt: z.string().nullable(),
  /** The last run's report: records anonymised and deleted (a record others point at is anonymised instead of deleted), and records skipped for a legal hold. */
  lastResult: z.object({ anonymised: z.number().int(), deleted: z.number().int(), held: z.number().int().optional(), at: z.string() }).nullable(),
  version: z.number().int(),
});
export type TRetentionPolicy = z.infer<typeof ZRetentionPolicy>;

export const ZRetentionPreview = z.object({
  /** Records the policy would act on now. */
  count: z.number().int(),
  /** Records of the object: when `count` equals it, saving or running needs `confirmCount`. */
  total: z.number().int(),
});

export const ZCreateRetentionPolicy = z
  .object({
    object: z.string().min(1).max(63),
    field: z.string().min(1).max(63),
    months: z.number().int().min(1).max(1200),
    action: z.enum(RETENTION_ACTIONS),
    enabled: z.boolean().default(true),
    /** The count the preview showed, when the policy would act on every record of the object. */
    confirmCount: z.number().int().optional(),
  })
  .strict();
export type TCreateRetentionPolicy = z.infer<typeof ZCreateRetentionPolicy>;

export const ZUpdateRetentionPolicy = z
  .object({
    months: z.number().int().min(1).max(1200),
    action: z.enum(RETENTION_ACTIONS),
    enabled: z.boolean(),
    confirmCount: z.number().int(),
  })
  .partial()
  .strict();
export type TUpdateRetentionPolicy = z.infer<typeof ZUpdateRetentionPolicy>;

export const ZRunRetention = z.object({ confirmCount: z.number().int().optional() }).strict();

/** The objects a policy may name and the timestamp fields of each. */
export const ZRetentionTargets = z.object({ data: z.array(ZCount.omit({ count: true }).extend({ fields: z.array(z.string()) })) });
