import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';

/** Explains an optimistic-concurrency conflict (HTTP 412) and offers to reload. */
export function ConflictAlert({ onReload }: { onReload?: (() => void) | undefined }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      title={t('conflict.title')}
      description={t('conflict.body')}
      action={
        onReload && (
          <Button size="small" onClick={onReload}>
            {t('conflict.reload')}
          </Button>
        )
      }
      style={{ marginBottom: 16 }}
      data-testid="conflict-alert"
    />
  );
}
