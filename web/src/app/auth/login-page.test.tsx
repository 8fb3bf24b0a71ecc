// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { mockFetch, renderApp } from '../../test/render';
import { LoginPage } from './login-page';

describe('LoginPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the server’s message inline on a failed sign-in', async () => {
    const calls = mockFetch((url) =>
      url.pathname === '/api/v1/auth/login' ? { status: 401, body: { status: 401, title: 'Unauthorized', detail: '邮箱或密码错误' } } : undefined,
    );
    renderApp(<LoginPage />, { me: null, route: '/login' });
    fireEvent.change(screen.getByLabelText('邮箱'), { target: { value: 'a@b.cn' } });
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'nope' } });
    fireEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('邮箱或密码错误');
    const login = calls.find((c) => c.url.pathname === '/api/v1/auth/login');
    if (!login) throw new Error('no login request');
    const headers = login.init.headers as Record<string, string>;
    expect(JSON.parse(String(login.init.body))).toEqual({ email: 'a@b.cn', password: 'nope', remember: false });
    expect(headers['X-Requested-With']).toBe('kehu');
    expect(headers['Accept-Language']).toBe('zh-CN');
  });
});
