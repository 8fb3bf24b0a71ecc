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
