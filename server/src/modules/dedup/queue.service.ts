import { z } from 'zod';
import { inTenant } from '#db/tx.ts';
import { ownerLimit, requireAccess } from '#platform/access/access.ts';
import { writeAudit } from '#platform/audit/audit.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { newId } from '#platform/ids.ts';
import { loadVisible, present } from '#platform/records/record-service.ts';
import { dedupErrors } from './dedup.errors.ts';
import { recordsByIds } from './keys.repo.ts';
import type { DedupSchemas, ZCluster } from './dedup.schema.ts';
import { enqueueScan } from './dedup.jobs.ts';
import { dedupTarget } from './dedup-objects.service.ts';
import { countOpen, decidePairs, openClusters } from './pairs.repo.ts';
import { activeRun, insertRun, type RunRow, recentRuns } from './runs.repo.ts';
import { proposalFor } from './merge.service.ts';
import { type FieldEvidence, scorePair } from './scoring.rules.ts';
import { detectorFor } from './detector.service.ts';
import { type DedupSettings, detectorSettings, loadSettings, saveSettings } from './settings.service.ts';

type Cluster = z.infer<typeof ZCluster>;
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export const runToApi = (r: RunRow): z.infer<DedupSchemas['ZRun']> => ({
  id: r.id,
  object: r.object,
  status: r.status,
  phase: r.phase,
  scanned: r.scanned,
  compared: r.compared,
  found: r.found,
  error: r.error,
  createdAt: iso(r.created_at) as string,
  finishedAt: iso(r.finished_at),
});

const encode = (c: { top: number; id: string }) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decode(cursor: string | undefined): { top: number; id: string } | null {
  if (!cursor) return null;
  const parsed = z.object({ top: z.number(), id: z.uuid() }).safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8') || 'null'));
  if (!parsed.success) throw dedupErrors.badCursor();
  return parsed.data;
}

export type ListClustersOptions = { deps: Deps; ctx: RequestContext; q: { object: string; limit: number; cursor?: string | undefined } };
/** The review queue: clusters of suspected duplicates the user may read, best score first. */
export async function listClusters({ deps, ctx, q }: ListClustersOptions) {
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const { table, def } = await dedupTarget({ deps, tx, object: q.object });
    const owners = ownerLimit(ctx.access, requireAccess(ctx.access, q.object, 'read'));
    const rows = await openClusters(tx, table, q.object, owners, decode(q.cursor), q.limit + 1);
    const ids = [...new Set(rows.map((r) => r.cluster_id))];
    const page = ids.slice(0, q.limit);
    const pairs = rows.filter((r) => page.includes(r.cluster_id));
    const records = await present({ tx, deps, ctx, def, rows: await recordsByIds(tx, table, [...new Set(pairs.flatMap((p) => [p.a, p.b]))]) });
    const byId = new Map(records.map((r) => [r.id, r as unknown as Record<string, unknown>]));
    const data: Cluster[] = page.map((id) => {
      const mine = pairs.filter((p) => p.cluster_id === id);
      const members = [...new Set(mine.flatMap((p) => [p.a, p.b]))].map((m) => byId.get(m)).filter((r) => r !== undefined);
      return {
        id,
        score: mine[0]?.top ?? 0,
        records: members.map(summary),
        pairs: mine.map((p) => ({ a: p.a, b: p.b, score: p.score, evidence: p.evidence as FieldEvidence[] })),
      };
    });
    const last = rows.find((r) => r.cluster_id === page.at(-1));
    const nextCursor = ids.length > q.limit && last ? encode({ top: last.top, id: last.cluster_id }) : null;
    return { data, nextCursor, total: await countOpen(tx, table, q.object, owners) };
  });
}

function summary(r: Record<string, unknown>): Cluster['records'][number] {
  const company = (r.company as { name: string } | null | undefined)?.name ?? (r.companyName as string | null | undefined) ?? null;
  return {
    id: r.id as string,
    name: r.name as string,
    emails: ((r.emails as { address: string }[] | undefined) ?? []).map((e) => e.address),
    phones: ((r.phones as { number: string }[] | undefined) ?? []).map((p) => p.number),
    company,
    owner: (r.owner as { id: string; name: string } | null) ?? null,
    createdAt: r.createdAt as string,
    updatedAt: r.updatedAt as string,
  };
}

