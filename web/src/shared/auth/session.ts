import { createContext, useContext } from 'react';
import type { Me } from '#shared/api/types';

/**
 * The signed-in session. The app shell provides it (AuthProvider in app/auth/auth-context.tsx:
 * loading /auth/me, language, time zone, logout); shared/ and the features only read it.
 */
export type AuthState = {
  me: Me | null;
  loading: boolean;
  /** Set when a request came back 401 while the user thought they were signed in. */
  expired: boolean;
  /** The zone dates and times are shown in (the user's, the tenant's or the browser's). */
  timeZone: string;
  refresh: () => Promise<void>;
  logout: () => Promise<void>;
};

export const AuthContext = createContext<AuthState | null>(null);

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The signed-in user; only for components under RequireAuth. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a session');
  return me;
}
