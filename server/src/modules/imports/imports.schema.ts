import { z } from 'zod';
import { CRM_PRESETS } from './crm-presets.rules.ts';

/** A registry object with the import capability: contact, company, lead, deal, activity, or a custom object's name. */
const ZImportObject = z.string().min(1).max(63);

export const IMPORT_STATUSES = ['uploaded', 'queued', 'running', 'done', 'failed', 'cancelled', 'rolling_back', 'rolled_back'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const ZMappingEntry = z.object({ column: z.number().int().min(0).max(10_000), field: z.string().min(1).max(120) }).strict();
export const ZDedupRule = z
  .object({
    /**
     * Which existing record a row is the same as: first email, a phone in E.164, name (+ company for
     * contacts), or the value of a unique field (`field`, one of the import's `matchFields`).
     */
    match: z.enum(['none', 'email', 'phone', 'nameCompany', 'field']),
    /** With match `field`: the unique field rows are matched by (`sku`, `custom.<key>`). */
    field: z.string().min(1).max(120).optional(),
    /** What to do with a match: leave it, update it from the row, or create another record anyway. */
    action: z.enum(['skip', 'update', 'create']),
  })
  .strict();
export const ZImportOptions = z
  .object({
    batchSize: z.number().int().min(1).max(5000),
    /** `source` given to created records unless a column is mapped to it. */
    defaultSource: z.string().trim().max(50),
    /** Contacts: create the company named in the row when none has that name. */
    createCompanies: z.boolean(),
  })
  .strict();
export type TImportOptions = z.infer<typeof ZImportOptions>;
export type TDedupRule = z.infer<typeof ZDedupRule>;

export const ZCreateImportQuery = z.object({ object: ZImportObject, fileName: z.string().trim().min(1).max(255).default('import.csv') }).strict();
export const ZUpdateImportRequest = z
  .object({
    /** XLSX: the sheet to import, one of `sheets`; its header, sample and suggested mapping replace the current ones. */
    sheet: z.string().max(255),
    mapping: z.array(ZMappingEntry).max(500),
    /** Apply a saved mapping template (by header names) instead of sending a mapping. */
    templateId: z.uuid(),
    dedup: ZDedupRule,
    options: ZImportOptions.partial(),
  })
  .partial()
  .strict();
export type TUpdateImportRequest = z.infer<typeof ZUpdateImportRequest>;

export const ZImport = z.object({
  id: z.string(),
  object: z.string(),
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx', 'vcf']),
  encoding: z.string(),
  sizeBytes: z.number(),
  /** XLSX: the workbook's sheets in workbook order; null for CSV and vCard. */
  sheets: z.array(z.string()).nullable(),
  /** XLSX: the sheet whose rows are imported (the first unless another is chosen). */
  sheet: z.string().nullable(),
  columns: z.array(z.string()),
  sample: z.array(z.array(z.string())),
  totalRows: z.number().nullable(),
  mapping: z.array(ZMappingEntry),
  /** The CRM whose export the header row looks like; its preset made the suggested mapping. */
  preset: z.enum(CRM_PRESETS).nullable(),
  dedup: ZDedupRule,
  /** The match rules the object supports (besides `none`), from its import spec; empty once the object is gone. */
  matches: z.array(z.enum(['email', 'phone', 'nameCompany'])),
  /** Whether `nameCompany` also compares the parent record (a contact's company); otherwise it compares the name only. */
  matchesParent: z.boolean(),
  /**
   * The unique fields rows may match by (match `field`): the object's declared keys (a product's
   * `sku`), then its custom fields marked unique (`custom.<key>`).
   */
  matchFields: z.array(z.string()),
  options: ZImportOptions,
  status: z.enum(IMPORT_STATUSES),
  progress: z.object({
    processed: z.number(),
    created: z.number(),
    updated: z.number(),
    skipped: z.number(),
    failed: z.number(),
    /** Since the job started; null before it has written a batch. */
    rowsPerSecond: z.number().nullable(),
    etaSeconds: z.number().nullable(),
  }),
  error: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type TImport = z.infer<typeof ZImport>;

export const ZTemplatesQuery = z.object({ object: ZImportObject }).strict();

export const ZMappingTemplate = z.object({
  id: z.string(),
  object: z.string(),
  name: z.string(),
  mapping: z.array(z.object({ header: z.string(), field: z.string() })),
  updatedAt: z.string(),
});
export const ZSaveMappingTemplateRequest = z
  .object({
    object: ZImportObject,
    name: z.string().trim().min(1).max(100),
    mapping: z
      .array(z.object({ header: z.string().trim().min(1).max(200), field: z.string().min(1).max(120) }).strict())
      .min(1)
      .max(500),
  })
  .strict();

const OUTCOMES = ['created', 'updated', 'skipped', 'failed'] as const;
export const ZImportPreview = z.object({
  rows: z.array(
    z.object({
      rowNumber: z.number(),
      outcome: z.enum(OUTCOMES),
      errors: z.array(z.object({ field: z.string(), message: z.string(), text: z.string(), params: z.record(z.string(), z.unknown()).optional() })),
    }),
  ),
  counts: z.object({ created: z.number(), updated: z.number(), skipped: z.number(), failed: z.number() }),
});
