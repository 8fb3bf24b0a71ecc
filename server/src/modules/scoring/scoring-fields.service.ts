import type { Tx } from '#db/tx.ts';
import { listDefs } from '#platform/custom-fields/custom-fields.repo.ts';
import type { FieldError } from '#platform/errors/app-error.ts';
import type { TScoringRuleInput } from './scoring.schema.ts';
import { UNARY_OPERATORS } from './conditions.rules.ts';
import { scoringErrors } from './scoring.errors.ts';

/** Lead fields a scoring or assignment rule may test (API names), with their kind for the UI. */
export const LEAD_RULE_FIELDS: Record<string, string> = {
  industry: 'text',
  region: 'text',
  province: 'text',
  city: 'text',
  title: 'text',
  companySize: 'enum',
  companyName: 'text',
  source: 'text',
  campaign: 'text',
  utmSource: 'text',
  utmMedium: 'text',
  utmCampaign: 'text',
  status: 'enum',
  tags: 'tags',
  confirmation: 'enum',
};

/** Fields assignment rules see beside the lead's own: its stored score and band. */
export const SCORE_FIELDS: Record<string, string> = { score: 'number', scoreBand: 'enum' };

export type RuleField = { field: string; type: string; custom: boolean; label: string | null };

export type RuleFieldsOptions = { tx: Tx; locale: string; withScore?: boolean };
/** The built-in fields plus the tenant's live custom lead fields (`custom.<key>`). */
export async function ruleFields({ tx, locale, withScore = false }: RuleFieldsOptions): Promise<RuleField[]> {
  const builtIn = { ...LEAD_RULE_FIELDS, ...(withScore ? SCORE_FIELDS : {}) };
  const defs = await listDefs(tx, 'lead');
  return [
    ...Object.entries(builtIn).map(([field, type]) => ({ field, type, custom: false, label: null })),
    ...defs.map((d) => ({
      field: `custom.${d.key}`,
      type: d.type,
      custom: true,
      label: (locale.startsWith('zh') ? d.label.zh : d.label.en) ?? d.label.zh ?? d.key,
    })),
  ];
}

/** `company_size` (a stored setting from before) and `companySize` name the same field. */
export const camelField = (f: string) => (f.startsWith('custom.') ? f : f.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()));

export type CheckConditionFieldsOptions = { tx: Tx; conditions: { field: string; operator: string; value?: unknown }[]; path: string; withScore?: boolean };
/**
 * Each condition must name a known field and carry a value unless its operator needs none.
 * Collected per field (`rules.2.field`) so the form can point at the culprit; nothing is saved.
 */
export async function checkConditionFields({ tx, conditions, path, withScore = false }: CheckConditionFieldsOptions): Promise<void> {
  if (conditions.length === 0) return;
  const known = new Set((await ruleFields({ tx, locale: 'en', withScore })).map((f) => f.field));
  const errors: FieldError[] = [];
  conditions.forEach((c, i) => {
    if (!known.has(c.field)) errors.push({ field: `${path}.${i}.field`, message: 'fields.scoring_unknown_field', params: { field: c.field } });
    const empty = c.value === undefined || c.value === null || c.value === '' || (Array.isArray(c.value) && c.value.length === 0);
    if (!UNARY_OPERATORS.includes(c.operator as never) && empty) errors.push({ field: `${path}.${i}.value`, message: 'fields.required' });
  });
  if (errors.length > 0) throw scoringErrors.badConditions(errors);
}

export async function checkRules(tx: Tx, rules: TScoringRuleInput[]): Promise<void> {
  const conditions = rules.map((r) => (r.kind === 'attribute' ? r : { field: 'industry', operator: 'isEmpty' }));
  await checkConditionFields({ tx, conditions, path: 'rules' });
}

const snake = (f: string) => f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The fields rules read, by API name, from a raw lead row (plus its custom values). */
export function leadFieldsOf(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { custom: row.custom ?? {} };
  for (const f of Object.keys(LEAD_RULE_FIELDS)) out[f] = row[snake(f)] ?? null;
  return out;
}
