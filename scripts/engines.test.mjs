// Every locked package must accept the oldest Node the README promises (package.json engines), so
// a clean `npm install` on it prints no EBADENGINE warning. Run by the server's vitest.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url);
const semver = createRequire(root)('semver');
const read = (path) => JSON.parse(readFileSync(new URL(path, root), 'utf8'));

describe('engines', () => {
  it('every package in package-lock.json runs on the oldest Node package.json allows', () => {
    const oldest = semver.minVersion(read('package.json').engines.node).version;
    const refusing = Object.entries(read('package-lock.json').packages)
      .filter(([path, p]) => path && p.engines?.node && !semver.satisfies(oldest, p.engines.node))
      .map(([path, p]) => `${path}@${p.version} wants node ${p.engines.node}`);
    expect(oldest).toBe('20.19.0');
    expect(refusing).toEqual([]);
  });
});
