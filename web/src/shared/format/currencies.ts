/** Currencies most of our users trade in, listed first; the rest follow alphabetically. */
const COMMON = ['CNY', 'USD', 'EUR', 'HKD', 'JPY', 'GBP', 'SGD', 'TWD', 'KRW', 'AUD', 'CAD'];

/** ISO 4217 codes the runtime knows, labelled "CNY · 人民币" in the UI language. */
export function currencyOptions(lang: string): { value: string; label: string }[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'currency') => string[] };
  const all = intl.supportedValuesOf?.('currency') ?? COMMON;
  const codes = [...COMMON, ...all.filter((c) => !COMMON.includes(c))];
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([lang], { type: 'currency' });
  } catch {
    names = null;
  }
  return codes.map((code) => ({ value: code, label: `${code} · ${names?.of(code) ?? code}` }));
}
