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

export function initI18n(lang: Language = detectLanguage()) {
  apply(lang);
  void i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: lang,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  for (const bundles of pendingMessages.splice(0)) {
    i18next.addResourceBundle('en', 'translation', bundles.en, true, false);
    i18next.addResourceBundle('zh-CN', 'translation', bundles['zh-CN'], true, false);
  }
  i18next.on('languageChanged', (l) => apply(l === 'en' ? 'en' : 'zh-CN'));
  return i18next;
}
