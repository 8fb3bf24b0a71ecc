import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type RawBuilder } from 'kysely';
import { describe, expect, it } from 'vitest';
import { searchCondition, searchTextOf } from './search.ts';

const db = new Kysely<unknown>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});
const compiled = (b: RawBuilder<unknown>) => {
  const c = b.compile(db);
  return { sql: c.sql.replace(/\s+/g, ' '), params: c.parameters };
};

describe('searchCondition', () => {
  it('leaves 1-2 character queries unranked: a substring, ordered by the list sort', () => {
    for (const q of ['王', ' 张伟 ', 'ab', '张 伟']) {
      const s = searchCondition(q);
      expect(s.rank, q).toBeNull();
      const where = compiled(s.where);
      expect(where.sql).not.toContain('<%');
      expect(where.params.some((p) => typeof p === 'string' && p.startsWith('%'))).toBe(true);
    }
    expect(compiled(searchCondition(' 王 ').where).params).toEqual(['%王%']);
  });

  it('names the bigram of a two-character word, which its GIN index finds', () => {
    const where = compiled(searchCondition(' 张伟 ').where);
    expect(where.sql).toBe('(search_bigrams(search_text) @> array[$1]::text[] and search_text like $2)');
    expect(where.params).toEqual(['张伟', '%张伟%']);
  });

  it('requires every word of a multi-word query, each as a substring or a fuzzy word', () => {
    const s = searchCondition('Jon  SMITH');
    const where = compiled(s.where);
    expect(where.sql).toBe('((search_text like $1 or $2 <% search_text) and (search_text like $3 or $4 <% search_text))');
    expect(where.params).toEqual(['%jon%', 'jon', '%smith%', 'smith']);
    // ranked by the whole query
    expect(s.rank && compiled(s.rank).params).toEqual(['%jon smith%', 'jon smith']);
  });

  it('keeps short words of a multi-word query as substrings (and CJK bigrams) only', () => {
    const where = compiled(searchCondition('jo smith').where);
    expect(where.sql).toBe('(search_text like $1 and (search_text like $2 or $3 <% search_text))');
    expect(where.params).toEqual(['%jo%', '%smith%', 'smith']);
    const mixed = compiled(searchCondition('李娜 smith').where);
    expect(mixed.sql).toBe('((search_bigrams(search_text) @> array[$1]::text[] and search_text like $2) and (search_text like $3 or $4 <% search_text))');
  });

  it('ranks single words of 3+ characters and phone digits', () => {
    const word = searchCondition('smith');
    expect(compiled(word.where).sql).toBe('(search_text like $1 or $2 <% search_text)');
    expect(word.rank).not.toBeNull();
    const phone = searchCondition('5678');
    expect(compiled(phone.where).sql).toContain('or phone_digits like');
    expect(phone.rank && compiled(phone.rank).sql).toContain('phone_digits');
    // four digits are enough to rank even though no word has 3+ letters
    expect(searchCondition('56 78').rank).not.toBeNull();
  });

  it('escapes like wildcards', () => {
    expect(compiled(searchCondition('a_%').where).params).toEqual(['%a\\_\\%%', 'a_%']);
  });

  it('normalizes the searched text the same way', () => {
    expect(searchTextOf(['John  Smith', null, 'ACME'])).toBe('john smith acme');
  });
});
