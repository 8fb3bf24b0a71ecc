import { z } from 'zod';

export const EXPORT_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled', 'expired'] as const;
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;

const ZColumn = z
  .object({
    key: z
      .string()
      .regex(/^[A-Za-z][\w]*(\.[\w]+)?$/)
      .max(120),
    label: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

const ZExportObject = z.string().regex(/^[a-z][a-z0-9-]{1,39}$/);

export const ZCreateExportRequest = z
  .object({
    /** A registry object with the export capability: contact, company, activity, or a custom object. */
    object: ZExportObject,
    format: z.enum(EXPORT_FORMATS).default('xlsx'),
    /** The list view's filter (JSON in the filter grammar), sort and search text. */
    filter: z.string().max(8000).optional(),
    sort: z.string().max(200).optional(),
    q: z.string().max(200).optional(),
    /** The view's columns in order, with the header each should carry; defaults to the object's usual columns. */
    columns: z.array(ZColumn).min(1).max(500).optional(),
  })
  .strict();
export type TCreateExportRequest = z.infer<typeof ZCreateExportRequest>;

export const ZExport = z.object({
  id: z.string(),
  object: z.string(),
  format: z.enum(EXPORT_FORMATS),
  status: z.enum(EXPORT_STATUSES),
  fileName: z.string(),
  columns: z.array(z.object({ key: z.string(), label: z.string() })),
  filter: z.string().nullable(),
  progress: z.object({ written: z.number(), total: z.number().nullable(), percent: z.number().nullable() }),
  sizeBytes: z.number(),
  error: z.string().nullable(),
  /** Where to fetch the file once done (until it expires). */
  downloadUrl: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
});
export type TExport = z.infer<typeof ZExport>;
