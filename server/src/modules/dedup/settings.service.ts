import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';
import { DEFAULT_SETTINGS } from './scoring.ts';

export const SURVIVORSHIP_RULES = ['survivor', 'mostRecent', 'mostComplete', 'sourcePriority'] as const;
export type SurvivorshipRule = (typeof SURVIVORSHIP_RULES)[number];

export type DedupSettings = {
  threshold: number;
  /** Rule for every field without its own. */
  defaultRule: SurvivorshipRule;
  rules: Record<string, SurvivorshipRule>;
  /** Sources in order of trust, for the sourcePriority rule (first wins). */
  sourcePriority: string[];
};

export const DEFAULT_DEDUP_SETTINGS: DedupSettings = {
  threshold: DEFAULT_SETTINGS.threshold,
  defaultRule: 'mostComplete',
  rules: {},
  sourcePriority: [],
};

export async function loadSettings(tx: Tx, object: string): Promise<DedupSettings> {
  const { rows } = await sql<{ settings: Partial<DedupSettings> }>`select settings from dedup_settings where object = ${object}`.execute(tx);
  return { ...DEFAULT_DEDUP_SETTINGS, ...(rows[0]?.settings ?? {}) };
}

export async function saveSettings(tx: Tx, tenantId: string, object: string, settings: DedupSettings, userId: string | null): Promise<void> {
  await sql`insert into dedup_settings (tenant_id, object, settings, updated_by) values (${tenantId}, ${object}, ${JSON.stringify(settings)}, ${userId})
    on conflict (tenant_id, object) do update set settings = excluded.settings, updated_at = now(), updated_by = excluded.updated_by`.execute(tx);
}

/** The detector's knobs from the tenant's settings (the offset stays the model's). */
export const detectorSettings = (s: DedupSettings) => ({ ...DEFAULT_SETTINGS, threshold: s.threshold });
