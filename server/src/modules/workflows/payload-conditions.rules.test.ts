import { describe, expect, it } from 'vitest';
import { payloadConditions, resolvePayload } from './payload-conditions.rules.ts';

describe('payload conditions', () => {
  const payload = { amount: '1500', source: 'Website', tags: [], nested: { tier: 'A' } };

  it('decides payload conditions and leaves record conditions for the query', () => {
    expect(resolvePayload({ 'payload.amount': { gte: 1000 }, city: { eq: '北京' } }, payload)).toEqual({ city: { eq: '北京' } });
    expect(resolvePayload({ 'payload.amount': { gt: 2000 }, city: { eq: '北京' } }, payload)).toBe(false);
    expect(resolvePayload({ 'payload.source': { contains: 'web' }, 'payload.nested.tier': 'A' }, payload)).toBe(true);
    expect(resolvePayload({ 'payload.tags': { isEmpty: true }, 'payload.missing': { isEmpty: true } }, payload)).toBe(true);
  });

  it('keeps and/or meaning', () => {
    expect(resolvePayload({ or: [{ 'payload.amount': { lt: 10 } }, { city: { eq: '上海' } }] }, payload)).toEqual({ or: [{ city: { eq: '上海' } }] });
    expect(resolvePayload({ or: [{ 'payload.amount': { gt: 10 } }, { city: { eq: '上海' } }] }, payload)).toBe(true);
    expect(resolvePayload({ and: [{ 'payload.source': { in: ['crm', 'Website'] } }, { 'payload.amount': { ne: 1500 } }] }, payload)).toBe(false);
  });

  it('without a payload leaves payload conditions out (the save-time check) and lists them', () => {
    const tree = { and: [{ 'payload.amount': { gte: 1 } }, { city: { eq: '北京' } }] };
    expect(resolvePayload(tree, null)).toEqual({ and: [{ city: { eq: '北京' } }] });
    expect(resolvePayload({ 'payload.x': 1 }, null)).toBeNull();
    expect(payloadConditions(tree)).toEqual([{ key: 'payload.amount', ops: ['gte'] }]);
  });
});
