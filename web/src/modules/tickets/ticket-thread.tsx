import { Button, Card, Empty, Popconfirm, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '#shared/format/format';
import type { TicketMessage } from './tickets-api';
import styles from './tickets.module.css';

const KIND_COLOR = { inbound: 'purple', reply: 'blue', note: 'gold' } as const;

/** An inbound mail's sanitised HTML (the server allow-lists it) or its text; agents' messages are text. */
function MessageBody({ m }: { m: TicketMessage }) {
  const { t } = useTranslation();
  const [html, setHtml] = useState(true);
  if (!m.bodyHtml) return <div className={styles.body}>{m.bodyText}</div>;
  return (
    <>
      <div>
        <Segmented
          size="small"
          value={html ? 'html' : 'text'}
          onChange={(v) => setHtml(v === 'html')}
          options={[
            { value: 'html', label: t('tickets.thread.showHtml') },
            { value: 'text', label: t('tickets.thread.showText') },
          ]}
          style={{ marginBottom: 8 }}
        />
      </div>
      {html ? (
        // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on receipt by sanitize-html's allow-list (no scripts, handlers, remote images)
        <div className={styles.html} dangerouslySetInnerHTML={{ __html: m.bodyHtml }} />
      ) : (
        <div className={styles.body}>{m.bodyText}</div>
      )}
    </>
  );
}

/** The ticket's conversation, oldest first: customer mail, public replies and internal notes (highlighted). */
export function TicketThread({
  messages,
  customerName,
  onSplit,
}: {
  messages: TicketMessage[];
  customerName: string | null;
  /** Splits a customer message or reply off into a new ticket (absent: not allowed). */
  onSplit?: (m: TicketMessage) => void;
}) {
  const { t, i18n } = useTranslation();
  if (!messages.length) return <Empty description={t('tickets.thread.empty')} />;
  return (
    <div data-testid="ticket-thread" className={styles.thread}>
      {messages.map((m) => (
        <Card key={m.id} size="small" className={`${styles.message} ${styles[m.kind]}`} data-kind={m.kind}>
          <Space wrap size={6} style={{ marginBottom: 6 }}>
            <Tag color={KIND_COLOR[m.kind]}>{t(`tickets.thread.${m.kind}`)}</Tag>
            <Typography.Text strong>
              {m.kind === 'inbound' ? (m.fromName ?? customerName ?? m.fromAddress ?? t('tickets.thread.inbound')) : (m.author?.name ?? '')}
            </Typography.Text>
            {m.kind === 'inbound' && m.fromAddress && <Typography.Text type="secondary">{m.fromAddress}</Typography.Text>}
            {m.kind === 'reply' && m.toAddress && <Typography.Text type="secondary">{t('tickets.thread.to', { address: m.toAddress })}</Typography.Text>}
            <Typography.Text type="secondary">{formatDateTime(m.createdAt, i18n.language)}</Typography.Text>
            {onSplit && m.kind !== 'note' && messages.length > 1 && (
              <Popconfirm title={t('tickets.split.confirm')} onConfirm={() => onSplit(m)} okButtonProps={{ 'data-testid': 'split-ok' } as never}>
                <Button type="link" size="small" data-testid="message-split">
                  {t('tickets.split.action')}
                </Button>
              </Popconfirm>
            )}
          </Space>
          <MessageBody m={m} />
        </Card>
      ))}
    </div>
  );
}
