import { Collapse, Descriptions, Spin, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CrmRecord } from '#shared/api/types';
import { fieldLabel } from '#shared/fields/field-label';
import { FieldValue } from '#shared/fields/field-value';
import { formatDate, formatDateTime, formatMoney } from '#shared/format/format';
import { pickLabel } from '#shared/format/localized';
import { groupFields } from '#shared/records/layout';
import { useObjectFields } from '#shared/records/use-object-fields';
import { useObjectLayout } from '#shared/records/use-object-layout';
import { dealObject } from '../deal-object';
import { type Deal, nameOf, type Pipeline, trimDecimal } from '../deals-api';
import { formatDuration } from '../duration';

type Fact = { key: string; label: string; children: ReactNode; span?: number };

/** Amount (and in the base currency), links, stage with time in it, dates, forecast, owner, lost reason; in the layout's sections when it has some. */
export function DealFacts({ deal, pipeline }: { deal: Deal; pipeline: Pipeline | undefined }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { fields } = useObjectFields(dealObject);
  const { layout, loading } = useObjectLayout('deal');
  const stage = pipeline?.stages.find((s) => s.id === deal.stageId);
  const inStage = Math.round((Date.now() - new Date(deal.stageEnteredAt).getTime()) / 1000);
  const facts: Fact[] = [
    { key: 'amount', label: t('deals.fields.amount'), children: formatMoney(deal.amount, deal.currency, lang) },
    {
      key: 'amountBase',
      label: t('deals.fields.amountBase', { currency: deal.baseCurrency }),
      children: (
        <>
          {formatMoney(deal.amountBase, deal.baseCurrency, lang)}
          {deal.currency !== deal.baseCurrency && deal.exchangeRate && (
            <div style={{ fontSize: 12, opacity: 0.7 }}>{t('deals.detail.rate', { rate: trimDecimal(deal.exchangeRate) })}</div>
          )}
        </>
      ),
    },
    {
      key: 'companyId',
      label: t('deals.fields.company'),
      children: deal.company ? <Link to={`/companies/${deal.company.id}`}>{deal.company.name}</Link> : '—',
    },
    { key: 'contactId', label: t('deals.fields.contact'), children: deal.contact ? <Link to={`/contacts/${deal.contact.id}`}>{deal.contact.name}</Link> : '—' },
    { key: 'pipelineId', label: t('deals.fields.pipeline'), children: nameOf(pipeline?.name, lang) },
    {
      key: 'stageId',
      label: t('deals.fields.stage'),
      children: (
        <>
          {nameOf(stage?.name, lang)} <div style={{ fontSize: 12, opacity: 0.7 }}>{t('deals.detail.inStageNow', { time: formatDuration(inStage, t) })}</div>
        </>
      ),
    },
    { key: 'probability', label: t('deals.fields.probability'), children: `${deal.probability}%` },
    { key: 'forecastCategory', label: t('deals.fields.forecastCategory'), children: t(`deals.forecast.${deal.forecastCategory}`) },
    {
      key: 'expectedCloseDate',
      label: t('deals.fields.expectedCloseDate'),
      children: (
        <>
          {formatDate(deal.expectedCloseDate, lang) || '—'} {deal.isOverdue && <Tag color="red">{t('deals.overdue')}</Tag>}
        </>
      ),
    },
    { key: 'ownerId', label: t('deals.fields.owner'), children: deal.owner?.name ?? '—' },
    ...(deal.closedAt ? [{ key: 'closedAt', label: t('deals.fields.closedAt'), children: formatDateTime(deal.closedAt, lang) }] : []),
    ...(deal.lostReason
      ? [
          {
            key: 'lostReason',
            label: t('deals.fields.lostReason'),
            children: `${t(`deals.lostReasons.${deal.lostReason}`)}${deal.lostNote ? ` — ${deal.lostNote}` : ''}`,
          },
        ]
      : []),
    { key: 'lastActivityAt', label: t('deals.fields.lastActivityAt'), children: deal.lastActivityAt ? formatDateTime(deal.lastActivityAt, lang) : '—' },
    { key: 'createdAt', label: t('deals.fields.createdAt'), children: formatDateTime(deal.createdAt, lang) },
    ...(deal.description ? [{ key: 'description', label: t('deals.fields.description'), children: deal.description, span: 2 }] : []),
  ];
  const grid = (items: Fact[]) => (
    <Descriptions
      data-testid="deal-facts"
      size="small"
      column={{ xs: 1, sm: 2 }}
      bordered
      items={items.map(({ key, label, children, span }) => ({ key, label, children, ...(span ? { span } : {}) }))}
    />
  );

  // With sections, the deal's custom fields join the facts (they have no place of their own here).
  const byKey = new Map(facts.map((f) => [f.key, f]));
  for (const field of fields.filter((f) => f.custom)) {
    byKey.set(field.key, { key: field.key, label: fieldLabel(field, t, lang), children: <FieldValue def={field} record={deal as unknown as CrmRecord} /> });
  }
  const groups = groupFields(
    fields.filter((f) => byKey.has(f.key)),
    layout?.sections,
  );
  if (loading) return <Spin />;
  // Without sections, custom fields follow the facts (a lookup names its record, linked).
  if (!groups) return grid([...facts, ...fields.filter((f) => f.custom).flatMap((f) => byKey.get(f.key) ?? [])]);
  return (
    <Collapse
      ghost
      size="small"
      styles={{ header: { paddingInline: 0 }, body: { paddingInline: 0 } }}
      defaultActiveKey={groups.filter((g) => !g.collapsed).map((g) => g.id)}
      items={groups
        .filter((g) => g.fields.length > 0)
        .map((g) => ({
          key: g.id,
          label: <strong data-testid="record-section-title">{g.label ? pickLabel(g.label, lang) : t('detail.otherFields')}</strong>,
          children: grid(g.fields.flatMap((f) => byKey.get(f.key) ?? [])),
        }))}
    />
  );
}
