import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDateTime, formatMoney } from '#shared/format/format';
import { type Deal, nameOf, type Pipeline, trimDecimal } from '../deals-api';
import { formatDuration } from '../duration';

/** Amount (and in the base currency), links, stage with time in it, dates, forecast, owner, lost reason. */
export function DealFacts({ deal, pipeline }: { deal: Deal; pipeline: Pipeline | undefined }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const stage = pipeline?.stages.find((s) => s.id === deal.stageId);
  const inStage = Math.round((Date.now() - new Date(deal.stageEnteredAt).getTime()) / 1000);
  return (
    <Descriptions data-testid="deal-facts" size="small" column={{ xs: 1, sm: 2 }} bordered>
      <Descriptions.Item label={t('deals.fields.amount')}>{formatMoney(deal.amount, deal.currency, lang)}</Descriptions.Item>
      <Descriptions.Item label={t('deals.fields.amountBase', { currency: deal.baseCurrency })}>
        {formatMoney(deal.amountBase, deal.baseCurrency, lang)}
        {deal.currency !== deal.baseCurrency && deal.exchangeRate && (
          <div style={{ fontSize: 12, opacity: 0.7 }}>{t('deals.detail.rate', { rate: trimDecimal(deal.exchangeRate) })}</div>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('deals.fields.company')}>
        {deal.company ? <Link to={`/companies/${deal.company.id}`}>{deal.company.name}</Link> : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('deals.fields.contact')}>
        {deal.contact ? <Link to={`/contacts/${deal.contact.id}`}>{deal.contact.name}</Link> : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('deals.fields.pipeline')}>{nameOf(pipeline?.name, lang)}</Descriptions.Item>
      <Descriptions.Item label={t('deals.fields.stage')}>
        {nameOf(stage?.name, lang)} <div style={{ fontSize: 12, opacity: 0.7 }}>{t('deals.detail.inStageNow', { time: formatDuration(inStage, t) })}</div>
      </Descriptions.Item>
      <Descriptions.Item label={t('deals.fields.probability')}>{deal.probability}%</Descriptions.Item>
      <Descriptions.Item label={t('deals.fields.forecastCategory')}>{t(`deals.forecast.${deal.forecastCategory}`)}</Descriptions.Item>
      <Descriptions.Item label={t('deals.fields.expectedCloseDate')}>
        {formatDate(deal.expectedCloseDate, lang) || '—'} {deal.isOverdue && <Tag color="red">{t('deals.overdue')}</Tag>}
      </Descriptions.Item>
      <Descriptions.Item label={t('deals.fields.owner')}>{deal.owner?.name ?? '—'}</Descriptions.Item>
      {deal.closedAt && <Descriptions.Item label={t('deals.fields.closedAt')}>{formatDateTime(deal.closedAt, lang)}</Descriptions.Item>}
      {deal.lostReason && (
        <Descriptions.Item label={t('deals.fields.lostReason')}>
          {t(`deals.lostReasons.${deal.lostReason}`)}
          {deal.lostNote ? ` — ${deal.lostNote}` : ''}
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('deals.fields.lastActivityAt')}>{deal.lastActivityAt ? formatDateTime(deal.lastActivityAt, lang) : '—'}</Descriptions.Item>
      <Descriptions.Item label={t('deals.fields.createdAt')}>{formatDateTime(deal.createdAt, lang)}</Descriptions.Item>
      {deal.description && (
        <Descriptions.Item label={t('deals.fields.description')} span={2}>
          {deal.description}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
