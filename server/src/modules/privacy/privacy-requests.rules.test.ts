import { describe, expect, it } from 'vitest';
import { dueDateOf, identifiersOf, maskEmail, maskPhone, patternOf, subjectOf, TOMBSTONE } from './privacy-requests.rules.ts';

describe('privacy request rules', () => {
  it('dates the deadline by the law: PIPL 15 days, GDPR 30', () => {
    const received = new Date('2026-12-01T08:00:00Z');
    expect(dueDateOf('pipl', received).toISOString()).toBe('2026-12-16T08:00:00.000Z');
    expect(dueDateOf('gdpr', received).toISOString()).toBe('2026-12-31T08:00:00.000Z');
  });

  it('masks what an erased request keeps', () => {
    expect(maskEmail('zhang.wei@example.com')).toBe('z***@example.com');
    expect(maskPhone('+8613912345678')).toBe('+86139****5678');
    expect(maskEmail('nonsense')).toBe('***');
  });

  it('matches a phone in E.164 and in both digit forms', () => {
    expect(subjectOf({ email: ' Zhang@Example.COM ', phone: '139 1234 5678' })).toEqual({
      email: 'zhang@example.com',
      phone: '+8613912345678',
      phoneDigits: ['8613912345678', '13912345678'],
    });
  });

  it('gathers e-mails and phones from personal values, names apart, and leaves dates and short names out', () => {
    const ids = identifiersOf({
      subject: subjectOf({ email: 'a@b.com' }),
      values: [[{ address: 'second@b.com' }], [{ number: '139 1234 5678', e164: '+8613912345678' }], '1990-01-02', { note: 'write to Third@B.com' }],
      names: ['张伟', 'Li', 'Anna Smith', TOMBSTONE, null],
    });
    expect(ids.unique.sort()).toEqual(['+8613912345678', '13912345678', '139 1234 5678', '8613912345678', 'a@b.com', 'second@b.com', 'third@b.com'].sort());
    expect(ids.names).toEqual(['张伟', 'Anna Smith']);
  });

  it('builds one regular expression: digits never cut from a longer number, Latin names as whole words', () => {
    const pattern = patternOf(['13912345678', 'a.b@c.com']) as string;
    const re = new RegExp(pattern.replaceAll('(?<![0-9])', '(?<!\\d)').replaceAll('(?![0-9])', '(?!\\d)'), 'i');
    expect(re.test('call 13912345678 now')).toBe(true);
    expect(re.test('amount 213912345678')).toBe(false);
    expect(re.test('A.B@C.COM')).toBe(true);
    expect(re.test('aXb@c.com')).toBe(false);
    expect(patternOf(['Anna'], true)).toBe('\\mAnna\\M');
    expect(patternOf(['张伟'], true)).toBe('张伟');
    expect(patternOf([])).toBeNull();
  });
});
