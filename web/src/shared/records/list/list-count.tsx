import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '#shared/api/client';
import type { Filter } from '#shared/filter/filter-types';
import type { ObjectName } from '../object-def';

/** "共 1,234 条" beside the list title; search text is not counted by the API, so it hides then. */
export function ListCount({ object, filter, q }: { object: ObjectName; filter: Filter | null; q: string }) {
  const { t } = useTranslation();
  const { data } = useQuery({
    queryKey: [object, 'count', filter],
    queryFn: () => api<{ count: number }>(`/${object}/count`, { query: { filter: filter ? JSON.stringify(filter) : undefined } }),
    enabled: !q,
    staleTime: 30_000,
  });
  if (q || data === undefined) return null;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 400 }} data-testid="list-count">
      {t('list.total', { count: data.count })}
    </Typography.Text>
  );
}
