import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#platform/deps.ts';
import { ZIdParams } from '#platform/http/list-query.ts';
import { dedupSchemas, ZBulkMergeResult, ZClusterList, ZComparison, ZMergeResult, ZSettings } from './dedup.schema.ts';
import { standardDedupTargets } from './dedup-objects.service.ts';
import { bulkMerge, mergeHistory } from './history.service.ts';
import { mergeRecords } from './merge.service.ts';
import * as queue from './queue.service.ts';
import { unmerge } from './unmerge.service.ts';

export function dedupRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['duplicates'];
  const base = '/api/v1/duplicates';
  const { ZBulkMergeRequest, ZClusterQuery, ZCompareQuery, ZDismissRequest, ZHistoryQuery, ZMergeHistory, ZMergeRequest, ZObjectQuery, ZRun } = dedupSchemas(
    standardDedupTargets(deps).map((t) => t.name),
  );
  r.get(
    `${base}`,
    { schema: { tags, summary: 'Suspected duplicate clusters (review queue), best score first', querystring: ZClusterQuery, response: { 200: ZClusterList } } },
    async (req) => queue.listClusters({ deps, ctx: req.ctx, q: req.query }),
  );
  r.post(
    `${base}/scan`,
    { schema: { tags, summary: 'Run duplicate detection over every record of an object (background job)', body: ZObjectQuery, response: { 202: ZRun } } },
    async (req, reply) => reply.status(202).send(await queue.startScan({ deps, ctx: req.ctx, object: req.body.object })),
  );
  r.get(
    `${base}/runs`,
    { schema: { tags, summary: 'Recent detection runs with progress', querystring: ZObjectQuery, response: { 200: z.object({ data: z.array(ZRun) }) } } },
    async (req) => ({
      data: await queue.listRuns({ deps, ctx: req.ctx, object: req.query.object }),
    }),
  );
  r.get(
    `${base}/compare`,
    { schema: { tags, summary: 'Side-by-side comparison with the proposed survivor values', querystring: ZCompareQuery, response: { 200: ZComparison } } },
    async (req) => queue.compare({ deps, ctx: req.ctx, q: req.query }),
  );
  r.post(
    `${base}/dismiss`,
    {
      schema: {
        tags,
        summary: 'Not a duplicate: never suggest these records together again',
        body: ZDismissRequest,
        response: { 200: z.object({ dismissed: z.number() }) },
      },
    },
    async (req) => queue.dismiss({ deps, ctx: req.ctx, ...req.body }),
  );
  r.post(
    `${base}/merge`,
    { schema: { tags, summary: 'Merge records into the survivor (one transaction, undoable)', body: ZMergeRequest, response: { 200: ZMergeResult } } },
    async (req) => mergeRecords({ deps, ctx: req.ctx, ...req.body }),
  );
  r.post(
    `${base}/merge-bulk`,
    { schema: { tags, summary: 'Merge whole clusters with the default survivorship rules', body: ZBulkMergeRequest, response: { 200: ZBulkMergeResult } } },
    async (req) => bulkMerge({ deps, ctx: req.ctx, ...req.body }),
  );
  r.get(
    `${base}/merges`,
    { schema: { tags, summary: 'Merge history, newest first', querystring: ZHistoryQuery, response: { 200: ZMergeHistory } } },
    async (req) => mergeHistory({ deps, ctx: req.ctx, q: req.query }),
  );
  r.post(
    `${base}/merges/:id/undo`,
    {
      schema: {
        tags,
        summary: 'Unmerge: restore the merged-away record, its values and moved relations',
        params: ZIdParams,
        response: { 200: z.object({ survivorId: z.string(), restoredId: z.string() }) },
      },
    },
    async (req) => unmerge({ deps, ctx: req.ctx, mergeId: req.params.id }),
  );
  r.get(
    `${base}/settings`,
    { schema: { tags, summary: 'Threshold and survivorship rules of an object', querystring: ZObjectQuery, response: { 200: ZSettings } } },
    async (req) => queue.getSettings({ deps, ctx: req.ctx, object: req.query.object }),
  );
  r.put(
    `${base}/settings`,
    {
      schema: {
        tags,
        summary: 'Change the threshold and survivorship rules (administrators)',
        querystring: ZObjectQuery,
        body: ZSettings,
        response: { 200: ZSettings },
      },
    },
    async (req) => queue.putSettings({ deps, ctx: req.ctx, object: req.query.object, settings: req.body }),
  );
}
