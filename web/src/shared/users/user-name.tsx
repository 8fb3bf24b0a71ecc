import { useAuth } from '#shared/auth/session';
import { useUsers } from './users-api';

/** A user's name from the cached user list; users who may not list users still see their own name. */
export function UserName({ id }: { id: string }) {
  const { me } = useAuth();
  const { data } = useUsers();
  if (me?.user.id === id) return <>{me.user.name}</>;
  return <>{data?.find((u) => u.id === id)?.name ?? '—'}</>;
}
