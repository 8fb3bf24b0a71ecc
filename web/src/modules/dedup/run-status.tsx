import { SearchOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '#shared/auth/session';
import { can } from '#shared/auth/permissions';
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
  // The object's latest finished run; once loaded, a new one means the queue has new suggestions
  // (a small scan may finish between two polls, never seen running).
  const finished = runs.data ? `${object}|${last && !active ? last.id : ''}` : null;
  const seen = useRef<string | null>(null);
  useEffect(() => {
    if (finished === null) return;
    const before = seen.current;
    seen.current = finished;
    if (before?.startsWith(`${object}|`) && before !== finished) void qc.invalidateQueries({ queryKey: dedupKeys.all(object) });
  }, [finished, object, qc]);
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
        // Not run yet is news, not success: only a finished run is green.
        type={last?.status === 'failed' ? 'error' : active || !last ? 'info' : 'success'}
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
