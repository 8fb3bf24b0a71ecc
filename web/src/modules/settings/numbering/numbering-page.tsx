import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '#shared/api/client';
import { isApiError } from '#shared/api/problem';
import '../messages';

type Series = { series: string; label: { zh: string; en: string }; pattern: string; defaultPattern: string; next: string; version: number };
const KEY = ['number-series'];

/** Settings > Numbering: the pattern of each numbered object (quotes, orders, contracts, tickets) and the number it gives next. */
export function NumberingPage() {
  const { t, i18n } = useTranslation();
  const q = useQuery({ queryKey: KEY, queryFn: () => api<{ data: Series[] }>('/number-series') });
  const label = (s: Series) => (i18n.language.startsWith('zh') ? s.label.zh : s.label.en);
  return (
    <Card data-testid="numbering-settings">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('settings.sections.numbering')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('numbering.intro')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        <code>{'{yyyy}'}</code> {t('numbering.tokenYear')} · <code>{'{yy}'}</code> {t('numbering.tokenShortYear')} · <code>{'{mm}'}</code>{' '}
        {t('numbering.tokenMonth')} · <code>{'{dd}'}</code> {t('numbering.tokenDay')} · <code>{'{0000}'}</code> {t('numbering.tokenCounter')}
      </Typography.Paragraph>
      {q.isError && <Alert type="error" showIcon title={q.error.message} />}
      <Table<Series>
        rowKey="series"
        loading={q.isPending}
        dataSource={q.data?.data ?? []}
        pagination={false}
        locale={{ emptyText: t('numbering.none') }}
        columns={[
          { key: 'object', title: t('numbering.object'), width: 140, render: (_, s) => label(s) },
          { key: 'pattern', title: t('numbering.pattern'), render: (_, s) => <PatternEditor key={s.version} series={s} /> },
          {
            key: 'next',
            title: t('numbering.next'),
            width: 200,
            render: (_, s) => (
              <Typography.Text code data-testid={`numbering-next-${s.series}`}>
                {s.next}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}

function PatternEditor({ series }: { series: Series }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [pattern, setPattern] = useState(series.pattern);
  const [problem, setProblem] = useState<string>();
  const save = useMutation({
    mutationFn: () => api<Series>(`/number-series/${series.series}`, { method: 'PUT', body: { pattern }, ifMatch: series.version }),
    onSuccess: (saved) => {
      setProblem(undefined);
      qc.setQueryData<{ data: Series[] }>(KEY, (old) => old && { data: old.data.map((s) => (s.series === saved.series ? saved : s)) });
      message.success(t('common.saved'));
    },
    onError: (e) => {
      if (isApiError(e) && e.isConflict) void qc.invalidateQueries({ queryKey: KEY });
      setProblem(isApiError(e) ? (e.fieldErrors[0]?.message ?? e.message) : String(e));
    },
  });
  return (
    <Space direction="vertical" size={2} style={{ width: '100%' }}>
      <Space.Compact style={{ width: '100%', maxWidth: 420 }}>
        <Input
          value={pattern}
          status={problem ? 'error' : undefined}
          onChange={(e) => setPattern(e.target.value)}
          onPressEnter={() => save.mutate()}
          placeholder={series.defaultPattern}
          data-testid={`numbering-pattern-${series.series}`}
        />
        <Button
          type="primary"
          loading={save.isPending}
          disabled={pattern === series.pattern}
          onClick={() => save.mutate()}
          data-testid={`numbering-save-${series.series}`}
        >
          {t('common.save')}
        </Button>
      </Space.Compact>
      {problem && (
        <Typography.Text type="danger" data-testid={`numbering-error-${series.series}`}>
          {problem}
        </Typography.Text>
      )}
    </Space>
  );
}
