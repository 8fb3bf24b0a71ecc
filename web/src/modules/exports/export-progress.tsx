import { Alert, Button, Progress, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '#shared/format/format';
import { type ExportJob, exportsApi } from './exports-api';
import './messages';

export const formatSize = (bytes: number) =>
  bytes < 1024 ? `${bytes} B` : bytes < 1024 ** 2 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 ** 2).toFixed(1)} MB`;

/** Where a running export stands: a bar while it writes, then the download (or why there is none). */
export function ExportProgress({ job, onCancel, cancelling }: { job: ExportJob; onCancel: () => void; cancelling: boolean }) {
  const { t, i18n } = useTranslation();
  const { written, total, percent } = job.progress;
  switch (job.status) {
    case 'queued':
    case 'running':
      return (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="export-progress">
          <Progress percent={percent ?? 0} status="active" showInfo={percent !== null} />
          <Typography.Text>
            {job.status === 'queued'
              ? t('exports.queued')
              : total !== null
                ? t('exports.running', { written: written.toLocaleString(i18n.language), total: total.toLocaleString(i18n.language) })
                : t('exports.runningNoTotal', { written: written.toLocaleString(i18n.language) })}
          </Typography.Text>
          <Typography.Text type="secondary">{t('exports.background')}</Typography.Text>
          <Button danger onClick={onCancel} loading={cancelling} data-testid="export-cancel">
            {t('exports.cancel')}
          </Button>
        </Space>
      );
    case 'done':
      return (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Progress percent={100} />
          <Alert type="success" showIcon message={t('exports.done', { written: written.toLocaleString(i18n.language), size: formatSize(job.sizeBytes) })} />
          <Button type="primary" href={exportsApi.downloadUrl(job.id)} download={job.fileName} data-testid="export-download">
            {t('exports.download')} {job.fileName}
          </Button>
          {job.expiresAt && <Typography.Text type="secondary">{t('exports.expiresAt', { at: formatDateTime(job.expiresAt, i18n.language) })}</Typography.Text>}
        </Space>
      );
    case 'failed':
      return <Alert type="error" showIcon message={t('exports.failed', { error: job.error ?? '' })} />;
    case 'cancelled':
      return <Alert type="warning" showIcon message={t('exports.cancelled')} />;
    case 'expired':
      return <Alert type="info" showIcon message={t('exports.expired')} />;
  }
}
