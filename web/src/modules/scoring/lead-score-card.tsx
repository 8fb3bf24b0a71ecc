import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Progress, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '#shared/api/client';
import { formatDateTime } from '#shared/format/format';
import './messages';
import { BandTag } from './band-tag';
import { useFieldLabel } from './condition-editor';
import { type Factor, type LeadScore, useLeadScore, useRuleFields } from './scoring-api';
import styles from './scoring.module.css';

type Row = { key: string; group: string; rule: string; detail: string; points: number; cap: string };
type Assignment = { userName: string; ruleName: string | null; method: string; trigger: string; assignedAt: string };

/** Table cells that break long words (e-mails, URLs) instead of overflowing the card. */
const wrap = () => ({ style: { overflowWrap: 'anywhere' as const } });

function explanationRows(score: LeadScore, t: (k: string, o?: Record<string, unknown>) => string, label: (field: string) => string): Row[] {
  return score.groups.flatMap((g) =>
    g.rules.map((r) => ({
      key: `${g.groupId}:${r.ruleId}`,
      group: g.name,
      rule:
        r.kind === 'behaviour'
          ? t(`scoring.events.${r.label}`, { defaultValue: r.label })
          : r.condition
            ? `${label(r.condition.field)} ${t(`scoring.operators.${r.condition.operator}`)} ${Array.isArray(r.condition.value) ? r.condition.value.join(', ') : (r.condition.value ?? '')}`.trim()
            : r.label,
      detail: r.kind === 'behaviour' ? t('scoring.decayed', { count: r.occurrences ?? 0, base: r.basePoints }) : t('scoring.attributeMatched'),
      points: r.points,
      cap: g.capped ? t('scoring.cappedAt', { cap: g.cap, raw: g.raw }) : '',
    })),
  );
}

/** A lead's score, band, which rules gave what (decay and caps shown), the predicted probability and the latest assignment. */
export function LeadScoreCard({ leadId }: { leadId: string }) {
  const { t, i18n } = useTranslation();
  const { data, isPending, error } = useLeadScore(leadId);
  const { data: fields = [] } = useRuleFields();
  const label = useFieldLabel(fields);
  const { data: assignments } = useQuery({
    queryKey: ['lead-scoring', 'lead', leadId, 'assignments'],
    queryFn: () => api<{ data: Assignment[] }>(`/leads/${leadId}/assignments`).then((r) => r.data),
  });
  const last = assignments?.[0];
  const factor = (f: Factor) => (
    <Tag key={`${f.field}:${f.value}`} color={f.weight > 0 ? 'green' : 'volcano'}>
      {label(f.field)}: {f.value}
    </Tag>
  );
  if (error) return <Card title={t('scoring.cardTitle')}>{error instanceof Error ? error.message : String(error)}</Card>;
  return (
    <Card title={t('scoring.cardTitle')} loading={isPending} data-testid="lead-score-card" size="small">
      {data && (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Space size={24} wrap align="center">
            <Statistic title={t('scoring.score')} value={data.score} valueStyle={{ fontSize: 28 }} />
            <BandTag band={data.band} />
            {data.prediction.status === 'ready' && (
              <Space direction="vertical" size={0}>
                <Typography.Text type="secondary">{t('scoring.probability')}</Typography.Text>
                <Progress type="circle" size={56} percent={Math.round(data.prediction.probability * 100)} data-testid="score-probability" />
              </Space>
            )}
          </Space>
          {data.prediction.status === 'ready' ? (
            <div>
              {data.prediction.positive.length > 0 && (
                <div className={styles.factors}>
                  <Typography.Text type="secondary">{t('scoring.positiveFactors')}</Typography.Text>
                  {data.prediction.positive.map(factor)}
                </div>
              )}
              {data.prediction.negative.length > 0 && (
                <div className={styles.factors}>
                  <Typography.Text type="secondary">{t('scoring.negativeFactors')}</Typography.Text>
                  {data.prediction.negative.map(factor)}
                </div>
              )}
            </div>
          ) : (
            <Alert
              type="info"
              showIcon
              data-testid="score-no-history"
              message={t(`scoring.insufficient.${data.prediction.reason}`, { needed: data.prediction.needed })}
              description={t('scoring.wonLost', { won: data.prediction.won, lost: data.prediction.lost })}
            />
          )}
          <Table<Row>
            size="small"
            pagination={false}
            dataSource={explanationRows(data, t, label)}
            locale={{ emptyText: t('scoring.noPoints') }}
            // The card is narrow: the table fits it and long texts wrap (a horizontal scroll clipped the detail column).
            data-testid="score-explanation"
            columns={[
              { title: t('scoring.group'), dataIndex: 'group', onCell: wrap },
              { title: t('scoring.rule'), dataIndex: 'rule', onCell: wrap },
              { title: t('scoring.detail'), dataIndex: 'detail', onCell: wrap },
              { title: t('scoring.points'), dataIndex: 'points', align: 'right' },
              { title: t('scoring.cap'), dataIndex: 'cap', onCell: wrap },
            ]}
          />
          <Typography.Text type="secondary">
            {t('scoring.computedAt', { at: formatDateTime(data.computedAt, i18n.language) })}
            {data.halfLifeDays ? ` · ${t('scoring.halfLifeShort', { days: data.halfLifeDays })}` : ''}
          </Typography.Text>
          {last && (
            <Typography.Text data-testid="score-assignee">
              {t('assignment.assignedTo', {
                name: last.userName,
                how: last.ruleName
                  ? t('assignment.byRule', { rule: last.ruleName })
                  : t(`assignment.methods.${last.method}`, { defaultValue: t('assignment.manually') }),
                at: formatDateTime(last.assignedAt, i18n.language),
              })}
            </Typography.Text>
          )}
        </Space>
      )}
    </Card>
  );
}
