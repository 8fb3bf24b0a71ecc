/** Picks the zh or en half of a `{zh, en}` label, falling back to the other half. */
export function pickLabel(label: { zh: string; en: string } | undefined, lang: string): string {
  if (!label) return '';
  return lang.startsWith('zh') ? label.zh || label.en : label.en || label.zh;
}
