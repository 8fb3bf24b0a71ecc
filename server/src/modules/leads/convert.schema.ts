import { z } from 'zod';

const ZTarget = z.discriminatedUnion('mode', [z.object({ mode: z.literal('create') }).strict(), z.object({ mode: z.literal('link'), id: z.uuid() }).strict()]);

export const ZConvertLeadRequest = z
  .object({
    contact: ZTarget,
    company: z.discriminatedUnion('mode', [
      z.object({ mode: z.literal('create'), name: z.string().trim().min(1).max(200).optional() }).strict(),
      z.object({ mode: z.literal('link'), id: z.uuid() }).strict(),
      z.object({ mode: z.literal('none') }).strict(),
    ]),
    deal: z
      .object({
        name: z.string().trim().min(1).max(200),
        amount: z
          .union([z.string().regex(/^\d{1,18}(\.\d{1,2})?$/), z.number().nonnegative()])
          .transform(String)
          .optional(),
        currency: z
          .string()
          .regex(/^[A-Z]{3}$/)
          .optional(),
        pipelineId: z.uuid().optional(),
        stageId: z.uuid().optional(),
        expectedCloseDate: z.iso.date().optional(),
      })
      .strict()
      .nullable()
      .optional(),
    ownerId: z.uuid().optional(),
  })
  .strict();
export type TConvertLeadRequest = z.infer<typeof ZConvertLeadRequest>;

export const ZConvertLeadResponse = z.object({
  leadId: z.string(),
  contact: z.object({ id: z.string(), name: z.string(), created: z.boolean() }),
  company: z.object({ id: z.string(), name: z.string(), created: z.boolean() }).nullable(),
  deal: z.object({ id: z.string(), name: z.string() }).nullable(),
  convertedAt: z.string(),
});
export type TConvertLeadResponse = z.infer<typeof ZConvertLeadResponse>;
