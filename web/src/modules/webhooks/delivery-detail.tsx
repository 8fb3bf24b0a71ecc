import { useQuery } from '@tanstack/react-query';
import { Descriptions, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '#shared/format/format';
import { webhooksApi } from './webhooks-api';

const pretty = (text: string) => {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
};

/** One delivery's body and each attempt: headers sent, status, response excerpt, error, duration. */
export function DeliveryDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { data } = useQuery({ queryKey: ['webhook-delivery', id], queryFn: () => webhooksApi.delivery(id) });
  if (!data) return <Spin size="small" />;
  return (
    <div data-testid="delivery-detail">
      {data.attemptLog.map((a) => (
        <Descriptions
          key={a.id}
          size="small"
          bordered
          column={1}
          style={{ marginBottom: 12 }}
          title={
            <>
              {t('webhooks.attempt', { n: a.attempt })} {a.manual && <Tag>{t('webhooks.manual')}</Tag>}
              <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                {formatDateTime(a.startedAt, i18n.language)} · {t('webhooks.duration', { ms: a.durationMs })}
              </Typography.Text>
            </>
          }
          items={[
            {
              key: 'status',
              label: t('webhooks.response'),
              children: a.responseStatus ? <Tag color={a.responseStatus < 300 ? 'green' : 'red'}>{a.responseStatus}</Tag> : <Tag color="red">{a.error}</Tag>,
            },
            {
              key: 'headers',
              label: t('webhooks.requestHeaders'),
              children: (
                <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}>
                  {Object.entries(a.requestHeaders)
                    .map(([k, v]) => `${k}: ${v}`)
                    .join('\n')}
                </pre>
              ),
            },
            {
              key: 'body',
              label: (
                <>
                  {t('webhooks.responseBody')} {a.responseTruncated && <Tag>{t('webhooks.truncated')}</Tag>}
                </>
              ),
              children: (
                <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12, maxHeight: 160, overflow: 'auto' }}>
                  {a.responseBody ?? '—'}
                </pre>
              ),
            },
          ]}
        />
      ))}
      <Typography.Text strong>{t('webhooks.requestBody')}</Typography.Text>
      <pre style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12, maxHeight: 240, overflow: 'auto' }} data-testid="delivery-body">
        {pretty(data.requestBody)}
      </pre>
    </div>
  );
}
