import { readChanges, show } from './change-item';

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
