import { useMutation } from '@tanstack/react-query';
import { App, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '#shared/api/problem';
import { type ImportJob, importsApi } from './imports-api';
import './messages';

type Props = { job: ImportJob; onChosen: (job: ImportJob) => void };

/** A workbook with several sheets: which one to import. The server re-reads its header, sample and suggested mapping. */
export function SheetPicker({ job, onChosen }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const choose = useMutation({
    mutationFn: (sheet: string) => importsApi.chooseSheet(job.id, sheet),
    onSuccess: onChosen,
    onError: (e: unknown) => message.error(isApiError(e) ? e.message : String(e)),
  });
  if (!job.sheets || job.sheets.length < 2) return null;
  return (
    <Space wrap>
      <Typography.Text strong>{t('imports.sheet')}</Typography.Text>
      <Select
        style={{ minWidth: 220 }}
        value={choose.isPending ? choose.variables : job.sheet}
        loading={choose.isPending}
        disabled={choose.isPending}
        options={job.sheets.map((s) => ({ value: s, label: s }))}
        onChange={(sheet: string) => choose.mutate(sheet)}
        data-testid="import-sheet"
      />
      <Typography.Text type="secondary">{t('imports.sheetHint', { n: job.sheets.length })}</Typography.Text>
    </Space>
  );
}
