import { translate } from '#platform/i18n/i18n.ts';

/** Both languages of one of this module's messages (`approvals.<key>`), for notifications. */
export const bilingual = (key: string, params: Record<string, unknown>) => ({
  zh: translate('zh-CN', `approvals.${key}`, params),
  en: translate('en', `approvals.${key}`, params),
});
