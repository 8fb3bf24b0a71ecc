import { z } from 'zod';
import { LEAD_FIELDS } from './lead-fields.definition.ts';

export { COMPANY_SIZES, LEAD_STATUSES, SETTABLE_STATUSES, ZLeadEmail, ZLeadPhone } from './lead-fields.definition.ts';
export const CAPTURE_CHANNELS = ['manual', 'api', 'form', 'import'] as const;

/** The fields a lead is written with (create, PATCH, form and API capture). */
export const leadFields = LEAD_FIELDS.input;

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

export const ZLead = z.object(LEAD_FIELDS.output);
export type TLead = z.infer<typeof ZLead>;

/** A create answers with the lead and what it resembles; `merged` when a rule merged it into an existing lead. */
export const ZLeadCreated = ZLead.extend({
  duplicates: z.array(z.object({ id: z.string(), name: z.string(), rule: z.string(), owner: ref.nullable() })),
  customerMatches: z.array(ZCustomerMatch),
  merged: z.boolean(),
});
export type TLeadCreated = z.infer<typeof ZLeadCreated>;
