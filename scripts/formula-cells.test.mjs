// The formula-injection rule is one file, used by the server (csv-stringify's cast, XLSX cells) and
// copied into the web (client-side CSV): the copy must stay byte-identical. Run by the server's vitest.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

describe('formula-cells rule', () => {
  it('the web copy is the server file, byte for byte', () => {
    expect(read('web/src/shared/records/list/formula-cells.ts')).toBe(read('server/src/platform/csv/formula-cells.ts'));
  });
});
