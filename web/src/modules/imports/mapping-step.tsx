import { Button, Radio, Select, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CUSTOM_FIELDS_KEY, customFieldsApi } from '#shared/fields/custom-fields-api';
import type { DedupRule, ImportJob, MappingEntry } from './imports-api';
import { importsApi } from './imports-api';
import { MappingTemplates } from './mapping-templates';
import { SheetPicker } from './sheet-picker';

/**
 * The object's match rules, a unique field when it has one, then "do not check"; a name match
 * compares the parent too only where the object has one.
 */
const matchesOf = (job: ImportJob): DedupRule['match'][] => [...job.matches, ...(job.matchFields.length ? (['field'] as const) : []), 'none'];
const matchLabel = (job: ImportJob, m: DedupRule['match']) =>
  m === 'field' ? 'imports.matchField' : m !== 'nameCompany' ? `imports.match.${m}` : job.matchesParent ? 'imports.match.nameCompany' : 'imports.matchName';

type Props = {
  job: ImportJob;
  mapping: MappingEntry[];
  dedup: DedupRule;
  onMapping: (m: MappingEntry[]) => void;
  onDedup: (d: DedupRule) => void;
  onStart: () => void;
  starting: boolean;
  /** A template was applied on the server: its mapping replaces the current one. */
  onApplied: (job: ImportJob) => void;
  /** Another sheet was chosen: its columns, sample and mapping replace the current ones. */
  onSheet: (job: ImportJob) => void;
};

/** One row per file column: its sample values and the field it goes to (or none). */
export function MappingStep({ job, mapping, dedup, onMapping, onDedup, onStart, starting, onApplied, onSheet }: Props) {
  const { t, i18n } = useTranslation();
  const fields = useQuery({ queryKey: ['imports', 'fields'], queryFn: importsApi.fields });
  const custom = useQuery({ queryKey: CUSTOM_FIELDS_KEY, queryFn: customFieldsApi.list });
  const zh = i18n.language.startsWith('zh');
  const options = [
    { value: '', label: t('imports.skipColumn') },
    ...(fields.data?.[job.object] ?? []).map((f) => ({ value: f, label: t(`imports.field.${f}`, { defaultValue: f }) })),
    ...(custom.data ?? []).filter((d) => d.object === job.object).map((d) => ({ value: `custom.${d.key}`, label: (zh ? d.label.zh : d.label.en) ?? d.key })),
  ];
  const labelOf = (field: string) => options.find((o) => o.value === field)?.label ?? field;
  /** Choosing the unique-field rule starts on its first field; another rule drops the field. */
  const withMatch = (d: DedupRule, match: DedupRule['match']): DedupRule =>
    match === 'field'
      ? { match, field: d.field && job.matchFields.includes(d.field) ? d.field : job.matchFields[0], action: d.action }
      : { match, action: d.action };
  const fieldOf = (column: number) => mapping.find((m) => m.column === column)?.field ?? '';
  const setField = (column: number, field: string) =>
    onMapping([...mapping.filter((m) => m.column !== column), ...(field ? [{ column, field }] : [])].sort((a, b) => a.column - b.column));
  const rows = job.columns.map((header, column) => ({
    key: column,
    column,
    header,
    sample: job.sample
      .map((r) => r[column] ?? '')
      .filter(Boolean)
      .slice(0, 3)
      .join(' · '),
  }));
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('imports.fileSummary', { name: job.fileName, rows: job.totalRows ?? 0, encoding: job.encoding })}</Typography.Text>
      <SheetPicker job={job} onChosen={onSheet} />
      <MappingTemplates job={job} mapping={mapping} onApplied={onApplied} />
      <div data-testid="import-mapping">
        <Table
          size="small"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: t('imports.column'), dataIndex: 'header' },
            { title: t('imports.sample'), dataIndex: 'sample', ellipsis: true },
            {
              title: t('imports.target'),
              key: 'target',
              width: 240,
              render: (_, r) => (
                <Select
                  style={{ width: '100%' }}
                  value={fieldOf(r.column)}
                  options={options}
                  showSearch
                  optionFilterProp="label"
                  onChange={(v: string) => setField(r.column, v)}
                />
              ),
            },
          ]}
        />
      </div>
      <Space wrap>
        <Typography.Text strong>{t('imports.matchOn')}</Typography.Text>
        <Radio.Group value={dedup.match} onChange={(e) => onDedup(withMatch(dedup, e.target.value as DedupRule['match']))}>
          {matchesOf(job).map((m) => (
            <Radio.Button key={m} value={m}>
              {t(matchLabel(job, m))}
            </Radio.Button>
          ))}
        </Radio.Group>
        {dedup.match === 'field' && (
          <Select
            data-testid="import-match-field"
            aria-label={t('imports.matchFieldPick')}
            style={{ minWidth: 180 }}
            value={dedup.field}
            options={job.matchFields.map((f) => ({ value: f, label: labelOf(f) }))}
            onChange={(field: string) => onDedup({ ...dedup, field })}
          />
        )}
        {dedup.match !== 'none' && (
          <Radio.Group value={dedup.action} onChange={(e) => onDedup({ ...dedup, action: e.target.value as DedupRule['action'] })}>
            {(['skip', 'update', 'create'] as const).map((a) => (
              <Radio.Button key={a} value={a}>
                {t(`imports.action.${a}`)}
              </Radio.Button>
            ))}
          </Radio.Group>
        )}
      </Space>
      <Button type="primary" onClick={onStart} loading={starting} disabled={mapping.length === 0} data-testid="import-start">
        {t('imports.start')}
      </Button>
    </Space>
  );
}
