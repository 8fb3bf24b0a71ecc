import type { Browser, Page } from 'playwright-core';
import { DESKTOP, newContext } from './browser';
import { ADMIN } from './server';

export async function login(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.locator('button[type=submit]').click();
  await page.waitForSelector('[data-testid=user-menu]');
}

/** A desktop page in zh-CN, signed in as the e2e administrator: where most browser tests start. */
export async function adminPage(browser: Browser, baseURL: string): Promise<Page> {
  const page = await (await newContext(browser, baseURL, { viewport: DESKTOP, locale: 'zh-CN' })).newPage();
  await login(page, ADMIN.email, ADMIN.password);
  return page;
}
