import { ADMIN } from './server';

/** A tiny API client for seeding data the browser flows rely on. */
export class Api {
  private cookie = '';
  constructor(private readonly url: string) {}

  static async login(url: string, email = ADMIN.email, password = ADMIN.password): Promise<Api> {
    const api = new Api(url);
    const res = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'kehu' },
      body: JSON.stringify({ email, password }),
    });
    if (!res.ok) throw new Error(`login ${res.status}: ${await res.text()}`);
    api.cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    return api;
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.url}/api/v1${path}`, {
      method,
      headers: { cookie: this.cookie, 'x-requested-with': 'kehu', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} -> ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}
