import { api, buildUrl, configureApi } from './client';
import { ApiError } from './problem';

const reply = (status: number, body: unknown, type = 'application/json') =>
  vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': type } }));

describe('api client', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('builds /api/v1 URLs and drops empty parameters', () => {
    expect(buildUrl('/contacts', { q: '', limit: 50, cursor: undefined, filter: '{"a":1}' })).toBe('/api/v1/contacts?limit=50&filter=%7B%22a%22%3A1%7D');
  });

  it('sends the CSRF header, the UI language and If-Match on writes', async () => {
    const fetchMock = reply(200, { id: '1' });
    vi.stubGlobal('fetch', fetchMock);
    configureApi({ language: 'en' });
    await api('/contacts/1', { method: 'PATCH', body: { title: 'CTO' }, ifMatch: 4 });
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.headers).toMatchObject({ 'X-Requested-With': 'kehu', 'Accept-Language': 'en', 'If-Match': '4', 'Content-Type': 'application/json' });
    expect(init.body).toBe('{"title":"CTO"}');
  });

  it('turns problem+json into an ApiError with field errors', async () => {
    vi.stubGlobal(
      'fetch',
      reply(422, { status: 422, title: 'Invalid', detail: '部分字段不合法', errors: [{ field: 'name', message: '必填' }] }, 'application/problem+json'),
    );
    const err = await api('/contacts', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).message).toBe('部分字段不合法');
    expect((err as ApiError).fieldErrors).toEqual([{ field: 'name', message: '必填' }]);
  });

  it('marks 412 as a version conflict', async () => {
    vi.stubGlobal('fetch', reply(412, { status: 412, title: 'Precondition Failed' }));
    const err = (await api('/contacts/1', { method: 'PATCH', body: {}, ifMatch: 1 }).catch((e: unknown) => e)) as ApiError;
    expect(err.isConflict).toBe(true);
  });

  it('reports an expired session (401) outside the auth endpoints', async () => {
    const onUnauthorized = vi.fn();
    configureApi({ onUnauthorized });
    vi.stubGlobal('fetch', reply(401, { status: 401, title: 'Unauthorized' }));
    await api('/contacts').catch(() => undefined);
    await api('/auth/me').catch(() => undefined);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });
});
