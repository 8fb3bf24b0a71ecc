import { inTenant } from '#db/tx.ts';
import type { Deps } from '#platform/deps.ts';
import { MAX_BLOCK } from './blocking.rules.ts';
import { detectorFor, indexRows, recluster, scorePairs } from './detector.service.ts';
import { blockPage, clearKeys, recordPage } from './keys.repo.ts';
import { findRun, saveRun } from './runs.repo.ts';
import { detectorSettings, loadSettings } from './settings.service.ts';

export type ScanOptions = { deps: Deps; tenantId: string; runId: string; batchSize?: number; maxBatches?: number };
export type ScanOutcome = 'done' | 'paused' | 'skipped';

/**
 * A full scan in three checkpointed phases, one transaction per batch: index every live record's
 * blocking keys, score the candidate pairs block by block, cluster the suggestions. A run killed
 * mid-way resumes from its cursor; a finished one is left alone.
 */
export async function runScan(o: ScanOptions): Promise<ScanOutcome> {
  const { deps, tenantId, runId } = o;
  const batch = o.batchSize ?? 1000;
  let batches = 0;
  for (;;) {
    if (o.maxBatches !== undefined && batches >= o.maxBatches) return 'paused';
    batches++;
    const step = await inTenant(deps.db.kysely, tenantId, async (tx) => {
      const run = await findRun(tx, runId);
      if (!run || run.status === 'done' || run.status === 'failed') return 'skipped' as const;
      const object = run.object;
      const d = await detectorFor({ deps, tx, tenantId, object, settings: detectorSettings(await loadSettings(tx, object)) });
      if (run.phase === 'keys') {
        if (run.cursor === null && run.scanned === 0) await clearKeys(tx, object);
        const rows = await recordPage(tx, d.table, run.cursor, batch);
        await indexRows(d, rows);
        const last = rows.at(-1)?.id ?? null;
        await saveRun(
          tx,
          runId,
          rows.length < batch
            ? { status: 'running', phase: 'pairs', cursor: null, scanned: rows.length }
            : { status: 'running', cursor: last, scanned: rows.length },
        );
        return 'more' as const;
      }
      if (run.phase === 'pairs') {
        // Blocks in key order; a page ends once it holds about `batch` pairs (a pair in two blocks is scored twice, harmlessly).
        const blocks = await blockPage(tx, object, run.cursor, 200, MAX_BLOCK);
        const pairs = new Map<string, [string, string]>();
        let lastKey: string | null = null;
        for (const block of blocks) {
          for (let i = 0; i < block.ids.length; i++)
            for (let j = i + 1; j < block.ids.length; j++) pairs.set(`${block.ids[i]}|${block.ids[j]}`, [block.ids[i] as string, block.ids[j] as string]);
          lastKey = block.key;
          if (pairs.size >= batch) break;
        }
        const found = await scorePairs(d, [...pairs.values()]);
        const finished = blocks.length < 200 && lastKey === (blocks.at(-1)?.key ?? null);
        await saveRun(
          tx,
          runId,
          finished ? { phase: 'clusters', cursor: null, compared: pairs.size, found } : { cursor: lastKey, compared: pairs.size, found },
        );
        return 'more' as const;
      }
      const open = await recluster(d, null);
      // Pages may meet a pair twice (it shares two blocks): the final count is the stored suggestions.
      await saveRun(tx, runId, { status: 'done', found: open - run.found });
      return 'done' as const;
    });
    if (step !== 'more') return step;
  }
}
