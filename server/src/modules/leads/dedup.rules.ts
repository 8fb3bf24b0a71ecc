import { z } from 'zod';

export const DEDUP_KINDS = ['email', 'phone', 'company_name', 'fuzzy_name'] as const;
export type DedupKind = (typeof DEDUP_KINDS)[number];
export const DEDUP_ACTIONS = ['block', 'warn', 'merge'] as const;
export type DedupAction = (typeof DEDUP_ACTIONS)[number];

export const ZDedupRule = z
  .object({
    kind: z.enum(DEDUP_KINDS),
    action: z.enum(DEDUP_ACTIONS),
    enabled: z.boolean(),
    /** Trigram similarity 0.3-1 for fuzzy_name; ignored by the exact kinds. */
    threshold: z.number().min(0.3).max(1).optional(),
  })
  .strict();
export type TDedupRule = z.infer<typeof ZDedupRule>;

/** What a tenant starts with: exact email and phone warn, company + name warns, fuzzy names warn at 0.6. */
export const DEFAULT_DEDUP_RULES: TDedupRule[] = [
  { kind: 'email', action: 'warn', enabled: true },
  { kind: 'phone', action: 'warn', enabled: true },
  { kind: 'company_name', action: 'warn', enabled: true },
  { kind: 'fuzzy_name', action: 'warn', enabled: true, threshold: 0.6 },
];

export type LeadProbe = { name: string; companyName: string | null; emails: string[]; phones: string[] };
export type DuplicateHit = { id: string; name: string; rule: DedupKind; action: DedupAction; owner: { id: string; name: string } | null };

const SEVERITY: Record<DedupAction, number> = { block: 3, merge: 2, warn: 1 };

/** The strongest action among the hits (block > merge > warn), and the hit that decided it. */
export function decide(hits: DuplicateHit[]): DuplicateHit | null {
  return hits.reduce<DuplicateHit | null>((best, h) => (!best || SEVERITY[h.action] > SEVERITY[best.action] ? h : best), null);
}
