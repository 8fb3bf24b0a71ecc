import { Alert, Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '#shared/format/format';

type Props = { secret: { secret: string; previousSecretExpiresAt: string | null } | null; onClose: () => void };

/** Shows a signing secret (new, revealed or rotated); closing drops it from the page. */
export function SecretModal({ secret, onClose }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <Modal
      open={!!secret}
      title={t('webhooks.secretTitle')}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose} data-testid="secret-done">
          {t('webhooks.done')}
        </Button>
      }
    >
      <Alert type="info" showIcon title={t('webhooks.secretNew')} style={{ marginBottom: 12 }} />
      <Typography.Paragraph copyable code data-testid="webhook-secret">
        {secret?.secret}
      </Typography.Paragraph>
      {secret?.previousSecretExpiresAt && (
        <Typography.Text type="secondary">
          {t('webhooks.previousUntil', { time: formatDateTime(secret.previousSecretExpiresAt, i18n.language) })}
        </Typography.Text>
      )}
    </Modal>
  );
}
