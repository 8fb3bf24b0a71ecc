import { z } from 'zod';
import { DEDUP_OBJECTS } from './objects.definition.ts';
import { SURVIVORSHIP_RULES } from './settings.service.ts';

export const ZDedupObject = z.enum(DEDUP_OBJECTS);
export const ZObjectQuery = z.object({ object: ZDedupObject });

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
export const ZClusterQuery = ZObjectQuery.extend({ limit: z.coerce.number().int().min(1).max(100).default(20), cursor: z.string().optional() });

export const ZRun = z.object({
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

export const ZCompareQuery = ZObjectQuery.extend({
  ids: z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.uuid()).min(2).max(10)),
});
export const ZComparison = z.object({
  records: z.array(z.record(z.string(), z.unknown())),
  fields: z.array(z.object({ field: z.string(), values: z.array(z.unknown()), chosen: z.union([z.number(), z.literal('union')]), value: z.unknown() })),
  evidence: ZEvidence,
  score: z.number().nullable(),
});

export const ZDismissRequest = z.object({ object: ZDedupObject, ids: z.array(z.uuid()).min(2).max(50) }).strict();
export const ZMergeRequest = z
  .object({
    object: ZDedupObject,
    survivorId: z.uuid(),
    mergedIds: z.array(z.uuid()).min(1).max(10),
    choices: z.record(z.string(), z.uuid()).optional(),
  })
  .strict();
export type TMergeRequest = z.infer<typeof ZMergeRequest>;
export const ZMergeResult = z.object({ survivorId: z.string(), merges: z.array(z.object({ id: z.string(), mergedId: z.string() })) });
export const ZBulkMergeRequest = z.object({ object: ZDedupObject, clusterIds: z.array(z.uuid()).min(1).max(100) }).strict();
export const ZBulkMergeResult = z.object({
  merged: z.number(),
  results: z.array(z.object({ clusterId: z.string(), survivorId: z.string().nullable(), error: z.string().nullable() })),
});

export const ZMergeHistory = z.object({
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
export const ZHistoryQuery = ZObjectQuery.extend({ limit: z.coerce.number().int().min(1).max(100).default(20), cursor: z.uuid().optional() });

export const ZSettings = z
  .object({
    threshold: z.number().min(0.05).max(0.99),
    defaultRule: z.enum(SURVIVORSHIP_RULES),
    rules: z.record(z.string(), z.enum(SURVIVORSHIP_RULES)),
    sourcePriority: z.array(z.string().max(50)).max(50),
  })
  .strict();
