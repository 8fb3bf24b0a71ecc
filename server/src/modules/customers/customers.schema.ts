import { z } from 'zod';

export const LIFECYCLE_STAGES = ['subscriber', 'lead', 'opportunity', 'customer', 'evangelist', 'churned'] as const;

export const ZPhone = z.object({ label: z.string().max(30).optional(), number: z.string().min(3).max(40) }).strict();
export const ZPhoneOut = z.object({ label: z.string().optional(), number: z.string(), e164: z.string().nullable() });
export const ZEmail = z.object({ label: z.string().max(30).optional(), address: z.email().max(254) }).strict();
export const ZAddress = z
  .object({
    country: z.string().max(100).optional(),
    province: z.string().max(100).optional(),
    city: z.string().max(100).optional(),
    district: z.string().max(100).optional(),
    street: z.string().max(300).optional(),
    postcode: z.string().max(20).optional(),
  })
  .strict();

const text = (max: number) => z.string().trim().max(max);

/** Fields companies and contacts share. */
export const commonFields = {
  phones: z.array(ZPhone).max(10),
  emails: z.array(ZEmail).max(10),
  address: ZAddress.nullable(),
  source: text(50).nullable(),
  tier: text(30).nullable(),
  lifecycleStage: z.enum(LIFECYCLE_STAGES).nullable(),
  tags: z.array(text(50).min(1)).max(50),
  description: text(10000).nullable(),
  ownerId: z.uuid(),
  custom: z.record(z.string(), z.unknown()),
};

export const commonOut = {
  id: z.string(),
  phones: z.array(ZPhoneOut),
  emails: z.array(z.object({ label: z.string().optional(), address: z.string() })),
  address: ZAddress.nullable(),
  source: z.string().nullable(),
  tier: z.string().nullable(),
  lifecycleStage: z.string().nullable(),
  tags: z.array(z.string()),
  description: z.string().nullable(),
  ownerId: z.string().nullable(),
  owner: z.object({ id: z.string(), name: z.string() }).nullable(),
  custom: z.record(z.string(), z.unknown()),
  lastActivityAt: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  version: z.number(),
  deletedAt: z.string().nullable(),
};

export const ZContact = z.object({
  ...commonOut,
  name: z.string(),
  familyName: z.string().nullable(),
  givenName: z.string().nullable(),
  companyId: z.string().nullable(),
  company: z.object({ id: z.string(), name: z.string() }).nullable(),
  title: z.string().nullable(),
  department: z.string().nullable(),
  gender: z.string().nullable(),
  birthday: z.string().nullable(),
  idNumber: z.string().nullable(),
});
export type TContact = z.infer<typeof ZContact>;

const contactFields = {
  ...commonFields,
  name: text(200).min(1),
  familyName: text(100).nullable(),
  givenName: text(100).nullable(),
  companyId: z.uuid().nullable(),
  title: text(100).nullable(),
  department: text(100).nullable(),
  gender: z.enum(['male', 'female', 'other']).nullable(),
  birthday: z.iso.date().nullable(),
  idNumber: text(40).nullable(),
};

export const ZUpdateContactRequest = z.object(contactFields).partial().strict();
export type TUpdateContactRequest = z.infer<typeof ZUpdateContactRequest>;
export const ZCreateContactRequest = ZUpdateContactRequest.refine((c) => !!(c.name || c.familyName || c.givenName), {
  path: ['name'],
  message: 'Required',
});
export type TCreateContactRequest = z.infer<typeof ZCreateContactRequest>;

export const ZCompany = z.object({
  ...commonOut,
  name: z.string(),
  industry: z.string().nullable(),
  website: z.string().nullable(),
  employees: z.number().nullable(),
  annualRevenue: z.string().nullable(),
  currency: z.string().nullable(),
  taxId: z.string().nullable(),
  bankAccount: z.string().nullable(),
});
export type TCompany = z.infer<typeof ZCompany>;

export const ZUpdateCompanyRequest = z
  .object({
    ...commonFields,
    name: text(200).min(1),
    industry: text(100).nullable(),
    website: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .nullable(),
    employees: z.number().int().min(0).max(10_000_000).nullable(),
    annualRevenue: z
      .union([z.string().regex(/^\d{1,18}(\.\d{1,2})?$/), z.number().nonnegative()])
      .transform(String)
      .nullable(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .nullable(),
    taxId: text(50).nullable(),
    bankAccount: text(60).nullable(),
  })
  .partial()
  .strict();
export type TUpdateCompanyRequest = z.infer<typeof ZUpdateCompanyRequest>;
export const ZCreateCompanyRequest = ZUpdateCompanyRequest.required({ name: true });
export type TCreateCompanyRequest = z.infer<typeof ZCreateCompanyRequest>;
