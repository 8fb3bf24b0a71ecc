import i18next from 'i18next';
import { hasSavedLanguage, normalizeLanguage } from './languages';

/** Switches to the signed-in user's saved language when this browser has no explicit choice. */
export function i18nFollowUser(locale: string | null | undefined): void {
  const lang = normalizeLanguage(locale);
  if (lang && !hasSavedLanguage() && i18next.isInitialized && i18next.language !== lang) void i18next.changeLanguage(lang);
}
