import { Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useAuth } from '#shared/auth/session';

export function RequireAuth({ children }: { children: ReactNode }) {
  const { me, loading, expired } = useAuth();
  const location = useLocation();
  if (loading) return <Spin fullscreen />;
  if (!me) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}${expired ? '&expired=1' : ''}`} replace />;
  }
  return <>{children}</>;
}
