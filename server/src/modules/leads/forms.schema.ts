import { z } from 'zod';

/** Lead fields a web form may ask for (custom lead fields as `custom.<key>`). */
export const FORM_FIELD_KEYS = [
  'name',
  'companyName',
  'title',
  'email',
  'phone',
  'industry',
  'region',
  'province',
  'city',
  'companySize',
  'description',
] as const;

const ZLocalized = z.object({ zh: z.string().trim().max(200).optional(), en: z.string().trim().max(200).optional() }).strict();

export const ZFormField = z
  .object({
    key: z.string().regex(/^(name|companyName|title|email|phone|industry|region|province|city|companySize|description|custom\.[a-z][a-z0-9_]{0,49})$/),
    label: ZLocalized,
    required: z.boolean(),
  })
  .strict();
export type TFormField = z.infer<typeof ZFormField>;

const origin = z
  .string()
  .trim()
  .regex(/^https?:\/\/[^/\s]+$/, 'An origin is scheme://host[:port], without a path');

const formFields = {
  name: z.string().trim().min(1).max(200),
  fields: z.array(ZFormField).min(1).max(30),
  allowedOrigins: z.array(origin).max(50),
  successMessage: ZLocalized,
  redirectUrl: z
    .url({ protocol: /^https?$/ })
    .max(1000)
    .nullable(),
  doubleOptIn: z.boolean(),
  ownerId: z.uuid().nullable(),
  source: z.string().trim().max(50).nullable(),
  campaign: z.string().trim().max(200).nullable(),
  active: z.boolean(),
};

export const ZUpdateLeadFormRequest = z.object(formFields).partial().strict();
export type TUpdateLeadFormRequest = z.infer<typeof ZUpdateLeadFormRequest>;
export const ZCreateLeadFormRequest = ZUpdateLeadFormRequest.required({ name: true, fields: true });
export type TCreateLeadFormRequest = z.infer<typeof ZCreateLeadFormRequest>;

export const ZLeadForm = z.object({
  id: z.string(),
  name: z.string(),
  fields: z.array(ZFormField),
  allowedOrigins: z.array(z.string()),
  successMessage: ZLocalized,
  redirectUrl: z.string().nullable(),
  doubleOptIn: z.boolean(),
  ownerId: z.string().nullable(),
  source: z.string().nullable(),
  campaign: z.string().nullable(),
  active: z.boolean(),
  submissions: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type TLeadForm = z.infer<typeof ZLeadForm>;

/** What the embedded script needs to render a form: no owner, no origins. */
export const ZPublicForm = ZLeadForm.pick({ id: true, fields: true, successMessage: true, redirectUrl: true, doubleOptIn: true });

/** A submission from the embedded script; `website` is the honeypot a person never sees. */
export const ZFormSubmission = z
  .object({
    fields: z.record(z.string().max(60), z.string().max(10000)),
    website: z.string().max(500).optional(),
    utm: z
      .object({
        source: z.string().max(200).optional(),
        medium: z.string().max(200).optional(),
        campaign: z.string().max(200).optional(),
        term: z.string().max(200).optional(),
        content: z.string().max(200).optional(),
      })
      .strict()
      .optional(),
    referrer: z.string().max(1000).optional(),
    pageUrl: z.string().max(2000).optional(),
    locale: z.enum(['zh-CN', 'en']).optional(),
  })
  .strict();
export type TFormSubmission = z.infer<typeof ZFormSubmission>;
