import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Table } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '#shared/auth/session';
import { can } from '#shared/auth/permissions';
import { downloadText, toCsv } from '#shared/records/list/csv';

export type ReportColumn<R> = {
  key: string;
  title: string;
  /** The plain value for the CSV: decimal strings stay exact, percents and days as numbers. */
  value: (row: R) => string | number | null;
  render?: (row: R) => ReactNode;
  numeric?: boolean;
};

type Props<R> = {
  title: ReactNode;
  rows: R[];
  columns: ReportColumn<R>[];
  rowKey: (row: R) => string;
  /** File name without extension, e.g. forecast-by-month-2026-10-01-2026-12-31. */
  fileName: string;
  loading?: boolean;
  testId?: string;
  summary?: R | undefined;
};

/** A report table with a CSV download of exactly its rows (and total), for viewers allowed to export deals. */
export function ReportTable<R>({ title, rows, columns, rowKey, fileName, loading, testId, summary }: Props<R>) {
  const { t } = useTranslation();
  const me = useMe();
  const exportCsv = () => {
    const all = summary ? [...rows, summary] : rows;
    const csv = toCsv(
      columns.map((c) => c.title),
      all.map((r) => columns.map((c, i) => (r === summary && i === 0 ? t('reports.total') : String(c.value(r) ?? '')))),
    );
    downloadText(`${fileName}.csv`, csv);
  };
  return (
    <Card
      title={title}
      size="small"
      data-testid={testId}
      extra={
        can(me, 'deal', 'export') && (
          <Button size="small" icon={<DownloadOutlined />} onClick={exportCsv} disabled={!rows.length} data-testid={testId && `${testId}-csv`}>
            {t('reports.exportCsv')}
          </Button>
        )
      }
    >
      <Table<R>
        size="small"
        rowKey={rowKey}
        loading={loading}
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20, size: 'small' } : false}
        scroll={{ x: 'max-content' }}
        columns={columns.map((c) => ({
          key: c.key,
          title: c.title,
          align: c.numeric ? 'right' : 'left',
          render: (_: unknown, r: R) => (c.render ? c.render(r) : c.value(r)),
        }))}
        summary={
          summary
            ? () => (
                <Table.Summary.Row>
                  {columns.map((c, i) => (
                    <Table.Summary.Cell key={c.key} index={i} align={c.numeric ? 'right' : 'left'}>
                      <strong>{i === 0 ? t('reports.total') : c.render ? c.render(summary) : c.value(summary)}</strong>
                    </Table.Summary.Cell>
                  ))}
                </Table.Summary.Row>
              )
            : undefined
        }
      />
    </Card>
  );
}
