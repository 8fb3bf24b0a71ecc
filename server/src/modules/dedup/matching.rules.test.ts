import { describe, expect, it } from 'vitest';
import { blockingKeys } from './blocking.rules.ts';
import { toCandidate } from './candidate.mapper.ts';
import { contactDedup } from '#modules/customers/index.ts';
import { companyCore } from './company-name.rules.ts';
import { scorePair } from './scoring.rules.ts';
import { nameSimilarity } from './similarity.rules.ts';
import { DEFAULT_DEDUP_SETTINGS } from './settings.service.ts';
import { propose, survivorPatch } from './survivorship.rules.ts';
import { normalizeName, phoneticOf } from './text.rules.ts';
import { clustersOf } from './union-find.rules.ts';

describe('names', () => {
  it('normalises spacing, width and case; CJK characters join', () => {
    expect(normalizeName('张 伟')).toBe('张伟');
    expect(normalizeName('𠮷 野 家')).toBe('𠮷野家'); // outside the BMP: a range of \u3400-\u9fff missed it
    expect(normalizeName('ＡＢＣ　有限公司（北京）')).toBe('abc 有限公司北京'); // full-width letters, space and brackets
    expect(normalizeName('  Ｊｏｈｎ   SMITH ')).toBe('john smith');
    expect(normalizeName('José Müller')).toBe('jose muller');
  });
  it('sounds alike: pinyin for Chinese, Double Metaphone for Latin', () => {
    expect(phoneticOf('张伟')).toBe(phoneticOf('张玮'));
    expect(phoneticOf('smith')).toBe(phoneticOf('smyth'));
    expect(phoneticOf('张伟')).not.toBe(phoneticOf('李伟'));
  });
  it('homophones score high but below identical; word order does not matter', () => {
    expect(nameSimilarity('张伟', '张伟')).toBe(1);
    expect(nameSimilarity('张伟', '张玮')).toBeCloseTo(0.95);
    expect(nameSimilarity('john smith', 'smith john')).toBe(1);
    expect(nameSimilarity('张伟', '李娜')).toBeLessThan(0.7);
  });
  it('company names compare without their legal form', () => {
    expect(companyCore('北京星辰科技有限公司')).toBe(companyCore('北京星辰科技'));
    expect(companyCore('Acme Co., Ltd.')).toBe('acme');
  });
});

describe('blocking and scoring', () => {
  const zhang = toCandidate({ id: 'a', name: '张伟', phones: ['+8613800138000'] });
  it('near duplicates share a block; the same phone and name make a match', () => {
    const other = toCandidate({ id: 'b', name: '张 伟', phones: ['+8613800138000'] });
    expect(blockingKeys(zhang).filter((k) => blockingKeys(other).includes(k)).length).toBeGreaterThan(1);
    expect(scorePair(zhang, other).score).toBeGreaterThan(0.99);
  });
  it('a shared phone alone with a different name is not a match; a homophone with the same phone is', () => {
    expect(scorePair(zhang, toCandidate({ id: 'c', name: '李娜', phones: ['+8613800138000'] })).score).toBeLessThan(0.5);
    expect(scorePair(zhang, toCandidate({ id: 'd', name: '张玮', phones: ['+8613800138000'] })).score).toBeGreaterThan(0.9);
  });
  it('same ID with a typo in the name matches; a relative at the same address (other ID, birthday, given name) does not', () => {
    const base = { given: 'sarah', family: 'bruhn', street: '44 forbes street', city: 'kellerberrin', postcode: '4510' };
    const same = scorePair(toCandidate({ id: 'x', ...base, idHash: 'h1' }), toCandidate({ id: 'y', ...base, given: 'sara', idHash: 'h1' }));
    const differ = scorePair(
      toCandidate({ id: 'x', ...base, idHash: 'h1', birthday: '1930-02-13' }),
      toCandidate({ id: 'y', ...base, given: 'thomas', idHash: 'h2', birthday: '1971-08-01' }),
    );
    expect(same.score).toBeGreaterThan(0.99);
    expect(differ.score).toBeLessThan(0.5);
  });
});

describe('clusters and survivorship', () => {
  it('union-find joins chains and names each cluster by its smallest id', () => {
    const c = clustersOf([
      ['b', 'c'],
      ['c', 'd'],
      ['a', 'e'],
      ['d', 'b'],
    ]);
    expect([c.get('b'), c.get('c'), c.get('d')]).toEqual(['b', 'b', 'b']);
    expect(c.get('e')).toBe('a');
  });
  it('most complete wins by default, lists unite, a hand choice overrides; the patch only holds changes', () => {
    const survivor = { name: '王芳', title: '采购', phones: [{ number: '137', e164: '+86137' }], tags: ['vip'], custom: {}, updatedAt: '2026-01-01' };
    const merged = {
      name: '王 芳',
      title: '采购经理',
      phones: [{ number: '137', e164: '+86137' }],
      tags: ['new'],
      custom: { level: 'A' },
      updatedAt: '2026-02-01',
    };
    const proposals = propose(contactDedup.mergeFields, [survivor, merged], DEFAULT_DEDUP_SETTINGS);
    expect(proposals.find((p) => p.field === 'title')?.value).toBe('采购经理');
    expect(proposals.find((p) => p.field === 'tags')?.value).toEqual(['vip', 'new']);
    expect(proposals.find((p) => p.field === 'custom.level')?.value).toBe('A');
    const byHand = propose(contactDedup.mergeFields, [survivor, merged], DEFAULT_DEDUP_SETTINGS, { title: 0, name: 1 });
    expect(survivorPatch(byHand, survivor)).toEqual({ name: '王 芳', tags: ['vip', 'new'], custom: { level: 'A' } });
    const recent = propose(contactDedup.mergeFields, [survivor, merged], { ...DEFAULT_DEDUP_SETTINGS, defaultRule: 'mostRecent' });
    expect(recent.find((p) => p.field === 'name')?.value).toBe('王 芳');
  });
});
