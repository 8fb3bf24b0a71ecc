import { UndoOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '#shared/format/format';
import { type DedupObject, dedupApi, dedupKeys, type MergeEntry, recordPath } from './dedup-api';

/** Merges of this object, newest first, each undoable once. */
export function MergeHistory({ object }: { object: DedupObject }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: dedupKeys.history(object), queryFn: () => dedupApi.history(object) });
  const undo = useMutation({
    mutationFn: (id: string) => dedupApi.undo(id),
    onSuccess: async () => {
      message.success(t('dedup.history.undone'));
      await qc.invalidateQueries({ queryKey: dedupKeys.all(object) });
      await qc.invalidateQueries({ queryKey: [object === 'company' ? 'companies' : `${object}s`] });
    },
    onError: (e) => message.error(e.message),
  });
  return (
    <Table<MergeEntry>
      rowKey="id"
      size="small"
      loading={q.isPending}
      dataSource={q.data?.data ?? []}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 640 }}
      locale={{ emptyText: t('dedup.history.empty') }}
      data-testid="dedup-history"
      columns={[
        { key: 'when', title: t('dedup.history.when'), render: (_, m) => formatDateTime(m.createdAt, i18n.language) },
        { key: 'kept', title: t('dedup.history.kept'), render: (_, m) => <Link to={recordPath(object, m.survivorId)}>{m.survivorName ?? m.survivorId}</Link> },
        {
          key: 'merged',
          title: t('dedup.history.mergedAway'),
          render: (_, m) => (m.undoneAt ? <Link to={recordPath(object, m.mergedId)}>{m.mergedName}</Link> : m.mergedName),
        },
        {
          key: 'moved',
          title: t('dedup.history.moved'),
          render: (_, m) => t('dedup.history.movedCount', { count: Object.values(m.moved).reduce((s, n) => s + n, 0) }),
        },
        {
          key: 'actions',
          title: '',
          width: 150,
          render: (_, m) =>
            m.undoneAt ? (
              <Tag>{t('dedup.history.undoneAt', { when: formatDateTime(m.undoneAt, i18n.language) })}</Tag>
            ) : (
              <Popconfirm title={t('dedup.history.undoConfirm')} onConfirm={() => undo.mutateAsync(m.id)}>
                <Button size="small" icon={<UndoOutlined />} loading={undo.isPending && undo.variables === m.id}>
                  {t('dedup.history.undo')}
                </Button>
              </Popconfirm>
            ),
        },
      ]}
    />
  );
}
