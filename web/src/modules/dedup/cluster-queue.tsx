import { MergeCellsOutlined, StopOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Empty, Flex, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ClusterCard } from './cluster-card';
import { type Cluster, type DedupObject, dedupApi, dedupKeys } from './dedup-api';
import { MergeDialog } from './merge-dialog';

/** The review queue: groups of suspected duplicates, best match first; compare and merge, dismiss, or merge a selection in bulk. */
export function ClusterQueue({ object }: { object: DedupObject }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [selected, setSelected] = useState<string[]>([]);
  const [open, setOpen] = useState<Cluster | null>(null);
  const q = useInfiniteQuery({
    queryKey: dedupKeys.clusters(object),
    queryFn: ({ pageParam }) => dedupApi.clusters(object, pageParam || undefined),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const clusters = q.data?.pages.flatMap((p) => p.data) ?? [];
  const refresh = () => qc.invalidateQueries({ queryKey: dedupKeys.all(object) });
  const dismiss = useMutation({
    mutationFn: (c: Cluster) =>
      dedupApi.dismiss(
        object,
        c.records.map((r) => r.id),
      ),
    onSuccess: async () => {
      message.success(t('dedup.dismissed'));
      await refresh();
    },
    onError: (e) => message.error(e.message),
  });
  const bulk = useMutation({
    mutationFn: () => dedupApi.bulkMerge(object, selected),
    onSuccess: async (r) => {
      const failed = r.results.filter((x) => x.error).length;
      message.success(t('dedup.bulkDone', { merged: r.merged }));
      if (failed) message.warning(t('dedup.bulkFailed', { count: failed }));
      setSelected([]);
      await refresh();
    },
    onError: (e) => message.error(e.message),
  });
  if (!q.isPending && !clusters.length) return <Empty description={t('dedup.empty')} />;
  return (
    <div>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Space>
          <Checkbox
            checked={clusters.length > 0 && selected.length === clusters.length}
            indeterminate={selected.length > 0 && selected.length < clusters.length}
            onChange={(e) => setSelected(e.target.checked ? clusters.map((c) => c.id) : [])}
          />
          <Typography.Text type="secondary">{t('dedup.total', { count: q.data?.pages[0]?.total ?? 0 })}</Typography.Text>
        </Space>
        <Button
          icon={<MergeCellsOutlined />}
          disabled={!selected.length}
          loading={bulk.isPending}
          onClick={() => modal.confirm({ content: t('dedup.bulkMergeConfirm', { count: selected.length }), onOk: () => bulk.mutateAsync() })}
        >
          {t('dedup.bulkMerge', { count: selected.length })}
        </Button>
      </Flex>
      <Flex vertical gap={12}>
        {clusters.map((c) => (
          <ClusterCard
            key={c.id}
            object={object}
            cluster={c}
            selected={selected.includes(c.id)}
            onSelect={(on) => setSelected((s) => (on ? [...s, c.id] : s.filter((x) => x !== c.id)))}
            actions={[
              <Button key="merge" type="primary" size="small" icon={<MergeCellsOutlined />} onClick={() => setOpen(c)}>
                {t('dedup.compare')}
              </Button>,
              <Popconfirm key="dismiss" title={t('dedup.notDuplicateConfirm')} onConfirm={() => dismiss.mutateAsync(c)}>
                <Button size="small" icon={<StopOutlined />}>
                  {t('dedup.notDuplicate')}
                </Button>
              </Popconfirm>,
            ]}
          />
        ))}
      </Flex>
      {q.hasNextPage && (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button loading={q.isFetchingNextPage} onClick={() => q.fetchNextPage()}>
            {t('dedup.more')}
          </Button>
        </Flex>
      )}
      {open && <MergeDialog object={object} ids={open.records.map((r) => r.id)} onClose={() => setOpen(null)} onMerged={refresh} />}
    </div>
  );
}
