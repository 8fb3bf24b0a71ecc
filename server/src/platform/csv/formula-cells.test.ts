import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, SAFE_CSV_CAST } from './formula-cells.ts';

const RISKY = ["=cmd|' /C calc'!A0", '+HYPERLINK("http://x")', "-2+3+cmd|' /C calc'!A0", '@SUM(A1)', '\t=1', '\r=1', '=1', '-A1', '+ 1 + A1', '=1+1', '-', '+'];
const DATA = ['+86 138 0013 8000', '+8613800138000', '-12.5', '+3', '-0.5', '1,234.50', '+1 (415) 555-0100', '010-6552-9988', '张伟', 'a=b', 'x@y.cn', ''];

describe('formula injection: one rule for every CSV and XLSX', () => {
  it('neutralises what a spreadsheet would run, keeps numbers and phone numbers as written', () => {
    for (const risky of RISKY) expect(neutraliseFormula(risky), JSON.stringify(risky)).toBe(`'${risky}`);
    for (const data of DATA) expect(neutraliseFormula(data), data).toBe(data);
  });

  it("goes through csv-stringify's cast: text is neutralised, numbers and booleans stay values", () => {
    const csv = stringify([['=1+1', '-12.5', -12.5, '+86 138 0013 8000', true, '@x']], { cast: SAFE_CSV_CAST });
    expect(csv).toBe("'=1+1,-12.5,-12.5,+86 138 0013 8000,1,'@x\n");
  });
});
