import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { digitsOf } from '../phones.ts';

/** Normalized text that `q` searches: lower case, single spaces. */
export const searchTextOf = (parts: (string | null | undefined)[]): string => parts.filter(Boolean).join(' ').toLowerCase().replace(/\s+/g, ' ').trim();

/** Every way a phone can be typed back: E.164 digits and the national number. */
export const phoneDigitsOf = (phones: { number: string; e164: string | null }[]): string =>
  phones
    .flatMap((p) => [digitsOf(p.number), p.e164 ? digitsOf(p.e164) : ''])
    .filter(Boolean)
    .join(' ');

/** pg_trgm extracts no trigram from fewer characters, so its index cannot find them. */
const TRIGRAM = 3;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Holds a character outside ASCII (CJK): the pairs `search_bigrams` indexes. */
const NON_ASCII = /\P{ASCII}/u;

/**
 * One word of `q`: a substring, or (3+ characters) a fuzzy word by pg_trgm word similarity. A
 * two-character CJK word also names its bigram, which the `*_search_bigrams` GIN index finds.
 */
function wordCondition(word: string): RawBuilder<SqlBool> {
  const like = sql<SqlBool>`search_text like ${`%${escapeLike(word)}%`}`;
  const length = [...word].length;
  if (length >= TRIGRAM) return sql<SqlBool>`(${like} or ${word} <% search_text)`;
  return length === 2 && NON_ASCII.test(word) ? sql<SqlBool>`(search_bigrams(search_text) @> array[${word}]::text[] and ${like})` : like;
}

export type SearchOptions = {
  /** false: the phone digits are not searched (the user may not read the masked phones they come from). */
  phones?: boolean;
};

/**
 * One `q` over names, company, emails and phones: substring (张 finds 张伟), fuzzy words
 * (jon smith finds John Smith, via pg_trgm word similarity) and trailing phone digits.
 *
 * Every word has to match on its own, so "jon smith" admits only rows with a jon-like and a
 * smith-like word, not every smith and every jon*. The admitted rows are ranked by trigram
 * similarity, exact substrings first. A query without a word of 3+ characters (王, 张伟) gives
 * pg_trgm nothing to index or rank by: `rank` is then null and the list keeps its own sort, so
 * PostgreSQL walks the sort's index and stops after the page instead of ranking every match.
 */
export function searchCondition(raw: string, options: SearchOptions = {}): { where: RawBuilder<SqlBool>; rank: RawBuilder<number> | null } {
  const q = raw.toLowerCase().replace(/\s+/g, ' ').trim();
  const words = [...new Set(q.split(' ').filter(Boolean))];
  const like = `%${escapeLike(q)}%`;
  const digits = digitsOf(q);
  const phoneLike = options.phones !== false && digits.length >= 4 && digits.length >= q.replace(/[\s()+-]/g, '').length - 1;
  const text = words.length > 1 ? sql<SqlBool>`(${sql.join(words.map(wordCondition), sql` and `)})` : wordCondition(q);
  const where = phoneLike ? sql<SqlBool>`(${text} or phone_digits like ${`%${digits}%`})` : text;
  if (!phoneLike && !words.some((w) => [...w].length >= TRIGRAM)) return { where, rank: null };
  const rank = sql<number>`(case when search_text like ${like} then 1 else 0 end
    + word_similarity(${q}, search_text)${phoneLike ? sql` + case when phone_digits like ${`%${digits}%`} then 1 else 0 end + case when phone_digits || ' ' like ${`%${digits} %`} then 1 else 0 end` : sql``})`;
  return { where, rank };
}
