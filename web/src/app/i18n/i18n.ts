import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { configureApi } from '#shared/api/client';
import en from './en.json';
import zhCN from './zh-CN.json';
import { type Language, detectLanguage } from './languages';
import { pendingMessages } from './messages';

export const dayjsLocale = (lang: Language): string => (lang === 'zh-CN' ? 'zh-cn' : 'en');

function apply(lang: Language): void {
  dayjs.locale(dayjsLocale(lang));
  configureApi({ language: lang });
  document.documentElement.lang = lang;
}

/**
 * Reports what a user must never see: a key no catalog holds (shown raw) and a {{placeholder}} left
 * in the text (a call without the value, or without options at all). Tests turn reports into failures.
 */
export type I18nProblemReporter = (problem: string) => void;

function strictOptions(report: I18nProblemReporter) {
  i18next.use({
    type: 'postProcessor',
    name: 'kehu-unreplaced',
    process: (value: string, key: string | string[], options: { skipInterpolation?: boolean }) => {
      if (!options.skipInterpolation && /\{\{[^}]*\}\}/.test(value)) report(`unreplaced placeholder in ${String(key)}: "${value}"`);
      return value;
    },
  });
  return {
    saveMissing: true,
    missingKeyHandler: (_lngs: readonly string[], _ns: string, key: string) => report(`missing translation key: ${key}`),
    postProcess: ['kehu-unreplaced'],
  };
}

export function initI18n(lang: Language = detectLanguage(), o: { report?: I18nProblemReporter } = {}) {
  apply(lang);
  void i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: lang,
    fallbackLng: 'en',
    // A value not passed leaves its {{placeholder}} in the text, where the strict check sees it.
    interpolation: { escapeValue: false },
    returnNull: false,
    ...(o.report ? strictOptions(o.report) : {}),
  });
  for (const bundles of pendingMessages.splice(0)) {
    i18next.addResourceBundle('en', 'translation', bundles.en, true, false);
    i18next.addResourceBundle('zh-CN', 'translation', bundles['zh-CN'], true, false);
  }
  i18next.on('languageChanged', (l) => apply(l === 'en' ? 'en' : 'zh-CN'));
  return i18next;
}
