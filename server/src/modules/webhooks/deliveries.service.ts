import { inTenant } from '#db/tx.ts';
import { notFound } from '#platform/errors/app-error.ts';
import * as deliveries from './deliveries.repo.ts';
import { liveSecrets, recordAttempt, sendSigned } from './webhook-delivery.service.ts';
import { attemptToApi, deliveryToApi } from './webhooks.mapper.ts';
import { webhooksErrors } from './webhooks.errors.ts';
import * as repo from './webhooks.repo.ts';
import type { TDeliveriesQuery } from './webhooks.schema.ts';
import { requireAdmin, type WebhookServiceOptions } from './webhooks.service.ts';

const encodeCursor = (r: { created_at: Date | string; id: string }) =>
  Buffer.from(JSON.stringify([new Date(r.created_at).toISOString(), r.id])).toString('base64url');
function decodeCursor(cursor: string | undefined): { createdAt: string; id: string } | undefined {
  if (!cursor) return undefined;
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [string, string];
    if (Number.isNaN(Date.parse(createdAt)) || !/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    return { createdAt, id };
  } catch {
    return undefined;
  }
}

/** A subscription's delivery log, newest first. */
export async function listWebhookDeliveries(o: WebhookServiceOptions & { id: string; query: TDeliveriesQuery }) {
  requireAdmin(o.ctx);
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    if (!(await repo.findSubscription(tx, o.id))) throw notFound('webhook');
    const before = decodeCursor(o.query.cursor);
    const rows = await deliveries.listDeliveries(tx, {
      subscriptionId: o.id,
      limit: o.query.limit,
      ...(before ? { before } : {}),
      ...(o.query.status ? { status: o.query.status } : {}),
    });
    const page = rows.slice(0, o.query.limit);
    const last = page.at(-1);
    return { data: page.map(deliveryToApi), nextCursor: rows.length > o.query.limit && last ? encodeCursor(last) : null };
  });
}

/** One delivery with the body it sends and every attempt's request headers and response. */
export async function getWebhookDelivery(o: WebhookServiceOptions & { id: string }) {
  requireAdmin(o.ctx);
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const row = await deliveries.findDelivery(tx, o.id);
    if (!row) throw notFound('webhookDelivery');
    return { ...deliveryToApi(row), requestBody: row.body, attemptLog: (await deliveries.listAttempts(tx, o.id)).map(attemptToApi) };
  });
}

/**
 * Sends a delivery again now, signed afresh, and answers with the attempt. A success marks it
 * delivered; a failure changes neither its retry schedule nor the subscription's failure streak.
 */
export async function replayDelivery(o: WebhookServiceOptions & { id: string }) {
  requireAdmin(o.ctx);
  const db = o.deps.db.kysely;
  const loaded = await inTenant(db, o.ctx.tenantId, async (tx) => {
    const delivery = await deliveries.findDelivery(tx, o.id);
    if (!delivery) throw notFound('webhookDelivery');
    // Never sent: it would carry nothing its owner may read through the filter it skipped.
    if (delivery.status === 'skipped') throw webhooksErrors.skippedDelivery();
    const sub = await repo.findSubscription(tx, delivery.subscription_id);
    if (!sub) throw notFound('webhook');
    const attempts = await deliveries.listAttempts(tx, o.id);
    return { delivery, sub, secrets: await liveSecrets({ tx, deps: o.deps, tenantId: o.ctx.tenantId, sub }), attempt: attempts.length + 1 };
  });
  const sent = await sendSigned({
    settings: o.settings,
    url: loaded.sub.url,
    body: loaded.delivery.body,
    secrets: loaded.secrets,
    delivery: loaded.delivery,
    attempt: loaded.attempt,
  });
  return inTenant(db, o.ctx.tenantId, async (tx) => {
    const delivery = (await deliveries.findDelivery(tx, o.id)) ?? loaded.delivery;
    const logged = await recordAttempt({
      tx,
      deps: o.deps,
      settings: o.settings,
      tenantId: o.ctx.tenantId,
      sub: loaded.sub,
      delivery,
      attempt: loaded.attempt,
      manual: true,
      sent,
    });
    return attemptToApi(logged);
  });
}
