import { z } from 'zod';

const ZName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,49}$/);

export const ZAuditEntry = z.object({
  id: z.uuid(),
  at: z.string(),
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.uuid().nullable(),
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  /** An imported row's change (#21): the import and its file; the change is kept in the import's journal. */
  importId: z.uuid().nullable(),
  fileName: z.string().nullable(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

const page = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
};

export const ZAuditLogQuery = z
  .object({
    objectType: ZName.optional(),
    objectId: z.uuid().optional(),
    actorId: z.uuid().optional(),
    action: ZName.optional(),
    from: z.iso.datetime({ offset: true }).optional().describe('Entries at or after this time'),
    to: z.iso.datetime({ offset: true }).optional().describe('Entries before this time'),
    ...page,
  })
  .strict();
export type TAuditLogQuery = z.infer<typeof ZAuditLogQuery>;

export const ZHistoryParams = z.object({ objectType: ZName, objectId: z.uuid() }).strict();
export const ZHistoryQuery = z.object(page).strict();
export type THistoryQuery = z.infer<typeof ZHistoryQuery>;
