import i18next from 'i18next';

type Messages = { [key: string]: string | Messages };
type Bundles = { en: Messages; 'zh-CN': Messages };

/** Bundles added before i18next was initialised (a test importing a module first); initI18n merges them. */
export const pendingMessages: Bundles[] = [];

/**
 * A lazily loaded module brings its own strings (modules/<name>/locales/<locale>.json) and merges them
 * into the shared namespace when its chunk loads, so the shell bundle carries only the shell's strings.
 * Call it at the top level of the module's entry file.
 */
export function addMessages(bundles: Bundles): void {
  if (!i18next.store) {
    pendingMessages.push(bundles);
    return;
  }
  i18next.addResourceBundle('en', 'translation', bundles.en, true, false);
  i18next.addResourceBundle('zh-CN', 'translation', bundles['zh-CN'], true, false);
}
