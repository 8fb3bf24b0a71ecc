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

/**
 * One `q` over names, company, emails and phones: substring (张 finds 张伟), fuzzy words
 * (jon smith finds John Smith, via pg_trgm word similarity) and trailing phone digits.
 * Ranked by trigram similarity, exact substrings first.
 */
export function searchCondition(raw: string): { where: RawBuilder<SqlBool>; rank: RawBuilder<number> } {
  const q = raw.toLowerCase().replace(/\s+/g, ' ').trim();
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const digits = digitsOf(q);
  const phoneLike = digits.length >= 4 && digits.length >= q.replace(/[\s()+-]/g, '').length - 1;
  const branches: RawBuilder<SqlBool>[] = [sql`search_text like ${like}`];
  if ([...q].length >= 3) branches.push(sql`${q} <% search_text`);
  if (phoneLike) branches.push(sql`phone_digits like ${`%${digits}%`}`);
  const rank = sql<number>`(case when search_text like ${like} then 1 else 0 end
    + word_similarity(${q}, search_text)${phoneLike ? sql` + case when phone_digits like ${`%${digits}%`} then 1 else 0 end + case when phone_digits || ' ' like ${`%${digits} %`} then 1 else 0 end` : sql``})`;
  return { where: sql`(${sql.join(branches, sql` or `)})`, rank };
}
