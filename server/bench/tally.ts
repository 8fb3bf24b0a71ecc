import type { Deps } from '#platform/deps.ts';
import type { Subscribers } from '#platform/events/subscribers.ts';
import type { Logger } from '#platform/jobs/job-types.ts';
import { startJobs } from '#platform/jobs/start-jobs.ts';

/** What a delivery bench counts: arrivals per event id, their latencies, and the last arrival's time. */
export type Tally = { seen: Map<string, number>; latencies: number[]; last: number };

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/**
 * Waits (at most 15 minutes) until `n` distinct events arrived, then 3 s more so a late second
 * arrival would show, and sums up: arrivals, events that arrived twice, rate and latency.
 */
export async function settleTally(tally: Tally, n: number, started: number) {
  const deadline = Date.now() + 15 * 60_000;
  while (tally.seen.size < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const seconds = (tally.last - started) / 1000;
  await new Promise((r) => setTimeout(r, 3000));
  const sorted = [...tally.latencies].sort((a, b) => a - b);
  return {
    arrived: tally.seen.size,
    doubled: [...tally.seen.values()].filter((v) => v > 1).length,
    seconds,
    perSecond: tally.seen.size / seconds,
    p50: pct(sorted, 50),
    p99: pct(sorted, 99),
  };
}

const quiet: Logger = { info: () => {}, warn: () => {}, error: () => {} };

export type UpdatePhaseOptions = {
  /** Written into each title, so every update changes something. */
  name: string;
  deps: Deps;
  subscribers: Subscribers;
  tally: Tally;
  n: number;
  contacts: string[];
  call: (method: 'PATCH', url: string, payload: object) => Promise<unknown>;
};

/**
 * With the job system running on the given subscribers: `n` contact title updates by 8 workers
 * (a 412 from a write that got to the contact first is retried), then the tally settled.
 */
export async function contactUpdatePhase(o: UpdatePhaseOptions): Promise<Awaited<ReturnType<typeof settleTally>>> {
  const jobs = await startJobs({ db: o.deps.db, subscribers: o.subscribers, log: quiet, jobs: o.deps.jobs });
  try {
    const started = Date.now();
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < o.n; i = next++) {
        const id = o.contacts[i % o.contacts.length] as string;
        for (;;) {
          try {
            await o.call('PATCH', `/api/v1/contacts/${id}`, { title: `${o.name.slice(0, 4)} ${i}` });
            break;
          } catch (error) {
            if (!String(error).includes(': 412')) throw error;
          }
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    return await settleTally(o.tally, o.n, started);
  } finally {
    await jobs.stop();
  }
}
