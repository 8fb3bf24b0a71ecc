import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { App as AntApp } from 'antd';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { AuthProvider, ME_KEY } from '#app/auth/auth-context';
import { initI18n } from '#app/i18n/i18n';
import type { Me } from '#shared/api/types';
import { i18nProblems } from './i18n-problems';

export const adminMe: Me = {
  user: { id: 'u-admin', email: 'admin@kehu.test', name: '管理员', tenantId: 't1', isAdmin: true },
  permissions: {},
  fields: {},
};

let i18nReady = false;

/** Renders with the app's providers; `me` is put in the cache so no /auth/me request is made. */
export function renderApp(ui: ReactElement, { me = adminMe, route = '/' }: { me?: Me | null; route?: string } = {}) {
  if (!i18nReady) {
    initI18n('zh-CN', { report: (problem) => i18nProblems.push(problem) });
    i18nReady = true;
  }
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  qc.setQueryData(ME_KEY, me);
  return render(
    <QueryClientProvider client={qc}>
      <AntApp>
        <MemoryRouter initialEntries={[route]}>
          <AuthProvider>{ui}</AuthProvider>
        </MemoryRouter>
      </AntApp>
    </QueryClientProvider>,
  );
}

type Handler = (url: URL, init: RequestInit) => { status?: number; body: unknown } | undefined;

/** Replaces fetch with a router over URL paths; unknown paths answer 404. */
export function mockFetch(handler: Handler) {
  const calls: { url: URL; init: RequestInit }[] = [];
  const fn = vi.fn(async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    calls.push({ url, init });
    const res = handler(url, init) ?? { status: 404, body: { status: 404, title: 'Not found' } };
    const status = res.status ?? 200;
    return new Response(JSON.stringify(res.body), {
      status,
      headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fn);
  return calls;
}
