import { SearchOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '#app/auth/auth-context';
import { can } from '#app/auth/permissions';
import { formatDateTime } from '#shared/format/format';
import { type DedupObject, dedupApi, dedupKeys } from './dedup-api';

/** The last detection run of this object (polled while it runs) and the button that starts one. */
export function RunStatus({ object }: { object: DedupObject }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const qc = useQueryClient();
  const runs = useQuery({
    queryKey: dedupKeys.runs(object),
    queryFn: () => dedupApi.runs(object),
    refetchInterval: (q) => (q.state.data?.data[0] && ['queued', 'running'].includes(q.state.data.data[0].status) ? 1500 : false),
  });
  const last = runs.data?.data[0];
  const active = !!last && (last.status === 'queued' || last.status === 'running');
  const wasActive = useRef(active);
  useEffect(() => {
    // A run just finished: the queue has new suggestions.
    if (wasActive.current && !active) void qc.invalidateQueries({ queryKey: dedupKeys.all(object) });
    wasActive.current = active;
  }, [active, object, qc]);
  const scan = useMutation({
    mutationFn: () => dedupApi.scan(object),
    onSuccess: async () => {
      message.info(t('dedup.scanQueued'));
      await qc.invalidateQueries({ queryKey: dedupKeys.runs(object) });
    },
    onError: (e) => message.error(e.message),
  });
  const text = !last
    ? t('dedup.run.never')
    : last.status === 'failed'
      ? t('dedup.run.failed', { error: last.error ?? '' })
      : t(`dedup.run.${last.status}`, { ...last, when: formatDateTime(last.finishedAt ?? last.createdAt, i18n.language) });
  return (
    <Flex gap={12} align="center" wrap style={{ marginBottom: 16 }}>
      <Alert
        style={{ flex: '1 1 280px' }}
        type={last?.status === 'failed' ? 'error' : active ? 'info' : 'success'}
        showIcon
        message={text}
        data-testid="dedup-run"
      />
      {can(me, object, 'update') && (
        <Button type="primary" icon={<SearchOutlined />} loading={scan.isPending || active} onClick={() => scan.mutate()}>
          {t('dedup.scan')}
        </Button>
      )}
    </Flex>
  );
}
