import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildUrl } from '#shared/api/client';
import { ExportProgress } from './export-progress';
import { EXPORT_ACTIVE, type ExportFormat, exportsApi, type StartExport } from './exports-api';
import { RecentExports } from './recent-exports';
import './messages';

export type ExportButtonProps = {
  /** What the list shows: object, filter, sort, search text and its columns with their headers. */
  request: Omit<StartExport, 'format'>;
  objectLabel: string;
  /** The list's API path (contacts); objects without export jobs download through its synchronous CSV route. */
  listPath: string;
  compact?: boolean;
};

/** Objects the export job knows; others keep the list's synchronous CSV export. */
const JOB_OBJECTS = ['contact', 'company', 'activity'];

/** The list toolbar's export: starts a background job for the whole filtered list, then offers the file. */
export function ExportButton({ request, objectLabel, listPath, compact }: ExportButtonProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: () => exportsApi.start({ ...request, format }),
    onSuccess: (job) => setJobId(job.id),
    onError: (e) => message.error(e.message),
  });
  const job = useQuery({
    queryKey: ['export', jobId],
    queryFn: () => exportsApi.get(jobId as string),
    enabled: !!jobId,
    refetchInterval: (q) => (q.state.data && !EXPORT_ACTIVE.includes(q.state.data.status) ? false : 1000),
  });
  const cancel = useMutation({ mutationFn: () => exportsApi.cancel(jobId as string), onSuccess: () => void job.refetch() });
  const close = () => {
    setOpen(false);
    if (job.data && !EXPORT_ACTIVE.includes(job.data.status)) setJobId(null);
  };

  return (
    <>
      <Button
        icon={<DownloadOutlined />}
        onClick={() =>
          JOB_OBJECTS.includes(request.object)
            ? setOpen(true)
            : window.location.assign(buildUrl(`/${listPath}/export`, { filter: request.filter, sort: request.sort, q: request.q }))
        }
        data-testid="export-records"
      >
        {!compact && t('list.export')}
      </Button>
      <Modal
        open={open}
        title={t('exports.title', { object: objectLabel })}
        onCancel={close}
        footer={
          jobId ? (
            <Button onClick={close}>{t('exports.close')}</Button>
          ) : (
            <Button type="primary" loading={start.isPending} onClick={() => start.mutate()} data-testid="export-start">
              {t('exports.start')}
            </Button>
          )
        }
        destroyOnHidden
      >
        {jobId && job.data ? (
          <ExportProgress job={job.data} onCancel={() => cancel.mutate()} cancelling={cancel.isPending} />
        ) : (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text strong>{t('exports.format')}</Typography.Text>
            <Radio.Group value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)} data-testid="export-format">
              <Radio.Button value="xlsx">{t('exports.xlsx')}</Radio.Button>
              <Radio.Button value="csv">{t('exports.csv')}</Radio.Button>
            </Radio.Group>
            <Typography.Paragraph type="secondary">{t('exports.scope', { count: request.columns.length })}</Typography.Paragraph>
            <RecentExports object={request.object} />
          </Space>
        )}
      </Modal>
    </>
  );
}
