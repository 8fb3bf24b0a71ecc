import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import i18next from 'i18next';
import en from './locales/en.json' with { type: 'json' };
import zhCN from './locales/zh-CN.json' with { type: 'json' };

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

type Messages = { [key: string]: string | Messages };

/** Each domain module may keep its own messages in modules/<name>/locales/<locale>.json; they merge over the platform's. */
function moduleMessages(locale: Locale): Messages[] {
  const modules = fileURLToPath(new URL('../../modules/', import.meta.url));
  return readdirSync(modules, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => {
      try {
        return [JSON.parse(readFileSync(`${modules}${d.name}/locales/${locale}.json`, 'utf8')) as Messages];
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw err;
      }
    });
}

const i18n = i18next.createInstance();
await i18n.init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  initAsync: false,
});
for (const locale of LOCALES) {
  for (const messages of moduleMessages(locale)) i18n.addResourceBundle(locale, 'translation', messages, true, false);
}

/** Translates a message key; `object` params that name an object are translated too. */
export function translate(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  const t = i18n.getFixedT(locale);
  const object = typeof params.object === 'string' ? t(`objects.${params.object}`, { defaultValue: params.object }) : undefined;
  return t(key, { ...params, ...(object ? { object } : {}), defaultValue: key });
}

/** Picks zh-CN or en from an Accept-Language header (q-values honoured, zh-* maps to zh-CN). */
export function pickLocale(header: string | undefined, fallback: Locale = 'zh-CN'): Locale {
  if (!header) return fallback;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return fallback;
}
