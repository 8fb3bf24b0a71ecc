export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'kehu.lang';

export function normalizeLanguage(raw: string | null | undefined): Language | null {
  if (!raw) return null;
  const l = raw.toLowerCase();
  if (l.startsWith('zh')) return 'zh-CN';
  if (l.startsWith('en')) return 'en';
  return null;
}

/** Saved choice first, then the browser's languages, then Chinese. */
export function detectLanguage(): Language {
  const saved = normalizeLanguage(localStorage.getItem(STORAGE_KEY));
  if (saved) return saved;
  for (const l of navigator.languages ?? [navigator.language]) {
    const n = normalizeLanguage(l);
    if (n) return n;
  }
  return 'zh-CN';
}

export const hasSavedLanguage = (): boolean => normalizeLanguage(localStorage.getItem(STORAGE_KEY)) !== null;

export function saveLanguage(lang: Language): void {
  localStorage.setItem(STORAGE_KEY, lang);
}
