import { Alert, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { workflowsApi } from './workflows-api';

type Props = { ruleId: string | null; hasToken: boolean };

/** An inbound-webhook rule's secret URL: made (or replaced) on demand, shown once. */
export function HookUrl({ ruleId, hasToken }: Props) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!ruleId) return <Typography.Text type="secondary">{t('workflows.hook.saveFirst')}</Typography.Text>;
  const make = async () => {
    setBusy(true);
    try {
      const { path } = await workflowsApi.hookToken(ruleId);
      setUrl(`${window.location.origin}${path}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('workflows.hook.hint', { skipInterpolation: true })}</Typography.Text>
      <Button onClick={make} loading={busy} data-testid="hook-make">
        {hasToken || url ? t('workflows.hook.replace') : t('workflows.hook.make')}
      </Button>
      {url && (
        <Alert
          type="warning"
          showIcon
          message={t('workflows.hook.once')}
          description={
            <Typography.Paragraph copyable code style={{ marginBottom: 0, wordBreak: 'break-all' }} data-testid="hook-url">
              {url}
            </Typography.Paragraph>
          }
        />
      )}
    </Space>
  );
}
