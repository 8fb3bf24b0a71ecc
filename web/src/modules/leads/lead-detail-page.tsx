import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Drawer, Input, Modal, Row, Space, Tabs, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '#shared/auth/session';
import { can, canOnRecord } from '#shared/auth/permissions';
import { QuickAddActivity, Timeline } from '#modules/activities';
import { RelatedObjectLists } from '#modules/objects';
import { isApiError } from '#shared/api/problem';
import { fieldLabel } from '#shared/fields/field-label';
import { FieldValue } from '#shared/fields/field-value';
import { formatDateTime } from '#shared/format/format';
import { RecordForm } from '#shared/records/record-form';
import { recordKeys, recordsApi } from '#shared/records/records-api';
import { RecordFields } from '#shared/records/detail/record-fields';
import { useObjectFields } from '#shared/records/use-object-fields';
import { useObjectLayout } from '#shared/records/use-object-layout';
import { PageSpinner } from '#shared/ui/page-spinner';
import './messages';
import { ApprovalPanel } from '#modules/approvals';
import { RecordMail } from '#modules/mail';
import { CapturesCard } from './captures-card';
import { ConvertDialog } from './convert-dialog';
import { leadObject } from './lead-object';
import { type Lead, leadsApi } from './leads-api';
import { MatchAlerts } from './match-alerts';
import { StatusSteps } from './status-steps';

// SLOT: the lead score card comes from the scoring module (score, explanation, prediction, assignment).
const LeadScoreCard = lazy(() => import('#modules/scoring').then((m) => ({ default: m.LeadScoreCard })));

