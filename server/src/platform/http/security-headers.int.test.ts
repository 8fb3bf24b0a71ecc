import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, PASSWORD, type TestApp } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';

const login = (t: TestApp, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: t.admin.email, password: PASSWORD }, headers });

describe.skipIf(!databaseAvailable)('security headers and cookie flags', () => {
  let direct: TestApp;
  let proxied: TestApp;
  beforeAll(async () => {
    [direct, proxied] = await Promise.all([createTestApp(), createTestApp({ config: { trustProxy: '127.0.0.1' } })]);
  });
  afterAll(async () => {
    await direct?.close();
    await proxied?.close();
  });

  it('every response forbids inline scripts and framing, sends no referrer and no sniffing', async () => {
    for (const url of ['/api/health', '/', '/api/v1/nothing-here', '/api/docs/static/index.html']) {
      const res = await direct.app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1];
      expect(scriptSrc, url).toBe("'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("script-src-attr 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it('the session cookie is HttpOnly and SameSite=Lax, not Secure over plain HTTP', async () => {
    const res = await login(direct);
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^kehu_session=/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Secure');
  });

  it('X-Forwarded-Proto counts only from a proxy KEHU_TRUST_PROXY trusts', async () => {
    const spoofed = await login(direct, { 'x-forwarded-proto': 'https' });
    expect(String(spoofed.headers['set-cookie'])).not.toContain('Secure');
    expect(spoofed.headers['strict-transport-security']).toBeUndefined();

    const viaProxy = await login(proxied, { 'x-forwarded-proto': 'https' });
    expect(viaProxy.statusCode).toBe(200);
    expect(String(viaProxy.headers['set-cookie'])).toMatch(/HttpOnly.*Secure|Secure.*HttpOnly/);
    expect(viaProxy.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    const plain = await login(proxied);
    expect(String(plain.headers['set-cookie'])).not.toContain('Secure');
    expect(plain.headers['strict-transport-security']).toBeUndefined();
  });

  it('the embeddable web form script may be loaded by other sites', async () => {
    const res = await direct.app.inject({ method: 'GET', url: '/forms/0193a8c4-5b6e-7f00-8123-456789012345.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
  });
});
