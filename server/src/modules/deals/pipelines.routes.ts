import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#platform/deps.ts';
import { expectedVersion, withEtag } from '#platform/http/conditional.ts';
import { ZIdParams } from '#platform/http/list-query.ts';
import {
  ZCreatePipelineRequest,
  ZCreateStageRequest,
  ZPipeline,
  ZReorderRequest,
  ZStage,
  ZUpdatePipelineRequest,
  ZUpdateStageRequest,
} from './pipelines.schema.ts';
import { createPipeline, deletePipeline, getPipeline, listPipelines, reorderPipelines, updatePipeline } from './pipelines.service.ts';
import { createStage, deleteStage, reorderStages, updateStage } from './stages.service.ts';

const ZStageParams = z.object({ id: z.uuid(), stageId: z.uuid() }).strict();

/** Pipelines and their stages: everyone reads the ones given to their team; admins change them. */
export function pipelineRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['pipelines'];
  const base = '/api/v1/pipelines';

  r.get(
    base,
    {
      schema: {
        tags,
        summary: 'Pipelines the user may see, with their stages in order',
        querystring: z.object({ includeClosed: z.enum(['true', 'false']).optional() }).strict(),
        response: { 200: z.object({ data: z.array(ZPipeline) }) },
      },
    },
    async (req) => ({ data: await listPipelines({ deps, ctx: req.ctx, includeClosed: req.query.includeClosed === 'true' }) }),
  );
  r.post(
    base,
    { schema: { tags, summary: 'Create a pipeline (default stages unless given)', body: ZCreatePipelineRequest, response: { 201: ZPipeline } } },
    async (req, reply) => reply.status(201).send(withEtag(reply, await createPipeline({ deps, ctx: req.ctx, input: req.body }))),
  );
  r.put(
    `${base}/order`,
    {
      schema: {
        tags,
        summary: 'Reorder pipelines (all ids, in the new order)',
        body: ZReorderRequest,
        response: { 200: z.object({ data: z.array(ZPipeline) }) },
      },
    },
    async (req) => ({ data: await reorderPipelines({ deps, ctx: req.ctx, ids: req.body.ids }) }),
  );
  r.get(`${base}/:id`, { schema: { tags, summary: 'One pipeline', params: ZIdParams, response: { 200: ZPipeline } } }, async (req, reply) =>
    withEtag(reply, await getPipeline({ deps, ctx: req.ctx, id: req.params.id })),
  );
  r.patch(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Rename, give to teams, close/reopen, make default (If-Match)',
        params: ZIdParams,
        body: ZUpdatePipelineRequest,
        response: { 200: ZPipeline },
      },
    },
    async (req, reply) => withEtag(reply, await updatePipeline({ deps, ctx: req.ctx, id: req.params.id, version: expectedVersion(req), input: req.body })),
  );
  r.delete(`${base}/:id`, { schema: { tags, summary: 'Delete a pipeline that never held a deal', params: ZIdParams } }, async (req, reply) => {
    await deletePipeline({ deps, ctx: req.ctx, id: req.params.id });
    return reply.status(204).send();
  });

  r.post(
    `${base}/:id/stages`,
    { schema: { tags, summary: 'Add a stage', params: ZIdParams, body: ZCreateStageRequest, response: { 201: ZStage } } },
    async (req, reply) => reply.status(201).send(withEtag(reply, await createStage({ deps, ctx: req.ctx, pipelineId: req.params.id, input: req.body }))),
  );
  r.put(
    `${base}/:id/stages/order`,
    {
      schema: {
        tags,
        summary: 'Reorder stages (all ids, in the new order)',
        params: ZIdParams,
        body: ZReorderRequest,
        response: { 200: z.object({ data: z.array(ZStage) }) },
      },
    },
    async (req) => ({ data: await reorderStages({ deps, ctx: req.ctx, pipelineId: req.params.id, ids: req.body.ids }) }),
  );
  r.patch(
    `${base}/:id/stages/:stageId`,
    { schema: { tags, summary: 'Change a stage (If-Match)', params: ZStageParams, body: ZUpdateStageRequest, response: { 200: ZStage } } },
    async (req, reply) =>
      withEtag(
        reply,
        await updateStage({ deps, ctx: req.ctx, pipelineId: req.params.id, id: req.params.stageId, version: expectedVersion(req), input: req.body }),
      ),
  );
  r.delete(`${base}/:id/stages/:stageId`, { schema: { tags, summary: 'Delete a stage no deal ever used', params: ZStageParams } }, async (req, reply) => {
    await deleteStage({ deps, ctx: req.ctx, pipelineId: req.params.id, id: req.params.stageId });
    return reply.status(204).send();
  });
}
