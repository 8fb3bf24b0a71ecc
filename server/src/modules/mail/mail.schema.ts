import { z } from 'zod';

/** Templates larger than this are refused (a 1 MB template is a mistake or an attack). */
export const TEMPLATE_MAX_CHARS = 100_000;

const ZEmail = z.email().max(320);

export const ZSmtpSettings = z.object({
  /** Where the settings come from: the tenant's own, the instance's KEHU_SMTP_URL, or none. */
  source: z.enum(['tenant', 'instance', 'none']),
  host: z.string().nullable(),
  port: z.number().nullable(),
  secure: z.boolean(),
  user: z.string().nullable(),
  /** The password is never returned; this says whether one is stored. */
  passwordSet: z.boolean(),
  from: z.string().nullable(),
  version: z.number(),
});
export type TSmtpSettings = z.infer<typeof ZSmtpSettings>;

export const ZPutSmtpSettingsRequest = z
  .object({
    host: z.string().trim().min(1).max(255),
    port: z.number().int().min(1).max(65535),
    secure: z.boolean().default(false),
    user: z.string().max(320).nullable().default(null),
    /** Omit to keep the stored password; null removes it. */
    password: z.string().max(1000).nullable().optional(),
    from: z.string().trim().min(3).max(400),
  })
  .strict();
export type TPutSmtpSettingsRequest = z.infer<typeof ZPutSmtpSettingsRequest>;

export const ZTestMailRequest = z.object({ to: ZEmail }).strict();
export const ZTestMailResponse = z.object({ status: z.enum(['sent']), messageId: z.string(), response: z.string() });

const ZBilingual = (max: number) => z.object({ zh: z.string().max(max), en: z.string().max(max) }).strict();

export const ZMailTemplate = z.object({
  id: z.string(),
  name: z.string(),
  /** The object whose fields `{{record.<field>}}` may name; null for a template on any record. */
  object: z.string().nullable(),
  subject: ZBilingual(1000),
  body: ZBilingual(TEMPLATE_MAX_CHARS),
  mergeFields: z.array(z.string()),
  version: z.number(),
  updatedAt: z.string(),
});
export type TMailTemplate = z.infer<typeof ZMailTemplate>;

const templateFields = {
  name: z.string().trim().min(1).max(200),
  object: z.string().max(100).nullable(),
  subject: ZBilingual(1000),
  body: ZBilingual(TEMPLATE_MAX_CHARS),
};
export const ZCreateMailTemplateRequest = z.object({ ...templateFields, object: templateFields.object.default(null) }).strict();
export type TCreateMailTemplateRequest = z.infer<typeof ZCreateMailTemplateRequest>;
export const ZUpdateMailTemplateRequest = z.object(templateFields).partial().strict();
export type TUpdateMailTemplateRequest = z.infer<typeof ZUpdateMailTemplateRequest>;

export const ZMergeFieldsQuery = z.object({ object: z.string().max(100).optional() }).strict();
export const ZMergeFields = z.object({
  data: z.array(z.object({ root: z.enum(['contact', 'owner', 'record']), path: z.string() })),
});

export const ZRecordRef = z.object({ object: z.string().min(1).max(100), id: z.uuid() }).strict();

export const ZPreviewRequest = z.object({ record: ZRecordRef.optional(), locale: z.enum(['zh-CN', 'en']).optional() }).strict();
export const ZPreviewResponse = z.object({
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  /** Where it would go: the record's contact's first e-mail the user may read (or the record's own). */
  to: z.string().nullable(),
  /** The language it is written in: the one asked for, else the recipient's. */
  locale: z.enum(['zh-CN', 'en']),
});

export const ZSendTemplateRequest = z
  .object({
    templateId: z.uuid(),
    record: ZRecordRef,
    /** Defaults to the record's contact's first e-mail (or the record's own). */
    to: ZEmail.optional(),
    locale: z.enum(['zh-CN', 'en']).optional(),
  })
  .strict();

export const MAIL_STATUSES = ['queued', 'sending', 'retrying', 'sent', 'failed'] as const;

export const ZSentMail = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  status: z.enum(MAIL_STATUSES),
  attempts: z.number(),
  error: z.string().nullable(),
  messageId: z.string(),
  record: z.object({ object: z.string(), id: z.string() }).nullable(),
  templateId: z.string().nullable(),
  locale: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type TSentMail = z.infer<typeof ZSentMail>;

export const ZSentMailQuery = z
  .object({
    object: z.string().max(100).optional(),
    recordId: z.uuid().optional(),
    status: z.enum(MAIL_STATUSES).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();
export type TSentMailQuery = z.infer<typeof ZSentMailQuery>;
