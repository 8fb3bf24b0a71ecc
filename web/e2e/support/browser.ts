import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { REPO } from './server';

export const ARTIFACTS = join(REPO, 'test-artifacts', 'e2e');

export async function launch(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

export type Viewport = { width: number; height: number };
export const DESKTOP: Viewport = { width: 1366, height: 860 };
export const PHONE: Viewport = { width: 390, height: 844 };

export async function newContext(browser: Browser, baseURL: string, opts: { viewport?: Viewport; locale?: string } = {}): Promise<BrowserContext> {
  const ctx = await browser.newContext({
    baseURL,
    viewport: opts.viewport ?? DESKTOP,
    locale: opts.locale ?? 'zh-CN',
    ...(opts.viewport === PHONE ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  });
  ctx.setDefaultTimeout(20_000);
  return ctx;
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
}

/**
 * Picks a language in the header's switch (a click-opened menu) and waits until the button shows
 * it, so the next step does not race the change.
 */
export async function switchLanguage(page: Page, label: 'English' | '简体中文'): Promise<void> {
  await page.getByTestId('language-switch').click();
  await page.locator('.ant-dropdown-menu-item', { hasText: label }).click();
  await page.getByTestId('language-switch').filter({ hasText: label }).waitFor();
}

/**
 * An afterEach hook: when a test fails, keeps a screenshot of the page and prints the messages it
 * showed (toasts, form errors, alerts), so a failure seen only in CI can be read afterwards.
 */
export function keepFailure(getPage: () => Page | undefined) {
  return async (t: { name: string; passed?: boolean }): Promise<void> => {
    const page = getPage();
    if (t.passed !== false || !page || page.isClosed()) return;
    const name = `FAILED-${t.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80)}`;
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) }).catch(() => {});
    const shown = await page
      .locator('.ant-message-notice, .ant-notification-notice, .ant-form-item-explain-error, .ant-alert, [role=alert]')
      .allTextContents()
      .catch(() => []);
    console.error(`[${name}] url ${page.url()}; shown: ${JSON.stringify(shown)}`);
  };
}