export function LeadDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const qc = useQueryClient();
  const { fields } = useObjectFields(leadObject);
  const { layout, loading: layoutLoading } = useObjectLayout('lead');
  const [editing, setEditing] = useState(false);
  const [converting, setConverting] = useState(false);
  const [reasonOpen, setReasonOpen] = useState(false);
  const [reason, setReason] = useState('');
  const q = useQuery({ queryKey: recordKeys.one('leads', id), queryFn: () => recordsApi.get('leads', id) as Promise<Lead> });
  const matches = useQuery({ queryKey: ['leads', 'matches', id], queryFn: () => leadsApi.matches(id) });
  if (q.isPending || layoutLoading) return <PageSpinner />;
  if (q.isError) return <Alert type="error" showIcon message={q.error.message} />;
  const lead = q.data;
  const converted = lead.status === 'converted';
  const canEdit = canOnRecord(me, 'lead', 'update', lead.ownerId) && !converted;
  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: recordKeys.all('leads') });
    await qc.invalidateQueries({ queryKey: ['leads', 'matches', id] });
  };
  const patch = async (body: Record<string, unknown>) => {
    try {
      await recordsApi.update('leads', lead.id, body, lead.version);
      await refresh();
    } catch (e) {
      message.error(isApiError(e) ? (e.fieldErrors[0]?.message ?? e.detail ?? e.message) : String(e));
    }
  };
  const refreshTimeline = () => void qc.invalidateQueries({ queryKey: recordKeys.timeline('leads', id) });
  const shown = fields.filter((f) => f.key !== 'name');

  return (
    <div data-testid="lead-detail">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {lead.name}{' '}
            <Tag color={converted ? 'green' : lead.status === 'unqualified' ? 'red' : 'blue'} data-testid="lead-status">
              {t(`leads.status.${lead.status}`)}
            </Tag>
          </Typography.Title>
          <Typography.Text type="secondary">{[lead.companyName, lead.owner?.name].filter(Boolean).join(' · ')}</Typography.Text>
        </div>
        <Space wrap>
          {canEdit && <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>}
          {canEdit && lead.status !== 'unqualified' && (
            <Button danger onClick={() => setReasonOpen(true)} data-testid="mark-unqualified">
              {t('leads.markUnqualified')}
            </Button>
          )}
          {canEdit && lead.status !== 'unqualified' && (
            <Button type="primary" onClick={() => setConverting(true)} data-testid="convert-lead">
              {t('leads.convert')}
            </Button>
          )}
        </Space>
      </Space>

      <Card style={{ marginBottom: 16 }}>
        <StatusSteps lead={lead} disabled={!canEdit} onChange={(status) => void patch({ status })} />
      </Card>

      {converted && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="lead-converted"
          message={t('leads.converted', { at: formatDateTime(lead.convertedAt, i18n.language) })}
          description={
            <Space wrap>
              {lead.convertedContactId && <Link to={`/contacts/${lead.convertedContactId}`}>{t('leads.openContact')}</Link>}
              {lead.convertedCompanyId && <Link to={`/companies/${lead.convertedCompanyId}`}>{t('leads.openCompany')}</Link>}
              {lead.convertedDealId && <Link to={`/deals/${lead.convertedDealId}`}>{t('leads.openDeal')}</Link>}
            </Space>
          }
        />
      )}
      {lead.confirmation === 'pending' && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('leads.pending')} />}
      {!converted && matches.data && <MatchAlerts duplicates={matches.data.duplicates} customerMatches={matches.data.customerMatches} />}

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card>
            <Tabs
              items={[
                {
                  key: 'details',
                  label: t('leads.details'),
                  children: layout?.sections?.length ? (
                    <>
                      {lead.unqualifiedReason && (
                        <Alert type="warning" style={{ marginBottom: 12 }} message={`${t('leads.fields.unqualifiedReason')}: ${lead.unqualifiedReason}`} />
                      )}
                      <RecordFields def={leadObject} record={lead} fields={shown} sections={layout.sections} />
                    </>
                  ) : (
                    <Descriptions column={{ xs: 1, sm: 2 }} size="small">
                      {shown.map((f) => (
                        <Descriptions.Item key={f.key} label={fieldLabel(f, t, i18n.language)}>
                          <FieldValue def={f} record={lead} />
                        </Descriptions.Item>
                      ))}
                      {lead.unqualifiedReason && <Descriptions.Item label={t('leads.fields.unqualifiedReason')}>{lead.unqualifiedReason}</Descriptions.Item>}
                    </Descriptions>
                  ),
                },
                {
                  key: 'timeline',
                  label: <span data-testid="lead-timeline-tab">{t('leads.timelineTab')}</span>,
                  children: (
                    <>
                      {can(me, 'activity', 'create') && (
                        <Card size="small" title={t('leads.quickAdd')} style={{ marginBottom: 16 }}>
                          <QuickAddActivity link={{ leadId: lead.id }} onAdded={refreshTimeline} />
                        </Card>
                      )}
                      <Timeline object="leads" id={lead.id} fields={fields} />
                    </>
                  ),
                },
              ]}
            />
          </Card>
          <RelatedObjectLists object="lead" id={lead.id} style={{ marginTop: 16 }} />
        </Col>
        <Col xs={24} lg={8}>
          <Space direction="vertical" style={{ width: '100%' }} size={16}>
            <ApprovalPanel object="lead" recordId={lead.id} onChanged={() => void q.refetch()} style={{}} />
            <RecordMail object="lead" recordId={lead.id} onSent={refreshTimeline} style={{}} />
            <div data-slot="lead-score" data-testid="lead-score-slot">
              <Suspense fallback={<Card loading title={t('leads.scoreSlot')} />}>
                <LeadScoreCard leadId={lead.id} />
              </Suspense>
            </div>
            <CapturesCard leadId={lead.id} />
          </Space>
        </Col>
      </Row>

      <Drawer open={editing} onClose={() => setEditing(false)} width={Math.min(720, window.innerWidth)} title={t('common.edit')} destroyOnHidden>
        <RecordForm
          def={leadObject}
          fields={fields}
          record={lead}
          submitLabel={t('common.save')}
          onCancel={() => setEditing(false)}
          onReload={() => void refresh()}
          onSubmit={async (body) => {
            await recordsApi.update('leads', lead.id, body, lead.version);
            await refresh();
            setEditing(false);
          }}
        />
      </Drawer>
      <Modal
        open={reasonOpen}
        title={t('leads.reasonPrompt')}
        onCancel={() => setReasonOpen(false)}
        okButtonProps={{ disabled: !reason.trim() }}
        onOk={async () => {
          await patch({ status: 'unqualified', unqualifiedReason: reason.trim() });
          setReasonOpen(false);
        }}
      >
        <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} rows={3} data-testid="unqualified-reason" />
      </Modal>
      {converting && (
        <ConvertDialog
          lead={lead}
          open
          onClose={() => setConverting(false)}
          onDone={async () => {
            setConverting(false);
            await refresh();
          }}
        />
      )}
    </div>
  );
}
