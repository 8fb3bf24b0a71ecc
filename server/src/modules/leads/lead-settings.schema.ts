import { z } from 'zod';
import { ZDedupRule } from './dedup.rules.ts';

/** Lead fields a mapping may read (custom fields as `custom.<key>`). */
export const MAPPABLE_LEAD_FIELDS = [
  'name',
  'title',
  'emails',
  'phones',
  'companyName',
  'industry',
  'region',
  'province',
  'city',
  'companySize',
  'source',
  'description',
  'tags',
] as const;
/** Fields of the new contact / company a mapping may write (custom fields as `custom.<key>`). */
export const CONTACT_TARGETS = [
  'name',
  'title',
  'department',
  'emails',
  'phones',
  'source',
  'description',
  'tags',
  'address.province',
  'address.city',
] as const;
export const COMPANY_TARGETS = ['name', 'industry', 'emails', 'phones', 'source', 'description', 'tags', 'address.province', 'address.city'] as const;

export const ZFieldMapping = z
  .object({
    from: z.string().max(100),
    target: z.enum(['contact', 'company']),
    to: z.string().max(100),
  })
  .strict();
export type TFieldMapping = z.infer<typeof ZFieldMapping>;

export const DEFAULT_MAPPING: TFieldMapping[] = [
  { from: 'name', target: 'contact', to: 'name' },
  { from: 'title', target: 'contact', to: 'title' },
  { from: 'emails', target: 'contact', to: 'emails' },
  { from: 'phones', target: 'contact', to: 'phones' },
  { from: 'source', target: 'contact', to: 'source' },
  { from: 'province', target: 'contact', to: 'address.province' },
  { from: 'city', target: 'contact', to: 'address.city' },
  { from: 'companyName', target: 'company', to: 'name' },
  { from: 'industry', target: 'company', to: 'industry' },
  { from: 'source', target: 'company', to: 'source' },
  { from: 'province', target: 'company', to: 'address.province' },
  { from: 'city', target: 'company', to: 'address.city' },
];

export const ZMailSettings = z
  .object({
    /** smtp://user:pass@host:port or smtps://...; sealed at rest, never returned. */
    smtpUrl: z
      .string()
      .regex(/^smtps?:\/\//)
      .max(500)
      .nullable()
      .optional(),
    from: z.string().max(200).nullable().optional(),
  })
  .strict();

export const ZLeadSettings = z.object({
  dedupRules: z.array(ZDedupRule),
  conversionMapping: z.array(ZFieldMapping),
  mail: z.object({ from: z.string().nullable(), smtpConfigured: z.boolean(), envSmtp: z.boolean() }),
  version: z.number(),
});
export type TLeadSettings = z.infer<typeof ZLeadSettings>;

export const ZUpdateLeadSettingsRequest = z
  .object({
    dedupRules: z.array(ZDedupRule).max(20),
    conversionMapping: z.array(ZFieldMapping).max(100),
    mail: ZMailSettings,
  })
  .partial()
  .strict();
export type TUpdateLeadSettingsRequest = z.infer<typeof ZUpdateLeadSettingsRequest>;
