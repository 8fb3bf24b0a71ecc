import { z } from 'zod';

/** What a data subject asks (PIPL art. 45-47, GDPR art. 15-21); `objection` covers withdrawn consent and opting out. */
export const REQUEST_KINDS = ['access', 'correction', 'erasure', 'restriction', 'objection'] as const;
export const REQUEST_STATUSES = ['received', 'verified', 'completed', 'rejected'] as const;
export const REQUEST_CHANNELS = ['agent', 'email', 'web', 'phone', 'letter'] as const;
/** Which statute's deadline applies: PIPL 15 days, GDPR 30 days (privacy-requests.rules.ts). */
export const REQUEST_LAWS = ['pipl', 'gdpr'] as const;

const ZUserRef = z.object({ id: z.string(), name: z.string() }).nullable();

export const ZPrivacyRequest = z.object({
  id: z.string(),
  kind: z.enum(REQUEST_KINDS),
  status: z.enum(REQUEST_STATUSES),
  law: z.enum(REQUEST_LAWS),
  locale: z.enum(['zh-CN', 'en']),
  channel: z.enum(REQUEST_CHANNELS),
  /** Masked once the subject is erased: the request proves the erasure without holding the person. */
  subjectEmail: z.string().nullable(),
  subjectPhone: z.string().nullable(),
  subjectName: z.string().nullable(),
  receivedAt: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  /** The deadline's one extension (with its reason), if it was extended. */
  extension: z.object({ at: z.string(), reason: z.string() }).nullable(),
  handler: ZUserRef,
  verifiedAt: z.string().nullable(),
  verifiedBy: ZUserRef,
  note: z.string().nullable(),
  /** What the erasure or export did: counts per object, never values. */
  result: z.record(z.string(), z.unknown()).nullable(),
  completedAt: z.string().nullable(),
  /** The export package waiting for its one download, if any. */
  export: z.object({ size: z.number().int(), createdAt: z.string(), downloadedAt: z.string().nullable() }).nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type TPrivacyRequest = z.infer<typeof ZPrivacyRequest>;

const ZEmail = z.email().max(254);
/** A date a request can really have: from 2000 to 2100 (a year 9999 would overflow the deadline arithmetic). */
const ZRequestDate = z.iso.datetime({ offset: true }).refine((v) => {
  const year = new Date(v).getUTCFullYear();
  return year >= 2000 && year <= 2100;
}, 'fields.privacy_date_range');
const ZPhone = z.string().trim().min(3).max(40);

export const ZCreatePrivacyRequest = z
  .object({
    kind: z.enum(REQUEST_KINDS),
    law: z.enum(REQUEST_LAWS).default('pipl'),
    locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
    channel: z.enum(REQUEST_CHANNELS).default('agent'),
    subjectEmail: ZEmail.nullable().optional(),
    subjectPhone: ZPhone.nullable().optional(),
    subjectName: z.string().trim().max(200).nullable().optional(),
    receivedAt: ZRequestDate.optional(),
    handlerId: z.uuid().nullable().optional(),
    note: z.string().trim().max(5000).nullable().optional(),
  })
  .strict()
  .refine((r) => !!r.subjectEmail || !!r.subjectPhone, { path: ['subjectEmail'], message: 'fields.privacy_subject_required' });
export type TCreatePrivacyRequest = z.infer<typeof ZCreatePrivacyRequest>;

export const ZUpdatePrivacyRequest = z
  .object({
    handlerId: z.uuid().nullable(),
    note: z.string().trim().max(5000).nullable(),
    dueAt: ZRequestDate,
    /** Closing by hand: corrections and restrictions done in the records, or a refused request. */
    status: z.enum(['completed', 'rejected']),
  })
  .partial()
  .strict();
export type TUpdatePrivacyRequest = z.infer<typeof ZUpdatePrivacyRequest>;

export const ZListPrivacyRequestsQuery = z.object({
  status: z.enum(REQUEST_STATUSES).optional(),
  kind: z.enum(REQUEST_KINDS).optional(),
  /** Open requests only (received or verified), earliest deadline first. */
  open: z.enum(['true', 'false']).optional(),
});

export const ZRequestParams = z.object({ id: z.uuid() });

export const ZEraseRequest = z.object({ confirm: z.literal(true) }).strict();

const ZSubjectRecord = z.object({ id: z.string(), name: z.string().nullable(), deleted: z.boolean() });

/** What a request's subject is found in: the preview of an export or an erasure. */
export const ZSubjectPreview = z.object({
  objects: z.array(
    z.object({
      object: z.string(),
      label: z.object({ zh: z.string(), en: z.string() }),
      /** `subject`: the person's own records (their personal fields are erased); `related`: business records pointing at them (kept, the person replaced). */
      role: z.enum(['subject', 'related']),
      fields: z.array(z.string()),
      records: z.array(ZSubjectRecord),
    }),
  ),
  auditEntries: z.number().int(),
  /** The subject is a user of Kehu: an erasure is refused (deactivate the user first). */
  isUser: z.boolean(),
  suppressed: z.boolean(),
});
export type TSubjectPreview = z.infer<typeof ZSubjectPreview>;
