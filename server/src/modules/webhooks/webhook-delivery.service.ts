import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { inTenant, type Tx } from '#db/tx.ts';
import type { Deps } from '#platform/deps.ts';
import { emitEvent } from '#platform/events/outbox.ts';
import { translate } from '#platform/i18n/i18n.ts';
import { notify } from '#modules/notifications/index.ts';
import { newId } from '#platform/ids.ts';
import { jobsOf } from '#platform/jobs/job-registry.ts';
import { scrubText, storableText } from '#platform/logging/redaction.ts';
import { parseWebhookUrl } from './address-policy.rules.ts';
import { retryDelaySeconds } from './backoff.rules.ts';
import * as deliveries from './deliveries.repo.ts';
import type { DeliverySettings } from './delivery-settings.rules.ts';
import { SIGNATURE_HEADER, signatureHeader } from './signature.rules.ts';
import { type PostResult, postWebhook } from './webhook-http.service.ts';
import * as repo from './webhooks.repo.ts';

/** One job per automatic attempt of one delivery. */
export const WEBHOOK_QUEUE = 'webhooks-deliver';
export type AttemptJob = { tenantId: string; deliveryId: string; attempt: number };

/** Seconds a claimed attempt holds its delivery: longer than the request's timeout. */
const LEASE_SECONDS = 60;

const uuidFrom = (text: string) => {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/** A stable job id per attempt (`salt` lets the sweep revive an attempt whose job is gone). */
export const attemptJobId = (job: AttemptJob, salt = '') => uuidFrom(`webhook\n${job.deliveryId}\n${job.attempt}\n${salt}`);

const JOB_OPTIONS = { expireInSeconds: 120, retry: { limit: 3, delaySeconds: 30, backoff: true } };

export type EnqueueAttemptOptions = { tx: Tx; deps: Deps; job: AttemptJob; afterSeconds?: number };
/** Queues an attempt in the caller's transaction; without a runner in this process the sweep sends it. */
export async function enqueueAttempt({ tx, deps, job, afterSeconds = 0 }: EnqueueAttemptOptions): Promise<void> {
  await jobsOf(deps).sendInTx(tx, WEBHOOK_QUEUE, job, { ...JOB_OPTIONS, id: attemptJobId(job), ...(afterSeconds > 0 ? { startAfter: afterSeconds } : {}) });
}

export type ResendAttemptOptions = { deps: Deps; job: AttemptJob; salt: string };
/** The sweep's send, outside any transaction. */
export async function resendAttempt({ deps, job, salt }: ResendAttemptOptions): Promise<void> {
  await jobsOf(deps).send(WEBHOOK_QUEUE, job, { ...JOB_OPTIONS, singletonKey: attemptJobId(job, salt) });
}

type Subscription = NonNullable<Awaited<ReturnType<typeof repo.findSubscription>>>;
type Delivery = NonNullable<Awaited<ReturnType<typeof deliveries.findDelivery>>>;

export type LiveSecretsOptions = { tx: Tx; deps: Deps; tenantId: string; sub: Subscription };
/** The secrets that sign now: the current one, and the previous one inside its overlap window. */
export async function liveSecrets({ tx, deps, tenantId, sub }: LiveSecretsOptions): Promise<string[]> {
  const cipher = await deps.ciphers.forTenant(tenantId, tx);
  const previous = sub.previous_secret_sealed && sub.previous_secret_expires_at && new Date(sub.previous_secret_expires_at) > new Date();
  return [cipher.decrypt(sub.secret_sealed), ...(previous ? [cipher.decrypt(sub.previous_secret_sealed as string)] : [])];
}

export type SendOptions = { settings: DeliverySettings; url: string; body: string; secrets: string[]; delivery: Delivery; attempt: number };

/** Signs and POSTs one delivery's body; returns the headers sent and what came back. */
export async function sendSigned(o: SendOptions): Promise<{ headers: Record<string, string>; startedAt: Date; result: PostResult }> {
  const timestamp = Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'Kehu-Webhooks/1.0',
    'kehu-event-id': o.delivery.event_id,
    'kehu-event-type': o.delivery.event_type,
    'kehu-delivery-id': o.delivery.id,
    'kehu-attempt': String(o.attempt),
    [SIGNATURE_HEADER.toLowerCase()]: signatureHeader(o.secrets, timestamp, o.body),
  };
  const startedAt = new Date();
  const parsed = parseWebhookUrl(o.url);
  const result: PostResult = parsed.ok
    ? await postWebhook({
        url: parsed.url,
        headers,
        body: o.body,
        policy: o.settings.policy,
        timeoutMs: o.settings.timeoutMs,
        keepBytes: o.settings.keepBytes,
        maxBytes: o.settings.maxBytes,
      })
    : { status: null, body: null, truncated: false, error: 'bad_url', durationMs: 0 };
  return { headers, startedAt, result };
}

export const succeeded = (r: PostResult) => r.status !== null && r.status >= 200 && r.status < 300;

export type RecordOptions = {
  tx: Tx;
  deps: Deps;
  settings: DeliverySettings;
  tenantId: string;
  sub: Subscription;
  delivery: Delivery;
  attempt: number;
  manual: boolean;
  sent: Awaited<ReturnType<typeof sendSigned>>;
};

