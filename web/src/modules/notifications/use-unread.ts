import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { NOTIFICATIONS_KEY, notificationsApi, POLL_MS, UNREAD_KEY } from './notifications-api';

/**
 * The unread count, polled every 20 s and when the window regains focus; a newer notification
 * than the last one seen refreshes the lists too, so an open centre updates without a reload.
 */
export function useUnread() {
  const qc = useQueryClient();
  const query = useQuery({ queryKey: UNREAD_KEY, queryFn: notificationsApi.unread, refetchInterval: POLL_MS, refetchOnWindowFocus: true });
  const latest = useRef<string | null | undefined>(undefined);
  const latestAt = query.data?.latestAt;
  useEffect(() => {
    if (latestAt === undefined) return;
    if (latest.current !== undefined && latest.current !== latestAt) void qc.invalidateQueries({ queryKey: [...NOTIFICATIONS_KEY, 'list'] });
    latest.current = latestAt;
  }, [latestAt, qc]);
  return query.data?.unread ?? 0;
}
