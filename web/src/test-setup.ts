import '@testing-library/jest-dom/vitest';
import { i18nProblems } from './test/i18n-problems';

// A raw key or an unreplaced {{placeholder}} on a rendered screen fails the test that rendered it.
afterEach(() => {
  const problems = i18nProblems.splice(0);
  if (problems.length) throw new Error(`translation problems on screen:\n${[...new Set(problems)].join('\n')}`);
});

// antd reads matchMedia and ResizeObserver, which jsdom lacks.
if (typeof window !== 'undefined' && !window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= NoopResizeObserver as unknown as typeof ResizeObserver;
