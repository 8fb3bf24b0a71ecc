import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.

/**
 * Two-character CJK search words (张伟, 李娜) through an index. pg_trgm draws no trigram from a
 * pattern under three characters, so `search_text like '%张伟%'` read every row: 2.6 s on 100k
 * contacts. `search_bigrams(search_text)` is each text's distinct two-character substrings that
 * hold a non-ASCII character (octet_length > 2) and no space; `search_bigrams(search_text) @>
 * array['张伟']` is a GIN lookup, and the `like` beside it stays as the exact check. ASCII pairs
 * are left out: emails and Latin names would triple the index and slow every write (imports
 * measured 15% slower with them), for two-letter queries ("jo") that match too much to use it. One-character words keep walking
 * the list's own index (20261124 search change), which a common character ends within a page.
 * `@>` and the function get LEAKPROOF on the terms of 20261123T1850-search-indexes: row-level
 * security keeps a condition out of the index otherwise. The function raises no error for any text.
 */
const TABLES = ['contacts', 'companies', 'leads', 'deals'] as const;

export async function up(db: Kysely<unknown>) {
  const { rows } = await sql<{ superuser: boolean }>`select rolsuper as superuser from pg_roles where rolname = current_user`.execute(db);
  await sql
    .raw(`
    create function search_bigrams(t text) returns text[] language sql immutable parallel safe as
      $$ select coalesce(array_agg(distinct pair), '{}') from (
           select substr(t, i, 2) as pair from generate_series(1, length(t) - 1) i) pairs
         where octet_length(pair) > 2 and position(' ' in pair) = 0 $$;
    ${TABLES.map((table) => `create index ${table}_search_bigrams on ${table} using gin (search_bigrams(search_text));`).join('\n')}`)
    .execute(db);
  if (rows[0]?.superuser) {
    await sql
      .raw(`
    alter function pg_catalog.arraycontains(anyarray, anyarray) leakproof;
    alter function search_bigrams(text) leakproof;`)
      .execute(db);
  }
}
