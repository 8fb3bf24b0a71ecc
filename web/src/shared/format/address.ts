import type { Address } from '#shared/api/types';

const CJK = /[\u3400-\u9fff]/;

/** Chinese addresses read large-to-small with no separators; others small-to-large with commas. */
export function formatAddress(a: Address | null | undefined): string {
  if (!a) return '';
  const big = [a.country, a.province, a.city, a.district, a.street].filter((x): x is string => !!x?.trim());
  if (big.length === 0) return a.postcode ?? '';
  if (big.some((p) => CJK.test(p))) return big.join('') + (a.postcode ? ` ${a.postcode}` : '');
  return [...big].reverse().join(', ') + (a.postcode ? ` ${a.postcode}` : '');
}
