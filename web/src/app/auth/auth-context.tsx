import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { configureApi } from '#shared/api/client';
import { isApiError } from '#shared/api/problem';
import { AuthContext, type AuthState } from '#shared/auth/session';
import { i18nFollowUser } from '#app/i18n/follow-user';
import { resolveTimeZone, setDisplayTimeZone } from '#shared/format/time-zone';
import { authApi } from './auth-api';

export const ME_KEY = ['auth', 'me'] as const;

export function AuthProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const [expired, setExpired] = useState(false);
  const query = useQuery({
    queryKey: ME_KEY,
    queryFn: async () => {
      try {
        return await authApi.me();
      } catch (e) {
        if (isApiError(e) && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });

  useEffect(() => {
    configureApi({
      onUnauthorized: () => {
        if (qc.getQueryData(ME_KEY)) setExpired(true);
        qc.setQueryData(ME_KEY, null);
      },
    });
  }, [qc]);

  // A user's saved language wins over the browser's, unless they chose one on this device.
  useEffect(() => i18nFollowUser(query.data?.user.locale), [query.data?.user.locale]);

  const refresh = useCallback(async () => {
    setExpired(false);
    await qc.refetchQueries({ queryKey: ME_KEY });
  }, [qc]);

  const logout = useCallback(async () => {
    await authApi.logout().catch(() => undefined);
    qc.clear();
    qc.setQueryData(ME_KEY, null);
  }, [qc]);

  // Set during render, before any child formats a date: the user's zone, else the tenant's, else the browser's.
  const user = query.data?.user;
  const timeZone = resolveTimeZone(user?.timezone, user?.tenantTimezone);
  setDisplayTimeZone(timeZone);

  const value = useMemo<AuthState>(
    () => ({ me: query.data ?? null, loading: query.isPending, expired, timeZone, refresh, logout }),
    [query.data, query.isPending, expired, timeZone, refresh, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
