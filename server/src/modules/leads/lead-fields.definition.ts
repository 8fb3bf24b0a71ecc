import { z } from 'zod';
import { datetime, enumOf, id, json, recordFields, ref, tags, text } from '#platform/objects/fields.ts';
import { defineFields } from '#platform/objects/object-fields.ts';
import { type LeadPhone, normalizeLeadPhones } from './lead-phones.rules.ts';

export const LEAD_STATUSES = ['new', 'contacted', 'nurturing', 'qualified', 'unqualified', 'converted'] as const;
/** Statuses a user may set; `converted` comes only from the convert action. */
export const SETTABLE_STATUSES = ['new', 'contacted', 'nurturing', 'qualified', 'unqualified'] as const;
export const COMPANY_SIZES = ['1-9', '10-49', '50-199', '200-499', '500-999', '1000+'] as const;
export const CONFIRMATIONS = ['none', 'pending', 'confirmed'] as const;

export const ZLeadPhone = z.object({ label: z.string().max(30).optional(), number: z.string().min(3).max(40) }).strict();
export const ZLeadEmail = z.object({ label: z.string().max(30).optional(), address: z.email().max(254) }).strict();

const t = (max: number) => text({ max });

/** A lead's fields, declared once: catalog, mapping, request and response schemas derive from them. */
export const LEAD_FIELDS = defineFields({
  id: id(),
  /** The person's name (a lead is a person; its company is `companyName`). */
  name: text({ max: 200, required: true, classification: 'personal' }),
  companyName: t(200),
  title: t(100),
  phones: json({
    input: z.array(ZLeadPhone).max(10),
    output: z.array(z.object({ label: z.string().optional(), number: z.string(), e164: z.string().nullable() })),
    classification: 'personal',
    write: (value, ctx) => normalizeLeadPhones(value as LeadPhone[], ctx.errors),
  }),
  emails: json({
    input: z.array(ZLeadEmail).max(10),
    output: z.array(z.object({ label: z.string().optional(), address: z.string() })),
    classification: 'personal',
    write: (value) => (value as { address: string }[]).map((e) => ({ ...e, address: e.address.trim().toLowerCase() })),
  }),
  industry: t(100),
  region: t(100),
  province: t(100),
  city: t(100),
  companySize: enumOf(COMPANY_SIZES),
  source: t(50),
  utmSource: t(200),
  utmMedium: t(200),
  utmCampaign: t(200),
  utmTerm: t(200),
  utmContent: t(200),
  campaign: t(200),
  referrer: t(1000),
  formId: ref({ readOnly: true }),
  /** Set when the lead was created despite a duplicate warning. */
  duplicateOf: ref({ readOnly: true }),
  status: enumOf(LEAD_STATUSES, { required: true, settable: SETTABLE_STATUSES }),
  unqualifiedReason: t(500),
  statusChangedAt: datetime({ required: true }),
  confirmation: enumOf(CONFIRMATIONS, { required: true, readOnly: true }),
  confirmedAt: datetime(),
  tags: tags(),
  description: text({ max: 10000, filter: false }),
  convertedAt: datetime(),
  convertedContactId: ref({ readOnly: true }),
  convertedCompanyId: ref({ readOnly: true }),
  convertedDealId: ref({ readOnly: true }),
  lastActivityAt: datetime(),
  ...recordFields(),
});
