import { neutraliseFormula } from './formula-cells';

/**
 * RFC 4180 CSV with a BOM so Excel opens Chinese text correctly; cells a spreadsheet would run
 * as a formula are neutralised by the server's rule (formula-cells.ts; numbers and phones kept).
 */
export function toCsv(header: string[], rows: string[][]): string {
  const cell = (raw: string) => {
    const v = neutraliseFormula(raw);
    return /[",\r\n\t]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  };
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
