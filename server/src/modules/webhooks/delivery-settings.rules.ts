import { type AddressPolicy, policyFromEnv } from './address-policy.rules.ts';
import { type BackoffOptions, FIRST_RETRY_SECONDS, MAX_ATTEMPTS } from './backoff.rules.ts';

export type DeliverySettings = {
  policy: AddressPolicy;
  timeoutMs: number;
  backoff: BackoffOptions;
  /** Response bytes kept in the log, and read at most before the connection is dropped. */
  keepBytes: number;
  maxBytes: number;
  /** A subscription is switched off after this many failed attempts in a row ... */
  disableAfterFailures: number;
  /** ... that have lasted at least this long (a short outage under heavy traffic is not enough). */
  disableAfterSeconds: number;
  /** Days the delivery log is kept. */
  keepDays: number;
};

const num = (value: string | undefined, fallback: number) => (value !== undefined && value !== '' && Number.isFinite(Number(value)) ? Number(value) : fallback);

/**
 * From the environment: KEHU_WEBHOOK_ALLOW_PRIVATE=1 (local receivers), and for tests and
 * tuning KEHU_WEBHOOK_TIMEOUT_MS, KEHU_WEBHOOK_RETRY_SECONDS (first retry), KEHU_WEBHOOK_MAX_ATTEMPTS,
 * KEHU_WEBHOOK_DISABLE_AFTER (failures) and KEHU_WEBHOOK_DISABLE_AFTER_SECONDS.
 */
export function deliverySettingsFromEnv(env: NodeJS.ProcessEnv = process.env): DeliverySettings {
  return {
    policy: policyFromEnv(env),
    timeoutMs: num(env.KEHU_WEBHOOK_TIMEOUT_MS, 10_000),
    backoff: { firstSeconds: num(env.KEHU_WEBHOOK_RETRY_SECONDS, FIRST_RETRY_SECONDS), maxAttempts: num(env.KEHU_WEBHOOK_MAX_ATTEMPTS, MAX_ATTEMPTS) },
    keepBytes: 4096,
    maxBytes: 64 * 1024,
    disableAfterFailures: num(env.KEHU_WEBHOOK_DISABLE_AFTER, 100),
    disableAfterSeconds: num(env.KEHU_WEBHOOK_DISABLE_AFTER_SECONDS, 24 * 3600),
    keepDays: 30,
  };
}
