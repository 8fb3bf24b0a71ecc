import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, keepFailure, launch, newContext, shot } from './support/browser';
import { login } from './support/login';
import { ADMIN, type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let page: Page | undefined;

/**
 * The built web app runs under the server's Content-Security-Policy (no inline scripts, no eval,
 * no framing): every screen a user opens renders, and the browser reports no violation.
 */
describe('the web app under the security headers', () => {
  before(async () => {
    [server, browser] = await Promise.all([startServer(), launch()]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
  afterEach(keepFailure(() => page));

  test('signs in and opens the main screens with no CSP violation', async () => {
    const ctx = await newContext(browser, server.url, { viewport: DESKTOP, locale: 'zh-CN' });
    const violations: string[] = [];
    // Reported by the page itself (securitypolicyviolation) and by the console, whichever comes.
    await ctx.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    page = await ctx.newPage();
    page.on('console', (m) => {
      if (/Content Security Policy|CSP violation/i.test(m.text())) violations.push(m.text());
    });
    const first = await page.goto('/login');
    const headers = first?.headers() ?? {};
    assert.match(headers['content-security-policy'] ?? '', /script-src 'self';/);
    assert.equal(headers['x-frame-options'], 'DENY');
    await login(page, ADMIN.email, ADMIN.password);
    for (const path of ['/contacts', '/companies', '/leads', '/deals', '/reports', '/settings']) {
      await page.goto(path);
      await page.waitForSelector('[data-testid=user-menu]');
      await page.waitForLoadState('networkidle');
      assert.doesNotMatch((await page.locator('body').textContent()) ?? '', /Something went wrong|出错了/);
    }
    await shot(page, 'security-settings-under-csp');
    // A page of ours inside a frame on another origin is refused (frame-ancestors 'none').
    const framed = await ctx.newPage();
    const blocked = new Promise<boolean>((resolve) => {
      framed.on('console', (m) => m.text().includes('frame-ancestors') && resolve(true));
      setTimeout(() => resolve(false), 10_000);
    });
    await framed.setContent(`<iframe src="${server.url}/login"></iframe>`);
    assert.equal(await blocked, true, 'framing refused');
    assert.deepEqual(violations, []);
  });
});
