import { z } from 'zod';

/** Legal bases of PIPL art. 13 and GDPR art. 6 (legitimate interest is GDPR only; publicly available data PIPL only). */
export const LEGAL_BASES = [
  'consent',
  'contract',
  'legal_obligation',
  'vital_interest',
  'public_interest',
  'legitimate_interest',
  'publicly_available',
] as const;

const ZLabel = z.object({ zh: z.string(), en: z.string() });

export const ZPersonalField = z.object({
  /** API name (`phones`) or `custom.<key>`. */
  name: z.string(),
  /** A custom field's label; standard fields are labelled by the web. */
  label: ZLabel.nullable(),
  classification: z.enum(['personal', 'sensitive']),
  /** Shown masked to roles without read permission on the field. */
  masked: z.boolean(),
  custom: z.boolean(),
});

export const ZProcessingReader = z.object({
  role: z.string(),
  isAdmin: z.boolean(),
  /** How far the role reads the object's records. */
  scope: z.enum(['own', 'team', 'all']),
  /** The masked fields this role reads in clear. */
  clearFields: z.array(z.string()),
});

export const ZProcessingRecord = z.object({
  object: z.string(),
  label: ZLabel,
  custom: z.boolean(),
  fields: z.array(ZPersonalField),
  readers: z.array(ZProcessingReader),
  purpose: z.string().nullable(),
  legalBasis: z.enum(LEGAL_BASES).nullable(),
  retention: z.string().nullable(),
  /** 0 until the purpose is first recorded; the If-Match of the next PUT. */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type TProcessingRecord = z.infer<typeof ZProcessingRecord>;

export const ZPutProcessingRequest = z
  .object({
    purpose: z.string().trim().max(2000).nullable(),
    legalBasis: z.enum(LEGAL_BASES).nullable(),
    retention: z.string().trim().max(500).nullable(),
  })
  .strict();
export type TPutProcessingRequest = z.infer<typeof ZPutProcessingRequest>;

export const ZObjectParams = z.object({ object: z.string().min(1).max(63) });
