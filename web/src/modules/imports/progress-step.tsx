import { DownloadOutlined, RollbackOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, Button, Popconfirm, Progress, Space, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ACTIVE, type ImportJob, importsApi } from './imports-api';
import './messages';

/** Live counts while the job runs; the error report and rollback once it is over. */
type Props = { job: ImportJob; onRollback: () => void; rollingBack: boolean; onCancel: () => void; cancelling: boolean };

const duration = (seconds: number, lang: string) => {
  const unit = seconds >= 3600 ? 'hour' : seconds >= 60 ? 'minute' : 'second';
  const value = unit === 'hour' ? seconds / 3600 : unit === 'minute' ? seconds / 60 : seconds;
  return new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: unit === 'second' ? 0 : 1 }).format(value);
};

export function ProgressStep({ job, onRollback, rollingBack, onCancel, cancelling }: Props) {
  const { t, i18n } = useTranslation();
  const p = job.progress;
  const percent = job.totalRows ? Math.min(100, Math.round((p.processed / job.totalRows) * 100)) : 0;
  const over = job.status === 'done' || job.status === 'failed' || job.status === 'cancelled';
  const running = job.status === 'queued' || job.status === 'running';
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="import-progress">
      <div data-testid="import-status" data-status={job.status}>
        <Alert
          type={job.status === 'failed' ? 'error' : job.status === 'cancelled' ? 'warning' : over ? 'success' : 'info'}
          message={t(`imports.status.${job.status}`)}
          description={job.error ?? undefined}
        />
      </div>
      <Progress percent={percent} status={ACTIVE.includes(job.status) ? 'active' : job.status === 'failed' ? 'exception' : 'normal'} />
      {running && p.rowsPerSecond !== null && (
        <Typography.Text type="secondary" data-testid="import-pace">
          {t('imports.pace', { rate: p.rowsPerSecond.toLocaleString(i18n.language) })}
          {p.etaSeconds !== null && ` · ${t('imports.eta', { time: duration(p.etaSeconds, i18n.language) })}`}
        </Typography.Text>
      )}
      <Space size="large" wrap>
        {(['processed', 'created', 'updated', 'skipped', 'failed'] as const).map((k) => (
          <Statistic key={k} title={t(`imports.count.${k}`)} value={p[k]} />
        ))}
      </Space>
      <Space wrap>
        {p.failed > 0 && (
          <Button icon={<DownloadOutlined />} href={importsApi.errorsUrl(job.id)} data-testid="import-errors">
            {t('imports.downloadErrors')}
          </Button>
        )}
        {running && (
          <Popconfirm title={t('imports.cancelConfirm')} onConfirm={onCancel}>
            <Button danger icon={<StopOutlined />} loading={cancelling} data-testid="import-cancel">
              {t('imports.cancel')}
            </Button>
          </Popconfirm>
        )}
        {over && (
          <Popconfirm title={t('imports.rollbackConfirm')} onConfirm={onRollback}>
            <Button danger icon={<RollbackOutlined />} loading={rollingBack}>
              {t('imports.rollback')}
            </Button>
          </Popconfirm>
        )}
      </Space>
    </Space>
  );
}
