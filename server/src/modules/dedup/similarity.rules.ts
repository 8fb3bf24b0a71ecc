import { jaroWinkler } from '@skyra/jaro-winkler';
import { hasCjk, toPinyin } from './text.rules.ts';

/** Jaro-Winkler on code points (so CJK characters count as one), 1 for two equal strings. */
export function jw(a: string, b: string): number {
  if (a === b) return 1;
  if (!a || !b) return 0;
  return jaroWinkler(a, b);
}

/** Monge-Elkan: each word of the shorter side matched to its best word on the other, averaged. */
export function tokenSimilarity(a: string[], b: string[]): number {
  if (!a.length || !b.length) return 0;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let sum = 0;
  for (const s of short) sum += Math.max(...long.map((l) => jw(s, l)));
  return sum / short.length;
}

/** Homophones are near-certain but not proof: 张伟 vs 张玮 scores this, not 1. */
const HOMOPHONE = 0.95;

/**
 * Names compared as written and as sounded: the best of Jaro-Winkler on the whole name, on its
 * words in any order, and on the toneless pinyin of a Chinese name.
 */
export function nameSimilarity(a: string, b: string): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  const words = (s: string) => s.split(' ').filter(Boolean);
  let best = Math.max(jw(a, b), tokenSimilarity(words(a), words(b)));
  if (hasCjk(a) || hasCjk(b)) {
    const pa = toPinyin(a);
    const pb = toPinyin(b);
    best = Math.max(best, HOMOPHONE * Math.max(jw(pa, pb), pa.replace(/ /g, '') === pb.replace(/ /g, '') ? 1 : 0));
  }
  return best;
}
