import { MailOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { type CSSProperties, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '#shared/format/format';
import { mailApi, recordMailKey, type SentMail } from './mail-api';
import { SendMailModal } from './send-mail-modal';
import './messages';

const COLORS: Record<SentMail['status'], string> = { queued: 'default', sending: 'processing', retrying: 'warning', sent: 'success', failed: 'error' };
const settled = (m: SentMail) => m.status === 'sent' || m.status === 'failed';

type Props = {
  /** The registry name of the record's object (contact, deal, lead, or a custom object's name). */
  object: string;
  recordId: string;
  /** When a message about the record is sent (or finally fails): the page may refresh its timeline. */
  onSent?: () => void;
  style?: CSSProperties;
};

/** A record page's e-mail card: "Send e-mail" from a template, and the messages sent about the record with their status. */
export function RecordMail({ object, recordId, onSent, style = { marginBottom: 16 } }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const key = recordMailKey(object, recordId);
  const list = useQuery({
    queryKey: key,
    queryFn: () => mailApi.forRecord(object, recordId),
    // Poll while a message is still on its way, so "Queued" turns into "Sent" by itself.
    refetchInterval: (q) => (q.state.data?.data.some((m) => !settled(m)) ? 2_000 : false),
  });
  const rows = list.data?.data ?? [];
  const settledCount = rows.filter(settled).length;
  const seen = useRef<number | null>(null);
  const loaded = !!list.data;
  useEffect(() => {
    if (!loaded) return;
    // The timeline shows a message once it is sent: tell the page when one settles.
    if (seen.current !== null && settledCount > seen.current) onSent?.();
    seen.current = settledCount;
  }, [loaded, settledCount, onSent]);
  return (
    <Card
      title={t('mail.recordTitle')}
      size="small"
      style={style}
      data-testid="record-mail"
      extra={
        <Button size="small" icon={<MailOutlined />} onClick={() => setOpen(true)} data-testid="record-mail-send">
          {t('mail.sendEmail')}
        </Button>
      }
    >
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('mail.noneForRecord')} />
      ) : (
        <List<SentMail>
          size="small"
          dataSource={rows}
          data-testid="record-mail-list"
          renderItem={(m) => (
            <List.Item data-testid="record-mail-item">
              <Space direction="vertical" size={0} style={{ minWidth: 0, width: '100%' }}>
                <Space wrap size={4}>
                  <Tag color={COLORS[m.status]}>{t(`mail.statuses.${m.status}`)}</Tag>
                  <Typography.Text strong ellipsis style={{ maxWidth: 260 }}>
                    {m.subject}
                  </Typography.Text>
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('mail.toWhen', { to: m.to, when: formatDateTime(m.sentAt ?? m.createdAt, i18n.language) })}
                </Typography.Text>
                {m.error && (
                  <Typography.Text type="danger" style={{ fontSize: 12 }}>
                    {m.error}
                  </Typography.Text>
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
      <SendMailModal
        open={open}
        object={object}
        recordId={recordId}
        onClose={() => setOpen(false)}
        onSent={(to) => {
          setOpen(false);
          message.success(t('mail.queuedFor', { to }));
          void qc.invalidateQueries({ queryKey: key });
        }}
      />
    </Card>
  );
}
