import { z } from 'zod';
import { SURVIVORSHIP_RULES } from './settings.service.ts';

const ZEvidence = z.array(z.object({ field: z.string(), similarity: z.number(), weight: z.number() }));
const ZRecordSummary = z.object({
  id: z.string(),
  name: z.string(),
  emails: z.array(z.string()),
  phones: z.array(z.string()),
  company: z.string().nullable(),
  owner: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const ZCluster = z.object({
  id: z.string(),
  score: z.number(),
  records: z.array(ZRecordSummary),
  pairs: z.array(z.object({ a: z.string(), b: z.string(), score: z.number(), evidence: ZEvidence })),
});
export const ZClusterList = z.object({ data: z.array(ZCluster), nextCursor: z.string().nullable(), total: z.number() });

export const ZComparison = z.object({
  records: z.array(z.record(z.string(), z.unknown())),
  fields: z.array(z.object({ field: z.string(), values: z.array(z.unknown()), chosen: z.union([z.number(), z.literal('union')]), value: z.unknown() })),
  evidence: ZEvidence,
  score: z.number().nullable(),
});

export const ZMergeResult = z.object({ survivorId: z.string(), merges: z.array(z.object({ id: z.string(), mergedId: z.string() })) });
export const ZBulkMergeResult = z.object({
  merged: z.number(),
  results: z.array(z.object({ clusterId: z.string(), survivorId: z.string().nullable(), error: z.string().nullable() })),
});

export const ZSettings = z
  .object({
    threshold: z.number().min(0.05).max(0.99),
    defaultRule: z.enum(SURVIVORSHIP_RULES),
    rules: z.record(z.string(), z.enum(SURVIVORSHIP_RULES)),
    sourcePriority: z.array(z.string().max(50)).max(50),
  })
  .strict();

/**
 * The schemas that name an object: one the registry gives the dedup capability, a standard one
 * (`standard`, named in the description) or one of the tenant's custom objects; the service
 * answers any other name with a 400 on `object` (dedup-objects.service.ts).
 */
export function dedupSchemas(standard: readonly string[]) {
  const ZDedupObject = z
    .string()
    .min(1)
    .max(63)
    .describe(`An object with the dedup capability: ${standard.join(', ')} or a custom object's name`);
  const ZObjectQuery = z.object({ object: ZDedupObject });
  const ZClusterQuery = ZObjectQuery.extend({ limit: z.coerce.number().int().min(1).max(100).default(20), cursor: z.string().optional() });
  const ZRun = z.object({
    id: z.string(),
    object: ZDedupObject,
    status: z.enum(['queued', 'running', 'done', 'failed']),
    phase: z.string(),
    scanned: z.number(),
    compared: z.number(),
    found: z.number(),
    error: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  });
  const ZCompareQuery = ZObjectQuery.extend({
    ids: z
      .string()
      .transform((s) => s.split(',').filter(Boolean))
      .pipe(z.array(z.uuid()).min(2).max(10)),
  });
  const ZDismissRequest = z.object({ object: ZDedupObject, ids: z.array(z.uuid()).min(2).max(50) }).strict();
  const ZMergeRequest = z
    .object({
      object: ZDedupObject,
      survivorId: z.uuid(),
      mergedIds: z.array(z.uuid()).min(1).max(10),
      choices: z.record(z.string(), z.uuid()).optional(),
    })
    .strict();
  const ZBulkMergeRequest = z.object({ object: ZDedupObject, clusterIds: z.array(z.uuid()).min(1).max(100) }).strict();
  const ZMergeHistory = z.object({
    data: z.array(
      z.object({
        id: z.string(),
        object: ZDedupObject,
        survivorId: z.string(),
        survivorName: z.string().nullable(),
        mergedId: z.string(),
        mergedName: z.string().nullable(),
        moved: z.record(z.string(), z.number()),
        createdAt: z.string(),
        createdBy: z.string().nullable(),
        undoneAt: z.string().nullable(),
      }),
    ),
    nextCursor: z.string().nullable(),
  });
  const ZHistoryQuery = ZObjectQuery.extend({ limit: z.coerce.number().int().min(1).max(100).default(20), cursor: z.uuid().optional() });
  return {
    ZObjectQuery,
    ZClusterQuery,
    ZRun,
    ZCompareQuery,
    ZDismissRequest,
    ZMergeRequest,
    ZBulkMergeRequest,
    ZMergeHistory,
    ZHistoryQuery,
  };
}

/** The schemas' types for any object name (the services work on the registry's names). */
export type DedupSchemas = ReturnType<typeof dedupSchemas>;
