import { recordUrl } from './record-url';

describe('recordUrl', () => {
  it('links standard objects to their own pages and custom ones under /o', () => {
    expect(recordUrl({ path: 'companies', custom: false }, 'r1')).toBe('/companies/r1');
    expect(recordUrl({ path: 'deals', custom: false }, 'r1')).toBe('/deals/r1');
    expect(recordUrl({ path: 'distributors', custom: true }, 'r1')).toBe('/o/distributors/r1');
  });
  it('has no page for objects without one', () => {
    expect(recordUrl({ path: 'activities', custom: false }, 'r1')).toBeNull();
    expect(recordUrl({ path: null, custom: false }, 'r1')).toBeNull();
    expect(recordUrl(undefined, 'r1')).toBeNull();
  });
});
