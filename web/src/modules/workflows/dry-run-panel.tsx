import { Alert, Button, List, Space, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldDef } from '#shared/fields/field-types';
import { LookupSelect } from '#shared/fields/inputs/lookup-select';
import type { CrmRecord } from '#shared/api/types';
import { FieldValue } from '#shared/fields/field-value';
import { formatDate, formatDateTime } from '#shared/format/format';
import { objectLabel, useObjects } from '#shared/objects/use-objects';
import { useUsers } from '#shared/users/users-api';
import { labelOf } from './describe';
import { RunStatusTag } from './run-status-tag';
import { type DryRunResult, type RuleInput, workflowsApi } from './workflows-api';

type Props = { rule: RuleInput; fields: FieldDef[] };

/** Ids a dry run made up (rolled back with it): nothing to show. */
const HIDDEN = new Set(['taskId', 'deliveryId', 'approvalId', 'processId', 'poolId', 'recordId']);
const ISO = /^\d{4}-\d{2}-\d{2}T/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** "Test on a record": what the rule, as edited, would do there; nothing is written. */
export function DryRunPanel({ rule, fields }: Props) {
  const { t, i18n } = useTranslation();
  const { data: users = [] } = useUsers();
  const { objects } = useObjects();
  const userName = (id: unknown) => users.find((u) => u.id === id)?.name ?? String(id);
  const text = (key: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '—';
    if (key === 'ownerId' || key === 'userIds' || key === 'assigneeId') return Array.isArray(v) ? v.map(userName).join(', ') : userName(v);
    if (Array.isArray(v)) return v.map((x) => text(key, x)).join(', ');
    if (typeof v === 'string' && DAY.test(v)) return formatDate(v, i18n.language);
    if (typeof v === 'string' && ISO.test(v)) return formatDateTime(v, i18n.language);
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  };
  /** A field of the rule's object shows as its record page shows it (choice labels, names for ids, dates, money); anything else as text. */
  const show = (key: string, v: unknown): ReactNode => {
    if (key === 'object' && typeof v === 'string')
      return (
        objectLabel(
          objects.find((o) => o.name === v),
          i18n.language,
        ) || v
      );
    if (key === 'status' && typeof v === 'string') return t(`workflows.approvalStatus.${v}`, { defaultValue: v });
    if (key === 'values' && v && typeof v === 'object' && !Array.isArray(v))
      return Object.entries(v as Record<string, unknown>)
        .map(([k, x]) => `${t(`workflows.detail.${k}`, { defaultValue: k })} ${text(k, x)}`)
        .join(' · ');
    const def = fields.find((f) => f.key === key);
    if (!def || v === null || v === undefined || v === '') return text(key, v);
    const record = (key.startsWith('custom.') ? { custom: { [key.slice(7)]: v } } : { [key]: v }) as CrmRecord;
    return <FieldValue def={def} record={record} compact />;
  };
  const label = (k: string) => {
    const own = labelOf(fields, k, t, i18n.language);
    return own === k ? t(`workflows.detail.${k}`, { defaultValue: k }) : own;
  };
  const detailLines = (detail: Record<string, unknown> | null) =>
    Object.entries((detail?.changes as Record<string, unknown> | undefined) ?? detail ?? {})
      .filter(([k]) => !HIDDEN.has(k))
      .map(([k, v]) => ({ key: k, label: label(k), value: show(k, v) }));
  const [recordId, setRecordId] = useState<string | null>(null);
  const [result, setResult] = useState<DryRunResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const test = async () => {
    if (!recordId) return;
    setRunning(true);
    setError(null);
    try {
      setResult(await workflowsApi.dryRun({ recordId, rule }));
    } catch (e) {
      setResult(null);
      const fieldErrors = (e as { fieldErrors?: { field: string; message: string }[] }).fieldErrors ?? [];
      setError(fieldErrors.length ? fieldErrors.map((f) => f.message).join('; ') : (e as Error).message);
    } finally {
      setRunning(false);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="dry-run">
      <Typography.Text type="secondary">{t('workflows.dryRunHint')}</Typography.Text>
      <Space.Compact style={{ width: '100%' }}>
        <div style={{ flex: 1 }} key={rule.object}>
          <LookupSelect target={rule.object} value={recordId} onChange={(v) => setRecordId(typeof v === 'string' ? v : null)} />
        </div>
        <Button type="primary" onClick={test} disabled={!recordId} loading={running} data-testid="dry-run-go">
          {t('workflows.dryRun')}
        </Button>
      </Space.Compact>
      {error && <Alert type="error" showIcon message={error} />}
      {result && (
        <Alert
          type={result.matched ? 'success' : 'info'}
          showIcon
          message={result.matched ? t('workflows.wouldRun') : t(`workflows.reason.${result.reason ?? 'conditions_not_met'}`)}
          data-testid="dry-run-result"
          description={
            result.actions.length > 0 && (
              <List
                size="small"
                dataSource={result.actions}
                renderItem={(a) => (
                  <List.Item>
                    <Space direction="vertical" size={0}>
                      <Space>
                        <Tag>{a.index + 1}</Tag>
                        {t(`workflows.action.${a.type}`)}
                        <RunStatusTag status={a.status} />
                      </Space>
                      {a.error && <Typography.Text type="danger">{a.error}</Typography.Text>}
                      {detailLines(a.detail).map((line) => (
                        <Typography.Text key={line.key} type="secondary" style={{ fontSize: 12 }} data-testid="dry-run-detail">
                          {line.label}: {line.value}
                        </Typography.Text>
                      ))}
                    </Space>
                  </List.Item>
                )}
              />
            )
          }
        />
      )}
    </Space>
  );
}
