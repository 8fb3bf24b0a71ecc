import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Modal, Radio, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '#shared/format/format';
import { PageSpinner } from '#shared/ui/page-spinner';
import { type ComparedField, type DedupObject, dedupApi, dedupKeys } from './dedup-api';
import { FieldValue, useFieldLabel } from './field-value';

type Props = { object: DedupObject; ids: string[]; onClose: () => void; onMerged: () => unknown };
type Rec = Record<string, unknown>;
const empty = (v: unknown) =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && !v.length) || (typeof v === 'object' && !Object.keys(v as object).length);

/** Side by side: pick the record to keep and, per field, whose value survives; then merge in one step. */
export function MergeDialog({ object, ids, onClose, onMerged }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const label = useFieldLabel(object);
  const q = useQuery({ queryKey: dedupKeys.compare(object, ids), queryFn: () => dedupApi.compare(object, ids) });
  const records = (q.data?.records ?? []) as Rec[];
  const oldest = useMemo(() => records.reduce((best, r, i) => (String(r.createdAt) < String(records[best]?.createdAt) ? i : best), 0), [records]);
  const [survivor, setSurvivor] = useState(0);
  const [choices, setChoices] = useState<Record<string, number | 'union'>>({});
  useEffect(() => {
    setSurvivor(oldest);
    setChoices(Object.fromEntries((q.data?.fields ?? []).map((f) => [f.field, f.chosen])));
  }, [q.data, oldest]);
  const rows = (q.data?.fields ?? []).filter((f) => f.values.some((v) => !empty(v)));
  const merge = useMutation({
    mutationFn: () =>
      dedupApi.merge({
        object,
        survivorId: records[survivor]?.id as string,
        mergedIds: records.filter((_, i) => i !== survivor).map((r) => r.id as string),
        choices: Object.fromEntries(
          Object.entries(choices)
            .filter((e): e is [string, number] => typeof e[1] === 'number')
            .map(([field, i]) => [field, records[i]?.id as string]),
        ),
      }),
    onSuccess: async () => {
      message.success(t('dedup.dialog.merged'));
      await onMerged();
      onClose();
    },
    onError: (e) => message.error(e.message),
  });
  const columns = [
    {
      key: 'field',
      title: t('dedup.dialog.field'),
      width: 110,
      fixed: 'left' as const,
      render: (_: unknown, f: ComparedField) => <Typography.Text strong>{label(f.field)}</Typography.Text>,
    },
    ...records.map((r, i) => ({
      key: String(r.id),
      title: (
        <Radio checked={survivor === i} onChange={() => setSurvivor(i)} data-testid={`dedup-keep-${i}`}>
          {t('dedup.dialog.keep')}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, fontWeight: 'normal' }}>
            {t('dedup.created', { when: formatDateTime(String(r.createdAt), i18n.language) })}
          </Typography.Text>
        </Radio>
      ),
      render: (_: unknown, f: ComparedField) =>
        empty(f.values[i]) ? (
          <FieldValue field={f.field} value={null} record={r} />
        ) : (
          <Radio checked={choices[f.field] === i} onChange={() => setChoices((c) => ({ ...c, [f.field]: i }))} data-testid={`dedup-pick-${f.field}-${i}`}>
            <FieldValue field={f.field} value={f.values[i]} record={r} />
          </Radio>
        ),
    })),
    {
      key: 'result',
      title: t('dedup.dialog.result'),
      render: (_: unknown, f: ComparedField) =>
        choices[f.field] === 'union' ? (
          <span>
            <FieldValue field={f.field} value={f.value} record={records[survivor] ?? {}} /> <Tag>{t('dedup.dialog.union')}</Tag>
          </span>
        ) : (
          <FieldValue field={f.field} value={f.values[choices[f.field] as number]} record={records[choices[f.field] as number] ?? {}} />
        ),
    },
  ];
  return (
    <Modal
      open
      width={960}
      title={t('dedup.dialog.title')}
      onCancel={onClose}
      okText={t('dedup.dialog.merge')}
      onOk={() => merge.mutate()}
      confirmLoading={merge.isPending}
      okButtonProps={{ disabled: !q.data }}
    >
      {q.isPending ? (
        <PageSpinner />
      ) : (
        <>
          <Alert type="info" showIcon message={t('dedup.dialog.hint')} style={{ marginBottom: 12 }} />
          {q.data && q.data.evidence.length > 0 && (
            <div style={{ marginBottom: 12 }}>
              <Typography.Text type="secondary">{t('dedup.dialog.evidence')}: </Typography.Text>
              {q.data.evidence
                .filter((e) => e.weight > 0)
                .map((e) => (
                  <Tag key={e.field} color="blue">
                    {label(e.field)} · {t('dedup.fields.similarity', { value: Math.round(e.similarity * 100) })}
                  </Tag>
                ))}
            </div>
          )}
          <Table<ComparedField>
            rowKey="field"
            size="small"
            pagination={false}
            dataSource={rows}
            columns={columns}
            scroll={{ x: 240 + records.length * 220 }}
            data-testid="dedup-compare"
          />
        </>
      )}
    </Modal>
  );
}
