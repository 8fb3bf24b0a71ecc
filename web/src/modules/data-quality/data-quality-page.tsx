import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, InputNumber, Progress, Row, Segmented, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type DrillDown, dataQualityApi } from './data-quality-api';
import { DrillDownDrawer } from './drill-down';
import './messages';

/** Per object: key-field completeness against a target, invalid formats, stale records, duplicates; each figure opens its records. */
export function DataQualityPage() {
  const { t } = useTranslation();
  const [object, setObject] = useState<'contact' | 'company'>('contact');
  const [target, setTarget] = useState(95);
  const [staleMonths, setStaleMonths] = useState(6);
  const [drill, setDrill] = useState<{ d: DrillDown; title: string } | null>(null);
  const q = useQuery({ queryKey: ['data-quality', object, target, staleMonths], queryFn: () => dataQualityApi.get(object, target, staleMonths) });
  const data = q.data;
  const label = (field: string) => t(`dataQuality.fields.${field}`, { defaultValue: field });
  return (
    <div>
      <Typography.Title level={3}>{t('dataQuality.title')}</Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented
          value={object}
          onChange={(v) => setObject(v as 'contact' | 'company')}
          options={[
            { value: 'contact', label: t('nav.contacts') },
            { value: 'company', label: t('nav.companies') },
          ]}
        />
        <span>{t('dataQuality.target')}</span>
        <InputNumber min={1} max={100} value={target} onChange={(v) => v && setTarget(v)} data-testid="data-quality-target" />
        <span>{t('dataQuality.staleMonths')}</span>
        <InputNumber min={1} max={120} value={staleMonths} onChange={(v) => v && setStaleMonths(v)} />
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12} lg={6}>
          <Card loading={q.isPending}>
            <Statistic title={t('dataQuality.total')} value={data?.total ?? 0} />
          </Card>
        </Col>
        {data?.invalid.map((i) => (
          <Col xs={24} sm={12} lg={6} key={i.field}>
            <Card>
              <Statistic
                title={t(i.field === 'email' ? 'dataQuality.invalidEmail' : 'dataQuality.invalidPhone')}
                value={i.count}
                valueStyle={i.count ? { color: '#cf1322' } : undefined}
              />
            </Card>
          </Col>
        ))}
        <Col xs={24} sm={12} lg={6}>
          <Card>
            <Statistic title={t('dataQuality.stale')} value={data?.stale.count ?? 0} />
            <Typography.Text type="secondary">{t('dataQuality.staleHint', { months: staleMonths })}</Typography.Text>
            {data && data.stale.count > 0 && (
              <Button type="link" onClick={() => setDrill({ d: data.stale.drillDown, title: t('dataQuality.stale') })}>
                {t('dataQuality.view')}
              </Button>
            )}
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('dataQuality.completeness')} loading={q.isPending}>
            <Table
              size="small"
              pagination={false}
              rowKey="field"
              dataSource={data?.completeness ?? []}
              scroll={{ x: 520 }}
              data-testid="data-quality-completeness"
              columns={[
                { title: t('dataQuality.field'), dataIndex: 'field', render: label },
                {
                  title: t('dataQuality.filled'),
                  key: 'p',
                  width: 220,
                  render: (_, c) => <Progress percent={c.percent} size="small" status={c.meetsTarget ? 'success' : 'exception'} />,
                },
                {
                  title: '',
                  key: 'm',
                  render: (_, c) => <Tag color={c.meetsTarget ? 'green' : 'red'}>{t(c.meetsTarget ? 'dataQuality.meets' : 'dataQuality.below')}</Tag>,
                },
                {
                  title: t('dataQuality.missing'),
                  key: 'missing',
                  render: (_, c) =>
                    c.missing && c.drillDown ? (
                      <Button type="link" size="small" onClick={() => setDrill({ d: c.drillDown as DrillDown, title: label(c.field) })}>
                        {c.missing}
                      </Button>
                    ) : (
                      c.missing
                    ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('dataQuality.duplicates')}>
            <Typography.Paragraph type="secondary">{t('dataQuality.duplicatesHint')}</Typography.Paragraph>
            {data && <Link to={data.duplicates.reviewPath}>{t('dataQuality.openDuplicates')}</Link>}
          </Card>
        </Col>
      </Row>
      <DrillDownDrawer drill={drill?.d ?? null} title={drill?.title ?? ''} onClose={() => setDrill(null)} />
    </div>
  );
}
