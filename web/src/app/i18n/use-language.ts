import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi } from '#app/auth/auth-api';
import { type Language, normalizeLanguage, saveLanguage } from './languages';

export function useLanguage() {
  const { i18n } = useTranslation();
  const language: Language = normalizeLanguage(i18n.language) ?? 'zh-CN';
  const setLanguage = useCallback(
    async (next: Language, { persist = true }: { persist?: boolean } = {}) => {
      saveLanguage(next);
      await i18n.changeLanguage(next);
      if (persist) await authApi.saveLocale(next);
    },
    [i18n],
  );
  return { language, setLanguage };
}
