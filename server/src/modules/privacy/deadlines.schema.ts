import { z } from 'zod';

const ZDays = (max: number) => z.number().int().min(1).max(max);

/** A tenant's deadlines: days to answer per law (PIPL 15, GDPR 30 by default) and how many days ahead the handler is reminded. */
export const ZPrivacySettings = z.object({ piplDays: z.number().int(), gdprDays: z.number().int(), remindDays: z.number().int() });
export type TPrivacySettings = z.infer<typeof ZPrivacySettings>;

export const ZUpdatePrivacySettings = z
  .object({ piplDays: ZDays(90), gdprDays: ZDays(90), remindDays: ZDays(30) })
  .partial()
  .strict();
export type TUpdatePrivacySettings = z.infer<typeof ZUpdatePrivacySettings>;

/** The one extension a request may have (GDPR art. 12(3): up to two further months), with its reason. */
export const ZExtendPrivacyRequest = z
  .object({
    days: z.number().int().min(1).max(60),
    reason: z.string().trim().min(1).max(1000),
  })
  .strict();
export type TExtendPrivacyRequest = z.infer<typeof ZExtendPrivacyRequest>;
