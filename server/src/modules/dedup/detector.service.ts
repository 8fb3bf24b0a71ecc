import type { Tx } from '#db/tx.ts';
import type { Deps } from '#platform/deps.ts';
import { blockingKeys, MAX_BLOCK } from './blocking.rules.ts';
import { type Candidate, toCandidate } from './candidate.mapper.ts';
import { dropKeys, neighboursOf, recordsByIds, replaceKeys } from './keys.repo.ts';
import { dedupTarget, keyContext } from './dedup-objects.service.ts';
import { dropOpenPairs, openPairsOf, type ScoredPair, setClusters, upsertPairs } from './pairs.repo.ts';
import { type DetectorSettings, scorePair } from './scoring.rules.ts';
import { clustersOf } from './union-find.rules.ts';
import type { Row } from '#platform/records/records.repo.ts';

/** One tenant's detector: the product's only path from rows to suggestions (scan, incremental, bench). */
export type Detector = { tx: Tx; tenantId: string; object: string; table: string; settings: DetectorSettings; toCandidate: (row: Row) => Candidate };

export type DetectorForOptions = { deps: Deps; tx: Tx; tenantId: string; object: string; settings: DetectorSettings };
export async function detectorFor({ deps, tx, tenantId, object, settings }: DetectorForOptions): Promise<Detector> {
  const { table, spec } = await dedupTarget({ deps, tx, object });
  const k = await keyContext({ deps, tx, tenantId });
  // The threshold is the tenant's; the offset is the object's model (its spec may set its own).
  return {
    tx,
    tenantId,
    object,
    table,
    settings: { ...settings, offset: spec.offset ?? settings.offset },
    toCandidate: (row) => toCandidate(spec.candidate(row, k)),
  };
}

/** Computes and stores the blocking keys of these rows. */
export async function indexRows(d: Detector, rows: Row[]): Promise<void> {
  const keys = rows.flatMap((row) => blockingKeys(d.toCandidate(row)).map((key) => ({ recordId: row.id, key })));
  await replaceKeys(
    d.tx,
    d.tenantId,
    d.object,
    rows.map((r) => r.id),
    keys,
  );
}

/** Scores candidate pairs: those reaching the threshold are stored (or refreshed), open ones below it withdrawn. */
export async function scorePairs(d: Detector, pairs: [string, string][]): Promise<number> {
  if (!pairs.length) return 0;
  const ids = [...new Set(pairs.flat())];
  const rows = await recordsByIds(d.tx, d.table, ids);
  const live = new Map(rows.filter((r) => r.deleted_at === null).map((r) => [r.id, d.toCandidate(r)]));
  const found: ScoredPair[] = [];
  const below: [string, string][] = [];
  for (const [a, b] of pairs) {
    const ca = live.get(a);
    const cb = live.get(b);
    const result = ca && cb ? scorePair(ca, cb, d.settings) : null;
    if (result && result.score >= d.settings.threshold) found.push({ a, b, score: result.score, evidence: result.evidence });
    else below.push([a, b]);
  }
  await upsertPairs(d.tx, d.tenantId, d.object, found);
  await dropOpenPairs(d.tx, d.object, below);
  return found.length;
}

/** Union-find over open pairs (all, or the components touching `recordIds`), written back as cluster ids. */
export async function recluster(d: Detector, recordIds: string[] | null): Promise<number> {
  const pairs = await openPairsOf(d.tx, d.object, recordIds);
  await setClusters(d.tx, d.object, pairs, clustersOf(pairs.map((p) => [p.a, p.b] as const)));
  return pairs.length;
}

export type CheckRecordOptions = { d: Detector; row: Row | undefined; recordId: string };
/** The incremental check of one created or changed record against its blocks. */
export async function checkRecord({ d, row, recordId }: CheckRecordOptions): Promise<number> {
  if (!row || row.deleted_at !== null) {
    await dropKeys(d.tx, d.object, recordId);
    return 0;
  }
  await indexRows(d, [row]);
  const paired = (await openPairsOf(d.tx, d.object, [row.id])).flatMap((p) => (p.a === row.id ? [p.b] : p.b === row.id ? [p.a] : []));
  const others = [...new Set([...(await neighboursOf(d.tx, d.object, row.id, MAX_BLOCK)), ...paired])];
  const found = await scorePairs(
    d,
    others.map((o) => (o < row.id ? [o, row.id] : [row.id, o])),
  );
  await recluster(d, [row.id, ...others]);
  return found;
}
