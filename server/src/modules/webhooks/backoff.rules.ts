/** Seconds before the first retry; each next waits twice as long, up to the cap. */
export const FIRST_RETRY_SECONDS = 30;
export const MAX_RETRY_SECONDS = 6 * 3600;
/** Attempts in all (the first plus retries): 30 s, 1 m, 2 m ... 6 h, 6 h: about 31 hours. */
export const MAX_ATTEMPTS = 15;

export type BackoffOptions = { firstSeconds?: number; maxSeconds?: number; maxAttempts?: number; random?: () => number };

/**
 * Seconds to wait after failed attempt `attempt` (1-based), or null when it was the last.
 * Exponential with a cap and ±10 % jitter, so receivers that come back are not hit all at once.
 */
export function retryDelaySeconds(attempt: number, o: BackoffOptions = {}): number | null {
  if (attempt >= (o.maxAttempts ?? MAX_ATTEMPTS)) return null;
  const base = Math.min((o.firstSeconds ?? FIRST_RETRY_SECONDS) * 2 ** (attempt - 1), o.maxSeconds ?? MAX_RETRY_SECONDS);
  const jitter = 1 + ((o.random ?? Math.random)() * 0.2 - 0.1);
  return base * jitter;
}
