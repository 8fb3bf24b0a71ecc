import { useUsers } from './users-api';

export function UserName({ id }: { id: string }) {
  const { data } = useUsers();
  return <>{data?.find((u) => u.id === id)?.name ?? id.slice(0, 8)}</>;
}
