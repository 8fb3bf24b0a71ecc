import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useMe } from '#shared/auth/session';
import { canOnRecord } from '#shared/auth/permissions';
import { PageSpinner } from '#shared/ui/page-spinner';
import { Timeline } from '#modules/activities';
import { AvailabilitySwitch } from './availability-switch';
import { MergeTicketModal } from './merge-ticket-modal';
import { TicketComposer } from './ticket-composer';
import { CustomerPanel, TicketProperties } from './ticket-side-panel';
import { TicketSlaCard } from './ticket-sla-card';
import { TicketThread } from './ticket-thread';
import { ticketObject } from './ticket-object';
import { PRIORITY_COLOR, STATUS_COLOR, type Ticket, ticketKeys, ticketsApi } from './tickets-api';

/** One ticket: its conversation and composer, its status/priority/assignee, and the customer beside it. */
export function TicketDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [merging, setMerging] = useState(false);
  const ticket = useQuery({ queryKey: ticketKeys.one(id), queryFn: () => ticketsApi.get(id) });
  const thread = useQuery({ queryKey: ticketKeys.thread(id), queryFn: () => ticketsApi.thread(id) });
  if (ticket.isPending) return <PageSpinner />;
  if (ticket.isError) return <Alert type="error" message={ticket.error.message} />;
  const tk = ticket.data;
  const editable = canOnRecord(me, 'ticket', 'update', tk.ownerId);
  const refresh = () => qc.invalidateQueries({ queryKey: ticketKeys.all });
  const save = async (patch: Partial<Ticket>) => {
    try {
      qc.setQueryData(ticketKeys.one(id), await ticketsApi.update(id, patch, tk.version));
      message.success(t('tickets.panel.saved'));
      await refresh();
    } catch (e) {
      message.error((e as Error).message);
      await refresh();
    }
  };

  const split = async (messageId: string) => {
    try {
      const created = await ticketsApi.split(id, messageId);
      message.success(t('tickets.split.done', { number: created.number }));
      await refresh();
      navigate(`/tickets/${created.id}`);
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  return (
    <div data-testid="ticket-detail">
      {tk.mergedInto && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="ticket-merged-into"
          message={
            <>
              {t('tickets.merge.mergedInto')} <Link to={`/tickets/${tk.mergedInto.id}`}>{tk.mergedInto.name}</Link>
            </>
          }
        />
      )}
      <Card style={{ marginBottom: 16 }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap' }}>
          <Link to="/tickets">{t('nav.tickets')}</Link>
          <Space wrap>
            <AvailabilitySwitch />
            {editable && !tk.mergedIntoId && (
              <Button size="small" onClick={() => setMerging(true)} data-testid="ticket-merge">
                {t('tickets.merge.action')}
              </Button>
            )}
          </Space>
        </div>
        <Typography.Title level={3} style={{ margin: '4px 0' }}>
          <Typography.Text type="secondary" data-testid="ticket-number">
            {tk.number}
          </Typography.Text>{' '}
          {tk.subject}
        </Typography.Title>
        <Space size={4} wrap>
          <Tag color={STATUS_COLOR[tk.status]} data-testid="ticket-status-tag">
            {t(`tickets.status.${tk.status}`)}
          </Tag>
          <Tag color={PRIORITY_COLOR[tk.priority]}>{t(`tickets.priority.${tk.priority}`)}</Tag>
          <Tag>{t(`tickets.channel.${tk.channel}`)}</Tag>
        </Space>
        {tk.description && <Typography.Paragraph style={{ marginTop: 12, whiteSpace: 'pre-wrap' }}>{tk.description}</Typography.Paragraph>}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card title={t('tickets.thread.title')}>
            {thread.isPending ? (
              <PageSpinner />
            ) : (
              <TicketThread
                messages={thread.data ?? []}
                customerName={tk.contact?.name ?? null}
                {...(editable ? { onSplit: (m: { id: string }) => void split(m.id) } : {})}
              />
            )}
            {editable && (
              <div style={{ marginTop: 16 }}>
                <TicketComposer
                  canReply={!!(tk.requesterEmail || tk.contactId)}
                  onApplyMacro={async (macroId) => {
                    const applied = await ticketsApi.applyMacro(id, macroId);
                    qc.setQueryData(ticketKeys.one(id), applied.ticket);
                    await refresh();
                    return applied;
                  }}
                  onSend={async (m) => {
                    await ticketsApi.post(id, m);
                    await refresh();
                  }}
                />
              </div>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Space direction="vertical" style={{ width: '100%' }} size={16}>
            <TicketProperties ticket={tk} editable={editable} onChange={(patch) => void save(patch)} />
            <TicketSlaCard ticket={tk} />
            <CustomerPanel ticket={tk} />
            <Card title={t('detail.history')} size="small" data-testid="ticket-history">
              <Timeline object="tickets" id={id} fields={ticketObject.fields} only="change" />
            </Card>
          </Space>
        </Col>
      </Row>
      {merging && (
        <MergeTicketModal
          ticket={tk}
          onClose={(target) => {
            setMerging(false);
            if (target) {
              void refresh();
              navigate(`/tickets/${target.id}`);
            }
          }}
        />
      )}
    </div>
  );
}