/** Logs an attempt and moves the delivery on: delivered, retried later, or given up; disables a gone or failing subscription. */
export async function recordAttempt(o: RecordOptions) {
  const { tx, sent, delivery } = o;
  const r = sent.result;
  const logged = await deliveries.insertAttempt(tx, {
    tenant_id: o.tenantId,
    id: newId(),
    delivery_id: delivery.id,
    attempt: o.attempt,
    manual: o.manual,
    request_headers: JSON.stringify(sent.headers),
    started_at: sent.startedAt,
    duration_ms: r.durationMs,
    response_status: r.status,
    // A receiver's answer may echo the payload or name a credential: kept scrubbed, as a log line.
    response_body: r.body === null ? null : scrubText(r.body),
    response_truncated: r.truncated,
    error: storableText(r.error),
  });
  const last = { last_status: r.status, last_error: storableText(r.error) };
  if (succeeded(r)) {
    if (delivery.status !== 'delivered')
      await deliveries.updateDelivery(tx, delivery.id, {
        ...last,
        status: 'delivered',
        delivered_at: sql<Date>`now()` as never,
        next_attempt_at: null,
        ...(o.manual ? {} : { attempts: o.attempt }),
      });
    await repo.markSucceeded(tx, o.sub.id);
    return logged;
  }
  if (o.manual) return logged; // a failed replay changes no schedule and no streak
  if (r.status === 410) {
    await deliveries.updateDelivery(tx, delivery.id, { ...last, status: 'failed', attempts: o.attempt, next_attempt_at: null });
    await disable(o, 'gone');
    return logged;
  }
  const delay = retryDelaySeconds(o.attempt, o.settings.backoff);
  if (delay === null) {
    await deliveries.updateDelivery(tx, delivery.id, { ...last, status: 'failed', attempts: o.attempt, next_attempt_at: null });
  } else {
    await deliveries.updateDelivery(tx, delivery.id, {
      ...last,
      attempts: o.attempt,
      next_attempt_at: sql<Date>`now() + make_interval(secs => ${delay})` as never,
    });
    await enqueueAttempt({ tx, deps: o.deps, job: { tenantId: o.tenantId, deliveryId: delivery.id, attempt: o.attempt + 1 }, afterSeconds: delay });
  }
  const streak = await repo.markFailed(tx, o.sub.id);
  const lastedSeconds = streak?.failing_since ? (Date.now() - new Date(streak.failing_since).getTime()) / 1000 : 0;
  if (streak && streak.consecutive_failures >= o.settings.disableAfterFailures && lastedSeconds >= o.settings.disableAfterSeconds) await disable(o, 'failing');
  return logged;
}

const bilingual = (key: string, params: Record<string, unknown>) => ({ zh: translate('zh-CN', key, params), en: translate('en', key, params) });

/** Switches the subscription off, tells its owner (bell, or e-mail per their preference) and emits `webhook.disabled`. */
async function disable(o: RecordOptions, reason: 'gone' | 'failing') {
  if (!(await repo.disableSubscription(o.tx, o.sub.id, reason))) return;
  const params = { name: o.sub.name, url: o.sub.url };
  await notify({
    tx: o.tx,
    tenantId: o.tenantId,
    userIds: [o.sub.owner_id],
    kind: 'webhook',
    title: bilingual('webhooks.disabled_title', params),
    body: bilingual(`webhooks.disabled_${reason}`, params),
    dedupeKey: `webhook-disabled:${o.sub.id}:${o.sub.version}`,
  });
  await emitEvent(
    o.tx,
    { tenantId: o.tenantId, userId: null },
    {
      type: 'webhook.disabled',
      objectType: 'webhook',
      objectId: o.sub.id,
      payload: { reason, ownerId: o.sub.owner_id, name: o.sub.name, url: o.sub.url, consecutiveFailures: o.sub.consecutive_failures },
    },
  );
}

export type RunAttemptOptions = { deps: Deps; settings: DeliverySettings; job: AttemptJob };

/** The queue's handler: claim the due attempt, POST outside any transaction, record the outcome. */
export async function runAttempt(o: RunAttemptOptions): Promise<void> {
  const { deps, job } = o;
  const db = deps.db.kysely;
  const claimed = await inTenant(db, job.tenantId, async (tx) => {
    const delivery = await deliveries.claimDelivery(tx, job.deliveryId, job.attempt, LEASE_SECONDS);
    if (!delivery) return null;
    const sub = await repo.findSubscription(tx, delivery.subscription_id);
    if (!sub?.is_active) {
      await deliveries.updateDelivery(tx, delivery.id, { status: 'failed', last_error: 'subscription_disabled', next_attempt_at: null });
      return null;
    }
    return { delivery, sub, secrets: await liveSecrets({ tx, deps, tenantId: job.tenantId, sub }) };
  });
  if (!claimed) return;
  const sent = await sendSigned({
    settings: o.settings,
    url: claimed.sub.url,
    body: claimed.delivery.body,
    secrets: claimed.secrets,
    delivery: claimed.delivery,
    attempt: job.attempt,
  });
  await inTenant(db, job.tenantId, (tx) =>
    recordAttempt({
      tx,
      deps,
      settings: o.settings,
      tenantId: job.tenantId,
      sub: claimed.sub,
      delivery: claimed.delivery,
      attempt: job.attempt,
      manual: false,
      sent,
    }),
  );
}
