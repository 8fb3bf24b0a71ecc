import { DownloadOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, Button, Popconfirm, Progress, Space, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { ACTIVE, type ImportJob, importsApi } from './imports-api';

/** Live counts while the job runs; the error report and rollback once it is over. */
export function ProgressStep({ job, onRollback, rollingBack }: { job: ImportJob; onRollback: () => void; rollingBack: boolean }) {
  const { t } = useTranslation();
  const p = job.progress;
  const percent = job.totalRows ? Math.min(100, Math.round((p.processed / job.totalRows) * 100)) : 0;
  const over = job.status === 'done' || job.status === 'failed';
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="import-progress">
      <div data-testid="import-status" data-status={job.status}>
        <Alert
          type={job.status === 'failed' ? 'error' : over ? 'success' : 'info'}
          message={t(`imports.status.${job.status}`)}
          description={job.error ?? undefined}
        />
      </div>
      <Progress percent={percent} status={ACTIVE.includes(job.status) ? 'active' : job.status === 'failed' ? 'exception' : 'normal'} />
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
