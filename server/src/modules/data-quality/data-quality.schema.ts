import { z } from 'zod';

export const ZDataQualityParams = z.object({ object: z.enum(['contact', 'company']) }).strict();
export const ZDataQualityQuery = z
  .object({
    /** Completeness target in percent (default 95). */
    target: z.coerce.number().min(1).max(100).default(95),
    /** A record is stale after this many months without activity (default 6). */
    staleMonths: z.coerce.number().int().min(1).max(120).default(6),
  })
  .strict();
export type TDataQualityQuery = z.infer<typeof ZDataQualityQuery>;

const ZDrillDown = z.object({ path: z.string(), filter: z.string() });
export const ZDataQuality = z.object({
  object: z.enum(['contact', 'company']),
  total: z.number(),
  target: z.number(),
  completeness: z.array(
    z.object({ field: z.string(), filled: z.number(), missing: z.number(), percent: z.number(), meetsTarget: z.boolean(), drillDown: ZDrillDown.nullable() }),
  ),
  invalid: z.array(z.object({ field: z.enum(['email', 'phone']), count: z.number() })),
  stale: z.object({ months: z.number(), count: z.number(), drillDown: ZDrillDown }),
  duplicates: z.object({ count: z.number().nullable(), reviewPath: z.string() }),
});
export type TDataQuality = z.infer<typeof ZDataQuality>;
