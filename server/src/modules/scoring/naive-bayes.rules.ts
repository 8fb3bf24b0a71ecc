/**
 * Naive Bayes over categorical lead fields, as Odoo's predictive lead scoring does: per field,
 * how often each value appeared among won and among lost leads (Laplace-smoothed), combined
 * with the prior won/lost ratio in log-odds. Values never seen in training carry no evidence.
 */
export type Sample = { features: Record<string, string | null | undefined>; won: boolean };
export type NaiveBayesModel = {
  won: number;
  lost: number;
  fields: string[];
  /** field -> value -> [won count, lost count] */
  counts: Record<string, Record<string, [number, number]>>;
};
export type Factor = { field: string; value: string; weight: number };
export type Prediction = { probability: number; positive: Factor[]; negative: Factor[] };

export const MIN_OUTCOMES = 20;

export type Readiness = { ready: true } | { ready: false; reason: 'too_few_outcomes' | 'one_class_missing'; won: number; lost: number; needed: number };

/** With too little history, or only wins (or only losses), the model would be guessing. */
export function readiness(won: number, lost: number): Readiness {
  if (won + lost < MIN_OUTCOMES) return { ready: false, reason: 'too_few_outcomes', won, lost, needed: MIN_OUTCOMES };
  if (won === 0 || lost === 0) return { ready: false, reason: 'one_class_missing', won, lost, needed: MIN_OUTCOMES };
  return { ready: true };
}

const key = (v: string | null | undefined) => (v === null || v === undefined || String(v).trim() === '' ? null : String(v).trim().toLocaleLowerCase());

export function train(samples: Sample[], fields: string[]): NaiveBayesModel {
  const model: NaiveBayesModel = { won: 0, lost: 0, fields, counts: {} };
  for (const field of fields) model.counts[field] = {};
  for (const s of samples) {
    if (s.won) model.won++;
    else model.lost++;
    for (const field of fields) {
      const v = key(s.features[field]);
      if (v === null) continue;
      const table = model.counts[field] as Record<string, [number, number]>;
      table[v] ??= [0, 0];
      table[v][s.won ? 0 : 1]++;
    }
  }
  return model;
}

/** log P(value | won) - log P(value | lost), Laplace-smoothed over the field's seen values. */
function weightOf(model: NaiveBayesModel, field: string, value: string): number | null {
  const table = model.counts[field];
  const counts = table?.[value];
  if (!table || !counts) return null;
  const values = Object.keys(table).length;
  let wonTotal = 0;
  let lostTotal = 0;
  for (const [w, l] of Object.values(table)) {
    wonTotal += w;
    lostTotal += l;
  }
  return Math.log((counts[0] + 1) / (wonTotal + values)) - Math.log((counts[1] + 1) / (lostTotal + values));
}

export function predict(model: NaiveBayesModel, features: Record<string, string | null | undefined>, top = 3): Prediction {
  let logOdds = Math.log(model.won / model.lost);
  const factors: Factor[] = [];
  for (const field of model.fields) {
    const v = key(features[field]);
    if (v === null) continue;
    const weight = weightOf(model, field, v);
    if (weight === null) continue;
    logOdds += weight;
    factors.push({ field, value: String(features[field]).trim(), weight: Math.round(weight * 1000) / 1000 });
  }
  const probability = 1 / (1 + Math.exp(-logOdds));
  return {
    probability: Math.round(probability * 1000) / 1000,
    positive: factors
      .filter((f) => f.weight > 0)
      .sort((a, b) => b.weight - a.weight)
      .slice(0, top),
    negative: factors
      .filter((f) => f.weight < 0)
      .sort((a, b) => a.weight - b.weight)
      .slice(0, top),
  };
}
