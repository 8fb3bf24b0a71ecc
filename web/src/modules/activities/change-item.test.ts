import { readChanges } from './change-item';

describe('readChanges', () => {
  it('accepts the shapes a change entry may carry', () => {
    expect(readChanges({ title: { from: 'a', to: 'b' } })).toEqual([{ field: 'title', from: 'a', to: 'b' }]);
    expect(readChanges({ title: ['a', 'b'] })).toEqual([{ field: 'title', from: 'a', to: 'b' }]);
    expect(readChanges([{ field: 'title', from: 'a', to: 'b' }])).toEqual([{ field: 'title', from: 'a', to: 'b' }]);
    expect(readChanges(null)).toEqual([]);
  });
});
