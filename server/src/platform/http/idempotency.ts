import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { inTenant } from '#db/tx.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors/app-error.ts';

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyKey?: string;
  }
}

const requestHash = (request: FastifyRequest) =>
  createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');

/**
 * `Idempotency-Key` on POST: the first successful request's status and body are stored and
 * replayed for retries with the same key; the same key with another body is refused (422).
 */
export function registerIdempotency(app: FastifyInstance, deps: Deps) {
  const db = deps.db.kysely;
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || typeof key !== 'string' || !request.ctx?.userId || request.routeOptions.config?.noReplay) return;
    if (key.length === 0 || key.length > 200) throw new AppError('bad_request');
    const { tenantId, userId } = request.ctx;
    const hash = requestHash(request);
    const existing = await inTenant(db, tenantId, async (tx) => {
      const inserted = await tx
        .insertInto('idempotency_keys')
        .values({ tenant_id: tenantId, user_id: userId, key, request_hash: hash })
        .onConflict((oc) => oc.doNothing())
        .returning('key')
        .executeTakeFirst();
      if (inserted) return null;
      return tx.selectFrom('idempotency_keys').selectAll().where('user_id', '=', userId).where('key', '=', key).executeTakeFirst();
    });
    if (!existing) {
      request.idempotencyKey = key;
      return;
    }
    if (existing.request_hash !== hash) throw new AppError('validation', { message: 'idempotency_mismatch' });
    if (existing.status_code === null) throw new AppError('conflict', { message: 'idempotency_in_progress' });
    reply.header('idempotent-replayed', 'true');
    return reply.status(existing.status_code).send(existing.response);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const key = request.idempotencyKey;
    if (!key || !request.ctx?.userId) return payload;
    const { tenantId, userId } = request.ctx;
    await inTenant(db, tenantId, async (tx) => {
      // Only a success is remembered: after a refusal (which wrote nothing) or a server error the
      // client may correct or retry the request under the same key, and a refusal leaves no row behind.
      if (reply.statusCode >= 400) {
        await tx.deleteFrom('idempotency_keys').where('user_id', '=', userId).where('key', '=', key).execute();
        return;
      }
      await tx
        .updateTable('idempotency_keys')
        .set({ status_code: reply.statusCode, response: typeof payload === 'string' ? payload : null })
        .where('user_id', '=', userId)
        .where('key', '=', key)
        .execute();
    });
    return payload;
  });
}
