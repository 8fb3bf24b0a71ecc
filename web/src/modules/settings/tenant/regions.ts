/** Regions most of our users dial from, listed first; the rest follow by name. */
const COMMON = ['CN', 'HK', 'MO', 'TW', 'SG', 'MY', 'US', 'GB', 'JP', 'KR', 'AU', 'CA', 'DE', 'FR'];
/**
 * Codes Intl can name that have no dialling plan of their own (groupings, placeholders, former
 * countries, uninhabited territories): compared against libphonenumber-js's getCountries().
 */
const NOT_PLACES = new Set('EU EZ UN ZZ QO XA XB AQ BV HM GS TF UM PN CP DG EA IC CQ AN BU CS DD DY FX HV NH RH SU TP UK VD YD YU ZR'.split(' '));

/**
 * ISO 3166 alpha-2 regions the runtime can name, labelled "CN · 中国" in the UI language.
 * The server checks each against libphonenumber's list too.
 */
export function regionOptions(lang: string): { value: string; label: string }[] {
  let names: Intl.DisplayNames;
  try {
    names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
  } catch {
    return COMMON.map((code) => ({ value: code, label: code }));
  }
  const A = 'A'.charCodeAt(0);
  const known: { value: string; label: string; name: string }[] = [];
  for (let i = 0; i < 26; i++)
    for (let j = 0; j < 26; j++) {
      const code = String.fromCharCode(A + i, A + j);
      const name = NOT_PLACES.has(code) ? undefined : names.of(code);
      if (name) known.push({ value: code, label: `${code} · ${name}`, name });
    }
  const common = COMMON.flatMap((c) => known.filter((k) => k.value === c));
  const rest = known.filter((k) => !COMMON.includes(k.value)).sort((a, b) => a.name.localeCompare(b.name, lang));
  return [...common, ...rest].map(({ value, label }) => ({ value, label }));
}
