import type { Candidate } from './candidate.mapper.ts';
import { phoneticOf, toPinyin } from './text.rules.ts';

/** Blocks larger than this are too common to say anything ("wang", one postcode); their pairs are never formed. */
export const MAX_BLOCK = 60;

const words = (s: string) => s.split(' ').filter(Boolean);

/**
 * The keys that put a record in a block; only records sharing a key are ever compared. Exact
 * identifiers, the sound of the name (pinyin or Double Metaphone, words in any order), name
 * prefixes (typo-tolerant n-grams), birthday and address pieces.
 */
export function blockingKeys(c: Candidate): string[] {
  const keys = new Set<string>();
  for (const e of c.emails) keys.add(`e:${e}`);
  for (const p of c.phones) keys.add(`p:${p}`);
  if (c.idHash) keys.add(`h:${c.idHash}`); // h: keyed with the dedup-identifier sub-key (i: with the master key: rekey.service.ts)
  for (const k of c.keys) keys.add(`k:${k}`);
  const nameWords = c.given || c.family ? [...words(c.given), ...words(c.family)] : words(c.name);
  const sounds = nameWords.map(phoneticOf).filter(Boolean);
  if (sounds.length) keys.add(`n:${[...sounds].sort().join(' ')}`);
  for (const w of nameWords) keys.add(`w:${w}`);
  if (c.given && c.family) {
    keys.add(`q:${c.family.slice(0, 3)}|${c.given.slice(0, 1)}`);
    keys.add(`q:${c.given.slice(0, 3)}|${c.family.slice(0, 1)}`);
  }
  if (!c.given && !c.family && c.name) keys.add(`y:${toPinyin(c.name).replace(/ /g, '')}`);
  if (c.birthday) keys.add(`b:${c.birthday}`);
  if (c.postcode && c.streetNumber) keys.add(`a:${c.postcode}|${c.streetNumber}`);
  if (c.street && c.postcode) keys.add(`s:${c.street}|${c.postcode}`);
  if (c.org && sounds.length) keys.add(`o:${c.org}|${sounds[0]}`);
  return [...keys].filter((k) => k.length <= 200);
}
