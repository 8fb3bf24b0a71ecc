import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#platform/deps.ts';
import { ZIdParams } from '#platform/http/list-query.ts';
import { getWebhookDelivery, listWebhookDeliveries, replayDelivery } from './deliveries.service.ts';
import type { DeliverySettings } from './delivery-settings.rules.ts';
import {
  ZCreatedWebhook,
  ZCreateWebhookRequest,
  ZDeliveriesQuery,
  ZEventTypes,
  ZRotateSecretRequest,
  ZUpdateWebhookRequest,
  ZWebhook,
  ZWebhookAttempt,
  ZWebhookDelivery,
  ZWebhookDeliveryDetail,
  ZWebhookSecret,
} from './webhooks.schema.ts';
import * as service from './webhooks.service.ts';

export function webhookRoutes(app: FastifyInstance, deps: Deps, settings: DeliverySettings) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['webhooks'];
  const base = (ctx: Parameters<typeof service.listWebhooks>[0]['ctx']) => ({ deps, ctx, settings });
  r.get('/api/v1/webhook-event-types', { schema: { tags, response: { 200: ZEventTypes } } }, async (req) => ({
    data: await service.listEventTypes({ deps, ctx: req.ctx }),
  }));
  r.get('/api/v1/webhooks', { schema: { tags, response: { 200: z.object({ data: z.array(ZWebhook) }) } } }, async (req) => ({
    data: await service.listWebhooks(base(req.ctx)),
  }));
  r.post(
    '/api/v1/webhooks',
    { schema: { tags, body: ZCreateWebhookRequest, response: { 201: ZCreatedWebhook } }, config: { noReplay: true } },
    async (req, reply) => reply.status(201).send(await service.createWebhook({ ...base(req.ctx), input: req.body })),
  );
  r.get('/api/v1/webhooks/:id', { schema: { tags, params: ZIdParams, response: { 200: ZWebhook } } }, async (req) =>
    service.getWebhook({ ...base(req.ctx), id: req.params.id }),
  );
  r.patch('/api/v1/webhooks/:id', { schema: { tags, params: ZIdParams, body: ZUpdateWebhookRequest, response: { 200: ZWebhook } } }, async (req) =>
    service.updateWebhook({ ...base(req.ctx), id: req.params.id, input: req.body }),
  );
  r.delete('/api/v1/webhooks/:id', { schema: { tags, params: ZIdParams } }, async (req, reply) => {
    await service.deleteWebhook({ ...base(req.ctx), id: req.params.id });
    return reply.status(204).send();
  });
  r.get('/api/v1/webhooks/:id/secret', { schema: { tags, params: ZIdParams, response: { 200: ZWebhookSecret } } }, async (req) =>
    service.revealSecret({ ...base(req.ctx), id: req.params.id }),
  );
  r.post(
    '/api/v1/webhooks/:id/rotate-secret',
    { schema: { tags, params: ZIdParams, body: ZRotateSecretRequest, response: { 200: ZWebhookSecret } }, config: { noReplay: true } },
    async (req) => service.rotateSecret({ ...base(req.ctx), id: req.params.id, overlapHours: req.body.overlapHours }),
  );
  r.get(
    '/api/v1/webhooks/:id/deliveries',
    {
      schema: {
        tags,
        params: ZIdParams,
        querystring: ZDeliveriesQuery,
        response: { 200: z.object({ data: z.array(ZWebhookDelivery), nextCursor: z.string().nullable() }) },
      },
    },
    async (req) => listWebhookDeliveries({ ...base(req.ctx), id: req.params.id, query: req.query }),
  );
  r.get('/api/v1/webhook-deliveries/:id', { schema: { tags, params: ZIdParams, response: { 200: ZWebhookDeliveryDetail } } }, async (req) =>
    getWebhookDelivery({ ...base(req.ctx), id: req.params.id }),
  );
  r.post('/api/v1/webhook-deliveries/:id/replay', { schema: { tags, params: ZIdParams, response: { 200: ZWebhookAttempt } } }, async (req) =>
    replayDelivery({ ...base(req.ctx), id: req.params.id }),
  );
}
