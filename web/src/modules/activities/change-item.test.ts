import { changeAction, readChanges, show, shownDiffs } from './change-item';

describe('readChanges', () => {
  it('accepts the shapes a change entry may carry', () => {
    expect(readChanges({ title: { from: 'a', to: 'b' } })).toEqual([{ field: 'title', from: 'a', to: 'b' }]);
    expect(readChanges({ title: ['a', 'b'] })).toEqual([{ field: 'title', from: 'a', to: 'b' }]);
    expect(readChanges([{ field: 'title', from: 'a', to: 'b' }])).toEqual([{ field: 'title', from: 'a', to: 'b' }]);
    expect(readChanges(null)).toEqual([]);
  });
});

describe('show', () => {
  it('reads lists, phones, e-mails and addresses as a person would', () => {
    expect(show([])).toBe('—');
    expect(show([{ label: '手机', number: '138****8000' }, { number: '010-1234' }])).toBe('138****8000, 010-1234');
    expect(show([{ address: 'a@b.cn' }])).toBe('a@b.cn');
    expect(show({ province: '广东省', city: '深圳市' })).toBe('广东省深圳市');
    expect(show(['VIP', '华东'])).toBe('VIP, 华东');
    expect(show(null)).toBe('—');
  });
});

describe('changeAction and shownDiffs', () => {
  it('reads a lead conversion as its own event, naming the status but not the ids and timestamps it set', () => {
    const conversion = {
      kind: 'change' as const,
      at: '2026-11-24T00:00:00Z',
      action: 'updated',
      changes: {
        status: { from: 'qualified', to: 'converted' },
        convertedAt: { from: null, to: '2026-11-24T00:00:00Z' },
        convertedContactId: { from: null, to: '0193a' },
        statusChangedAt: { from: 'a', to: 'b' },
      },
    };
    expect(changeAction(conversion)).toBe('converted');
    expect(shownDiffs(conversion)).toEqual([{ field: 'status', from: 'qualified', to: 'converted' }]);
  });

  it('shows the owner diff of an assignment and the band of a score change, but no diff for a creation', () => {
    expect(shownDiffs({ action: 'assigned', changes: { ownerId: { from: 'u1', to: 'u2' } } })).toEqual([{ field: 'ownerId', from: 'u1', to: 'u2' }]);
    expect(shownDiffs({ action: 'score_changed', changes: { scoreBand: { from: 'cold', to: 'hot' } } })).toHaveLength(1);
    expect(shownDiffs({ action: 'created', changes: { name: { from: null, to: 'x' } } })).toEqual([]);
    expect(changeAction({ action: 'updated', changes: { status: { from: 'new', to: 'contacted' } } })).toBe('updated');
  });
});
