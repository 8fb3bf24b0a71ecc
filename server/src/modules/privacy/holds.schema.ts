import { z } from 'zod';

/** What a legal hold may name besides a whole request's subject. */
export const HOLD_OBJECTS = ['contact', 'company'] as const;
const TABLES: Record<(typeof HOLD_OBJECTS)[number], string> = { contact: 'contacts', company: 'companies' };
export const holdTableOf = (object: (typeof HOLD_OBJECTS)[number]) => TABLES[object];

const ZUserRef = z.object({ id: z.string(), name: z.string() }).nullable();

export const ZLegalHold = z.object({
  id: z.string(),
  object: z.enum(HOLD_OBJECTS).nullable(),
  recordId: z.string().nullable(),
  /** The record's name, or the request's subject (masked once erased). */
  recordName: z.string().nullable(),
  requestId: z.string().nullable(),
  reason: z.string(),
  active: z.boolean(),
  placedAt: z.string(),
  placedBy: ZUserRef,
  releasedAt: z.string().nullable(),
  releasedBy: ZUserRef,
  releaseReason: z.string().nullable(),
});
export type TLegalHold = z.infer<typeof ZLegalHold>;

const ZReason = z.string().trim().min(1).max(1000);

/** A contact or company (object + recordId), or a request's whole subject (requestId). */
export const ZPlaceLegalHold = z
  .object({
    object: z.enum(HOLD_OBJECTS).optional(),
    recordId: z.uuid().optional(),
    requestId: z.uuid().optional(),
    reason: ZReason,
  })
  .strict()
  .refine((h) => (h.requestId ? !h.object && !h.recordId : !!h.object && !!h.recordId), { path: ['object'], message: 'fields.privacy_hold_target' });
export type TPlaceLegalHold = z.infer<typeof ZPlaceLegalHold>;

export const ZReleaseLegalHold = z.object({ reason: z.string().trim().max(1000).optional() }).strict();

export const ZListLegalHoldsQuery = z.object({
  object: z.enum(HOLD_OBJECTS).optional(),
  recordId: z.uuid().optional(),
  requestId: z.uuid().optional(),
  /** Active holds only (not yet released). */
  active: z.enum(['true', 'false']).optional(),
});

export const ZHoldParams = z.object({ id: z.uuid() });
