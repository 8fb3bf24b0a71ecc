import { api } from '#shared/api/client';
import type { Me, User } from '#shared/api/types';

export type LoginRequest = { email: string; password: string; remember: boolean };

export const authApi = {
  me: () => api<Me>('/auth/me'),
  login: (body: LoginRequest) => api<{ token: string; user: User }>('/auth/login', { method: 'POST', body }),
  logout: () => api<void>('/auth/logout', { method: 'POST', body: {} }),
  /** Saves the UI language on the user; the server may not have this yet, so failures are ignored. */
  saveLocale: (locale: string) => api<unknown>('/users/me', { method: 'PATCH', body: { locale } }).catch(() => undefined),
};
