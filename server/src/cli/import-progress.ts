import type { SingleBar } from 'cli-progress';

type Job = { status: string; totalRows: number | null; progress: { processed: number; rowsPerSecond: number | null; etaSeconds: number | null } };

const pace = (p: Job['progress']) =>
  p.rowsPerSecond === null ? '' : `${Math.round(p.rowsPerSecond).toLocaleString('en')} rows/s${p.etaSeconds !== null ? `, ETA ${p.etaSeconds}s` : ''}`;

/**
 * Import progress for a terminal: a live bar on a TTY; otherwise (logs, CI, pipes) one plain
 * line whenever the row count moves, so the output stays readable when captured.
 */
export function progressReporter(out: NodeJS.WriteStream, makeBar: () => SingleBar) {
  let bar: SingleBar | null = null;
  let last = -1;
  return {
    update: (job: Job) => {
      const total = job.totalRows ?? 0;
      const { processed } = job.progress;
      if (out.isTTY) {
        if (!bar) {
          bar = makeBar();
          bar.start(total, processed, { pace: pace(job.progress) });
        } else bar.update(processed, { pace: pace(job.progress) });
        return;
      }
      if (processed === last) return;
      last = processed;
      const percent = total ? Math.floor((processed / total) * 100) : 0;
      out.write(`progress ${processed}/${total} rows (${percent}%)${job.progress.rowsPerSecond !== null ? `, ${pace(job.progress)}` : ''}\n`);
    },
    stop: () => bar?.stop(),
  };
}
