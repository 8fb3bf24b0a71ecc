import { stringify } from 'csv-stringify/sync';
import { strToU8, zipSync } from 'fflate';
import { SAFE_CSV_CAST } from '#platform/csv/formula-cells.ts';

export type PackageSection = {
  /** File stem: the object's name (`contact`), or `audit-log`. */
  name: string;
  label: { zh: string; en: string };
  role: 'subject' | 'related' | 'audit';
  records: Record<string, unknown>[];
};

const cell = (v: unknown): string => (v == null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** One CSV per section: a column per key any record has, nested values as JSON, formulas neutralised; BOM for Excel. */
export function sectionCsv(records: Record<string, unknown>[]): string {
  const keys = [...new Set(records.flatMap((r) => Object.keys(r)))];
  return `\uFEFF${stringify([keys, ...records.map((r) => keys.map((k) => cell(r[k])))], { cast: SAFE_CSV_CAST })}`;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const TEXT = {
  'zh-CN': {
    title: '您的个人信息副本',
    intro: '以下是我们保存的与您有关的全部信息。每个对象另附 JSON（机器可读）与 CSV 文件。',
    subject: '本人记录',
    related: '相关业务记录',
    audit: '变更记录',
    generated: '生成时间',
    records: '条',
  },
  en: {
    title: 'A copy of your personal data',
    intro: 'Below is everything we hold about you. Each object also comes as JSON (machine-readable) and CSV files.',
    subject: 'Your records',
    related: 'Related business records',
    audit: 'Change history',
    generated: 'Generated at',
    records: 'records',
  },
} as const;

/** The human-readable page of the package, in the requester's language. */
export function packageHtml(o: { sections: PackageSection[]; locale: 'zh-CN' | 'en'; generatedAt: Date }): string {
  const t = TEXT[o.locale];
  const zh = o.locale === 'zh-CN';
  const tables = o.sections.map((s) => {
    const keys = [...new Set(s.records.flatMap((r) => Object.keys(r)))];
    const head = keys.map((k) => `<th>${escapeHtml(k)}</th>`).join('');
    const rows = s.records.map((r) => `<tr>${keys.map((k) => `<td>${escapeHtml(cell(r[k]))}</td>`).join('')}</tr>`).join('\n');
    const title = `${escapeHtml(zh ? s.label.zh : s.label.en)} · ${t[s.role]} (${s.records.length} ${t.records})`;
    return `<h2>${title}</h2>\n<p><a href="${s.name}.json">${s.name}.json</a> · <a href="${s.name}.csv">${s.name}.csv</a></p>\n<table><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
  });
  return `<!doctype html>
<html lang="${o.locale}"><head><meta charset="utf-8"><title>${t.title}</title>
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;font-size:12px}td,th{border:1px solid #ccc;padding:4px;vertical-align:top}</style></head>
<body><h1>${t.title}</h1><p>${t.intro}</p><p>${t.generated}: ${o.generatedAt.toISOString()}</p>
${tables.join('\n')}
</body></html>
`;
}

/** The package: index.html, request.json, and per section `<name>.json` + `<name>.csv`, zipped. */
export function buildPackage(o: { sections: PackageSection[]; request: Record<string, unknown>; locale: 'zh-CN' | 'en'; generatedAt: Date }): Uint8Array {
  const files: Record<string, Uint8Array> = {
    'index.html': strToU8(packageHtml(o)),
    'request.json': strToU8(JSON.stringify(o.request, null, 2)),
  };
  for (const s of o.sections) {
    files[`${s.name}.json`] = strToU8(JSON.stringify({ object: s.name, label: s.label, role: s.role, records: s.records }, null, 2));
    files[`${s.name}.csv`] = strToU8(sectionCsv(s.records));
  }
  return zipSync(files, { level: 6, mtime: o.generatedAt });
}