export type CompareOptions = { deps: Deps; ctx: RequestContext; q: { object: string; ids: string[] } };
/** Side by side: the records (masked for the reader), the proposed survivor values and the evidence. */
export async function compare({ deps, ctx, q }: CompareOptions) {
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const { def } = await dedupTarget({ deps, tx, object: q.object });
    const rows = [];
    for (const id of q.ids) rows.push(await loadVisible({ tx, ctx, def, id, action: 'read' }));
    const { proposals } = await proposalFor({ tx, deps, ctx, object: q.object, rows });
    const records = await present({ tx, deps, ctx, def, rows });
    const masked = records as unknown as Record<string, unknown>[];
    const fields = proposals.map((p) => ({
      ...p,
      values: masked.map((r) => readField(r, p.field)),
      value: p.chosen === 'union' ? p.value : readField(masked[p.chosen] as Record<string, unknown>, p.field),
    }));
    const d = await detectorFor({ deps, tx, tenantId: ctx.tenantId, object: q.object, settings: detectorSettings(await loadSettings(tx, q.object)) });
    const pair = rows.length === 2 ? scorePair(d.toCandidate(rows[0]!), d.toCandidate(rows[1]!), d.settings) : null;
    return { records: masked, fields, evidence: pair?.evidence ?? [], score: pair?.score ?? null };
  });
}

const readField = (r: Record<string, unknown>, field: string) =>
  field.startsWith('custom.') ? ((r.custom as Record<string, unknown>)?.[field.slice(7)] ?? null) : (r[field] ?? null);

export type DismissOptions = { deps: Deps; ctx: RequestContext } & { object: string; ids: string[] };
/** "Not a duplicate": every pair among these records is dismissed and never suggested again. */
export async function dismiss({ deps, ctx, ...o }: DismissOptions): Promise<{ dismissed: number }> {
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const { def } = await dedupTarget({ deps, tx, object: o.object });
    for (const id of o.ids) await loadVisible({ tx, ctx, def, id, action: 'update' });
    const sorted = [...new Set(o.ids)].sort();
    const pairs: [string, string][] = sorted.flatMap((a, i) => sorted.slice(i + 1).map((b) => [a, b] as [string, string]));
    const dismissed = await decidePairs(tx, o.object, pairs, 'dismissed', ctx.userId);
    await writeAudit(tx, ctx, { action: 'not_duplicate', objectType: o.object, objectId: sorted[0] ?? null, changes: { records: { from: null, to: sorted } } });
    return { dismissed };
  });
}

export type StartScanOptions = { deps: Deps; ctx: RequestContext; object: string };
/** Queues a full scan of one object (or answers with the one already under way). */
export async function startScan({ deps, ctx, object }: StartScanOptions) {
  const run = await inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    await dedupTarget({ deps, tx, object });
    requireAccess(ctx.access, object, 'update');
    const active = await activeRun(tx, object);
    if (active) return active;
    const created = await insertRun(tx, ctx.tenantId, newId(), object, ctx.userId);
    await writeAudit(tx, ctx, { action: 'duplicate_scan', objectType: object, objectId: null, changes: { run: { from: null, to: created.id } } });
    return created;
  });
  await enqueueScan(deps, ctx.tenantId, run.id);
  return runToApi(run);
}

export type ListRunsOptions = { deps: Deps; ctx: RequestContext; object: string };
export async function listRuns({ deps, ctx, object }: ListRunsOptions) {
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    await dedupTarget({ deps, tx, object });
    requireAccess(ctx.access, object, 'read');
    return (await recentRuns(tx, object, 10)).map(runToApi);
  });
}

export type GetSettingsOptions = { deps: Deps; ctx: RequestContext; object: string };
export async function getSettings({ deps, ctx, object }: GetSettingsOptions): Promise<DedupSettings> {
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    await dedupTarget({ deps, tx, object });
    requireAccess(ctx.access, object, 'read');
    return loadSettings(tx, object);
  });
}

export type PutSettingsOptions = { deps: Deps; ctx: RequestContext; object: string; settings: DedupSettings };

export async function putSettings({ deps, ctx, object, settings }: PutSettingsOptions): Promise<DedupSettings> {
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    await dedupTarget({ deps, tx, object });
    if (!ctx.access.isAdmin) throw dedupErrors.forbidden();
    const before = await loadSettings(tx, object);
    await saveSettings({ tx, tenantId: ctx.tenantId, object, settings, userId: ctx.userId });
    await writeAudit(tx, ctx, { action: 'updated', objectType: 'dedup_settings', objectId: null, changes: { [object]: { from: before, to: settings } } });
    return settings;
  });
}
