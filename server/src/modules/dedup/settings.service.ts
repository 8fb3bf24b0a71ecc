import type { Tx } from '#db/tx.ts';
import { DEFAULT_SETTINGS } from './scoring.rules.ts';
import { selectSettings, upsertSettings } from './settings.repo.ts';

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
  return { ...DEFAULT_DEDUP_SETTINGS, ...((await selectSettings<DedupSettings>(tx, object)) ?? {}) };
}

export type SaveSettingsOptions = { tx: Tx; tenantId: string; object: string; settings: DedupSettings; userId: string | null };
export async function saveSettings({ tx, tenantId, object, settings, userId }: SaveSettingsOptions): Promise<void> {
  await upsertSettings(tx, tenantId, object, settings, userId);
}

/** The detector's knobs from the tenant's settings (the offset stays the model's). */
export const detectorSettings = (s: DedupSettings) => ({ ...DEFAULT_SETTINGS, threshold: s.threshold });
