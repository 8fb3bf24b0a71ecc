import { z } from 'zod';

export const LEAD_STATUSES = ['new', 'contacted', 'nurturing', 'qualified', 'unqualified', 'converted'] as const;
/** Statuses a user may set; `converted` comes only from the convert action. */
export const SETTABLE_STATUSES = ['new', 'contacted', 'nurturing', 'qualified', 'unqualified'] as const;
export const COMPANY_SIZES = ['1-9', '10-49', '50-199', '200-499', '500-999', '1000+'] as const;
export const CAPTURE_CHANNELS = ['manual', 'api', 'form', 'import'] as const;

const text = (max: number) => z.string().trim().max(max);

export const ZLeadPhone = z.object({ label: z.string().max(30).optional(), number: z.string().min(3).max(40) }).strict();
export const ZLeadEmail = z.object({ label: z.string().max(30).optional(), address: z.email().max(254) }).strict();

/** The fields a lead is written with (create, PATCH, form and API capture). */
export const leadFields = {
  name: text(200).min(1),
  companyName: text(200).nullable(),
  title: text(100).nullable(),
  phones: z.array(ZLeadPhone).max(10),
  emails: z.array(ZLeadEmail).max(10),
  industry: text(100).nullable(),
  region: text(100).nullable(),
  province: text(100).nullable(),
  city: text(100).nullable(),
  companySize: z.enum(COMPANY_SIZES).nullable(),
  source: text(50).nullable(),
  utmSource: text(200).nullable(),
  utmMedium: text(200).nullable(),
  utmCampaign: text(200).nullable(),
  utmTerm: text(200).nullable(),
  utmContent: text(200).nullable(),
  campaign: text(200).nullable(),
  referrer: text(1000).nullable(),
  status: z.enum(SETTABLE_STATUSES),
  unqualifiedReason: text(500).nullable(),
  tags: z.array(text(50).min(1)).max(50),
  description: text(10000).nullable(),
  ownerId: z.uuid(),
  custom: z.record(z.string(), z.unknown()),
};

export const ZUpdateLeadRequest = z.object(leadFields).partial().strict();
export type TUpdateLeadRequest = z.infer<typeof ZUpdateLeadRequest>;
/** A create may also say "I saw the duplicate warning, create anyway". */
export const ZCreateLeadRequest = z
  .object({ ...leadFields, allowDuplicate: z.boolean() })
  .partial()
  .strict()
  .required({ name: true });
export type TCreateLeadRequest = z.infer<typeof ZCreateLeadRequest>;

const ref = z.object({ id: z.string(), name: z.string() });

/** A contact or company a lead resembles, with its owner (撞单: someone already works it). */
export const ZCustomerMatch = z.object({
  object: z.enum(['contact', 'company']),
  id: z.string(),
  name: z.string(),
  matchedOn: z.enum(['email', 'phone', 'company_name', 'name']),
  owner: ref.nullable(),
});
export type TCustomerMatch = z.infer<typeof ZCustomerMatch>;

export const ZLead = z.object({
  id: z.string(),
  name: z.string(),
  companyName: z.string().nullable(),
  title: z.string().nullable(),
  phones: z.array(z.object({ label: z.string().optional(), number: z.string(), e164: z.string().nullable() })),
  emails: z.array(z.object({ label: z.string().optional(), address: z.string() })),
  industry: z.string().nullable(),
  region: z.string().nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  companySize: z.string().nullable(),
  source: z.string().nullable(),
  utmSource: z.string().nullable(),
  utmMedium: z.string().nullable(),
  utmCampaign: z.string().nullable(),
  utmTerm: z.string().nullable(),
  utmContent: z.string().nullable(),
  campaign: z.string().nullable(),
  referrer: z.string().nullable(),
  formId: z.string().nullable(),
  /** Set when the lead was created despite a duplicate warning. */
  duplicateOf: z.string().nullable(),
  status: z.enum(LEAD_STATUSES),
  unqualifiedReason: z.string().nullable(),
  statusChangedAt: z.string(),
  confirmation: z.enum(['none', 'pending', 'confirmed']),
  confirmedAt: z.string().nullable(),
  tags: z.array(z.string()),
  description: z.string().nullable(),
  convertedAt: z.string().nullable(),
  convertedContactId: z.string().nullable(),
  convertedCompanyId: z.string().nullable(),
  convertedDealId: z.string().nullable(),
  ownerId: z.string().nullable(),
  owner: ref.nullable(),
  custom: z.record(z.string(), z.unknown()),
  lastActivityAt: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  version: z.number(),
  deletedAt: z.string().nullable(),
});
export type TLead = z.infer<typeof ZLead>;

/** A create answers with the lead and what it resembles; `merged` when a rule merged it into an existing lead. */
export const ZLeadCreated = ZLead.extend({
  duplicates: z.array(z.object({ id: z.string(), name: z.string(), rule: z.string(), owner: ref.nullable() })),
  customerMatches: z.array(ZCustomerMatch),
  merged: z.boolean(),
});
export type TLeadCreated = z.infer<typeof ZLeadCreated>;
