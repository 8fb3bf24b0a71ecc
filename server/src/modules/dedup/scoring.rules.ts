import type { Candidate } from './candidate.mapper.ts';
import { jw, nameSimilarity, tokenSimilarity } from './similarity.rules.ts';

/**
 * Fellegi-Sunter style evidence: each field adds a weight in bits, log2(m/u), when both sides
 * have it (agreement levels by similarity), or subtracts when they disagree; missing adds 0.
 * The weights are general priors for person/company records (see docs/decisions.md), not fitted.
 */
export type FieldEvidence = { field: string; similarity: number; weight: number };
export type PairScore = { score: number; weight: number; evidence: FieldEvidence[] };

export type DetectorSettings = {
  /** A pair is suggested when its score (0..1) reaches this. */
  threshold: number;
  /** Bits of evidence at which the score is 0.5 (prior odds of a match inside a block). */
  offset: number;
};

export const DEFAULT_SETTINGS: DetectorSettings = { threshold: 0.5, offset: 10 };

const levels = (sim: number, steps: [number, number][], otherwise: number) => {
  for (const [min, weight] of steps) if (sim >= min) return weight;
  return otherwise;
};

const NAME_PART: [number, number][] = [
  [0.99, 6],
  [0.93, 4],
  [0.85, 1.5],
];
const WHOLE_NAME: [number, number][] = [
  [0.99, 9],
  [0.93, 7],
  [0.85, 3],
  [0.75, 0],
];

/** Birthdays: equal; one typo or day/month swapped; otherwise different. */
function birthdaySimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length !== b.length) return 0;
  let diff = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff++;
  const swapped = a.length === 10 && a.slice(0, 4) === b.slice(0, 4) && a.slice(5, 7) === b.slice(8, 10) && a.slice(8, 10) === b.slice(5, 7);
  return diff <= 1 || swapped ? 0.9 : jw(a, b) * 0.5;
}

const overlap = (a: string[], b: string[]) => a.some((x) => b.includes(x));

/** Match keys field by field (`custom.code=hd001`): a field both have agrees when a value is shared. */
function keyEvidence(a: Candidate, b: Candidate, out: FieldEvidence[]): void {
  const field = (k: string) => k.slice(0, k.indexOf('='));
  for (const f of new Set(a.keys.map(field))) {
    const mine = a.keys.filter((k) => field(k) === f);
    const theirs = b.keys.filter((k) => field(k) === f);
    if (!theirs.length) continue;
    const same = overlap(mine, theirs);
    out.push({ field: f, similarity: same ? 1 : 0, weight: same ? 14 : -6 });
  }
}

function nameEvidence(a: Candidate, b: Candidate, out: FieldEvidence[]): void {
  if (a.given && a.family && b.given && b.family) {
    const straight = [nameSimilarity(a.given, b.given), nameSimilarity(a.family, b.family)];
    const swapped = [nameSimilarity(a.given, b.family), nameSimilarity(a.family, b.given)];
    const [g, f] = straight[0]! + straight[1]! >= swapped[0]! + swapped[1]! - 0.1 ? straight : swapped.map((s) => s * 0.97);
    out.push({ field: 'givenName', similarity: g!, weight: levels(g!, NAME_PART, -4) });
    out.push({ field: 'familyName', similarity: f!, weight: levels(f!, NAME_PART, -5) });
    return;
  }
  const one = (x: Candidate, y: Candidate) => (x.given || x.family) && (y.given || y.family) && !(x.given && x.family && y.given && y.family);
  if (one(a, b)) {
    // One part missing on a side (FEBRL-style blanks): compare what both have.
    const parts: [string, string, string][] = [
      ['givenName', a.given, b.given],
      ['familyName', a.family, b.family],
    ];
    for (const [field, x, y] of parts) if (x && y) out.push({ field, similarity: nameSimilarity(x, y), weight: levels(nameSimilarity(x, y), NAME_PART, -5) });
    return;
  }
  if (a.name && b.name) {
    const s = nameSimilarity(a.name, b.name);
    out.push({ field: 'name', similarity: s, weight: levels(s, WHOLE_NAME, -8) });
  }
}

/** The evidence that `a` and `b` are the same party, and the score (0..1) it adds up to. */
export function scorePair(a: Candidate, b: Candidate, settings: DetectorSettings = DEFAULT_SETTINGS): PairScore {
  const ev: FieldEvidence[] = [];
  nameEvidence(a, b, ev);
  keyEvidence(a, b, ev);
  if (a.idHash && b.idHash) ev.push({ field: 'idNumber', similarity: a.idHash === b.idHash ? 1 : 0, weight: a.idHash === b.idHash ? 14 : -6 });
  if (a.emails.length && b.emails.length)
    ev.push({ field: 'emails', similarity: overlap(a.emails, b.emails) ? 1 : 0, weight: overlap(a.emails, b.emails) ? 12 : -1 });
  if (a.phones.length && b.phones.length)
    ev.push({ field: 'phones', similarity: overlap(a.phones, b.phones) ? 1 : 0, weight: overlap(a.phones, b.phones) ? 11 : -1 });
  if (a.birthday && b.birthday) {
    const s = birthdaySimilarity(a.birthday, b.birthday);
    ev.push({ field: 'birthday', similarity: s, weight: s === 1 ? 8 : s >= 0.9 ? 3 : -4 });
  }
  if (a.street && b.street) {
    const s = tokenSimilarity(a.street.split(' '), b.street.split(' '));
    ev.push({
      field: 'street',
      similarity: s,
      weight: levels(
        s,
        [
          [0.97, 4],
          [0.88, 2],
        ],
        -2,
      ),
    });
  }
  if (a.streetNumber && b.streetNumber)
    ev.push({ field: 'streetNumber', similarity: a.streetNumber === b.streetNumber ? 1 : 0, weight: a.streetNumber === b.streetNumber ? 2 : -1 });
  if (a.postcode && b.postcode) ev.push({ field: 'postcode', similarity: a.postcode === b.postcode ? 1 : 0, weight: a.postcode === b.postcode ? 3 : -1 });
  if (a.city && b.city) {
    const s = jw(a.city, b.city);
    ev.push({
      field: 'city',
      similarity: s,
      weight: levels(
        s,
        [
          [0.97, 2.5],
          [0.9, 1],
        ],
        -1,
      ),
    });
  }
  if (a.province && b.province) ev.push({ field: 'province', similarity: a.province === b.province ? 1 : 0, weight: a.province === b.province ? 0.5 : -1 });
  if (a.org && b.org) ev.push({ field: 'org', similarity: a.org === b.org ? 1 : 0, weight: a.org === b.org ? 3 : -1 });
  const weight = ev.reduce((sum, e) => sum + e.weight, 0);
  return { score: 1 / (1 + 2 ** -(weight - settings.offset)), weight, evidence: ev };
}
