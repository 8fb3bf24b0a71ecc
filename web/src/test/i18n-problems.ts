/** What the strict i18n of component tests reported (initI18n's report); test-setup fails a test that left any. */
export const i18nProblems: string[] = [];
