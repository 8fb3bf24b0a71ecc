import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { mailApi, SENT_KEY, type SentMail } from './mail-api';

const COLORS: Record<SentMail['status'], string> = { queued: 'default', sending: 'processing', retrying: 'warning', sent: 'success', failed: 'error' };

/** Every message sent or tried, newest first, with its error and attempts; a failed one can be sent again. */
export function SentLog() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const list = useInfiniteQuery({
    queryKey: SENT_KEY,
    queryFn: ({ pageParam }) => mailApi.sent(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 15_000,
  });
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];
  const resend = async (m: SentMail) => {
    try {
      await mailApi.resend(m.id);
      await qc.invalidateQueries({ queryKey: SENT_KEY });
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language.startsWith('zh') ? 'zh-CN' : 'en');
  return (
    <Card title={t('mail.sentLog')} size="small">
      <Table<SentMail>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 720 }}
        data-testid="sent-log"
        columns={[
          { title: t('mail.when'), dataIndex: 'createdAt', width: 170, render: (v: string) => when(v) },
          { title: t('mail.to'), dataIndex: 'to', width: 200 },
          { title: t('mail.subject'), dataIndex: 'subject', ellipsis: true },
          {
            title: t('mail.status'),
            dataIndex: 'status',
            width: 150,
            render: (s: SentMail['status'], m) => (
              <Tooltip title={m.error}>
                <Tag color={COLORS[s]}>{t(`mail.statuses.${s}`)}</Tag>
                {m.attempts > 1 && <Typography.Text type="secondary">×{m.attempts}</Typography.Text>}
              </Tooltip>
            ),
          },
          {
            title: '',
            width: 90,
            render: (_, m) =>
              m.status === 'failed' ? (
                <Button size="small" type="link" onClick={() => resend(m)}>
                  {t('mail.resend')}
                </Button>
              ) : null,
          },
        ]}
        expandable={{ rowExpandable: (m) => !!m.error, expandedRowRender: (m) => <Typography.Text type="danger">{m.error}</Typography.Text> }}
      />
      {list.hasNextPage && (
        <Button block type="text" onClick={() => list.fetchNextPage()}>
          {t('mail.more')}
        </Button>
      )}
    </Card>
  );
}
