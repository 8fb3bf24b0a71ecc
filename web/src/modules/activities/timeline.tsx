import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Empty, Segmented, Spin, Timeline as AntTimeline } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldDef } from '#shared/fields/field-types';
import type { ObjectName } from '#shared/records/object-def';
import { recordKeys, recordsApi, type TimelineItem } from '#shared/records/records-api';
import { ActivityItem, activityOf } from './activity-item';
import { ChangeItem } from './change-item';
import { ACTIVITY_COLORS } from './activity-meta';

type Props = { object: ObjectName; id: string; fields: FieldDef[]; only?: 'activity' | 'change' };
type Show = 'all' | 'activity' | 'change';

/** Activities and field changes of one record, newest first, loaded page by page. */
export function Timeline({ object, id, fields, only }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [show, setShow] = useState<Show>(only ?? 'all');
  const q = useInfiniteQuery({
    queryKey: recordKeys.timeline(object, id),
    queryFn: ({ pageParam }) => recordsApi.timeline(object, id, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = useMemo(() => (q.data?.pages.flatMap((p) => p.data) ?? []).filter((i) => show === 'all' || i.kind === show), [q.data, show]);
  const refresh = () => void qc.invalidateQueries({ queryKey: recordKeys.timeline(object, id) });

  const entry = (item: TimelineItem, i: number) => ({
    key: `${item.kind}:${String(activityOf(item).id ?? item.id ?? i)}`,
    color: item.kind === 'activity' ? (ACTIVITY_COLORS[String(activityOf(item).type)] ?? 'blue') : 'gray',
    content: item.kind === 'activity' ? <ActivityItem item={item} onChanged={refresh} /> : <ChangeItem item={item} fields={fields} />,
  });

  return (
    <div data-testid="timeline">
      {!only && (
        <Segmented
          size="small"
          value={show}
          onChange={(v) => setShow(v as Show)}
          options={[
            { value: 'all', label: t('timeline.all') },
            { value: 'activity', label: t('timeline.activities') },
            { value: 'change', label: t('timeline.changes') },
          ]}
          style={{ marginBottom: 16 }}
        />
      )}
      {q.isPending && <Spin />}
      {q.isError && <Empty description={q.error.message} />}
      {!q.isPending && items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('timeline.empty')} />}
      <AntTimeline items={items.map(entry)} />
      {q.hasNextPage && (
        <Button block onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>
          {t('list.loadMore')}
        </Button>
      )}
    </div>
  );
}
