import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Empty, List, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '#shared/api/client';
import type { CrmRecord, ListResponse } from '#shared/api/types';
import { formatDate, formatDateTime, formatMoney } from '#shared/format/format';
import { CustomFieldFacts } from '#shared/records/detail/custom-field-facts';
import { UserSelect } from '#shared/users/user-select';
import { ticketObject } from './ticket-object';
import { PRIORITY_COLOR, STATUS_COLOR, TICKET_PRIORITIES, TICKET_STATUSES, type Ticket, ticketKeys, ticketsApi } from './tickets-api';

type DealRow = { id: string; name: string; status: 'open' | 'won' | 'lost'; amount: string; currency: string };
const DEAL_COLOR = { open: 'blue', won: 'green', lost: 'red' } as const;

/** The tenant's active queues; choosing one routes the ticket to one of its available agents. */
function QueueSelect({ value, onChange }: { value: string | null; onChange: (v: string | null) => void }) {
  const { t } = useTranslation();
  const queues = useQuery({ queryKey: ticketKeys.queues, queryFn: ticketsApi.queues });
  return (
    <Select
      allowClear
      value={value ?? undefined}
      onChange={(v) => onChange(v ?? null)}
      loading={queues.isPending}
      placeholder={t('tickets.queues.none')}
      style={{ width: '100%' }}
      data-testid="ticket-queue"
      options={(queues.data ?? []).filter((q) => q.active || q.id === value).map((q) => ({ value: q.id, label: q.name }))}
    />
  );
}

/** Status, priority, queue and assignee, saved as they change (If-Match: the version shown). */
export function TicketProperties({ ticket, editable, onChange }: { ticket: Ticket; editable: boolean; onChange: (patch: Partial<Ticket>) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Card size="small" title={t('tickets.panel.properties')} data-testid="ticket-properties">
      <Descriptions column={1} size="small" styles={{ label: { width: 110 } }}>
        <Descriptions.Item label={t('tickets.fields.status')}>
          <Select
            value={ticket.status}
            disabled={!editable}
            onChange={(status) => onChange({ status })}
            style={{ width: '100%' }}
            data-testid="ticket-status"
            options={TICKET_STATUSES.map((s) => ({ value: s, label: <Tag color={STATUS_COLOR[s]}>{t(`tickets.status.${s}`)}</Tag> }))}
          />
        </Descriptions.Item>
        <Descriptions.Item label={t('tickets.fields.priority')}>
          <Select
            value={ticket.priority}
            disabled={!editable}
            onChange={(priority) => onChange({ priority })}
            style={{ width: '100%' }}
            data-testid="ticket-priority"
            options={TICKET_PRIORITIES.map((p) => ({ value: p, label: <Tag color={PRIORITY_COLOR[p]}>{t(`tickets.priority.${p}`)}</Tag> }))}
          />
        </Descriptions.Item>
        <Descriptions.Item label={t('tickets.fields.queueId')}>
          {editable ? <QueueSelect value={ticket.queueId} onChange={(queueId) => onChange({ queueId })} /> : (ticket.queue?.name ?? '—')}
        </Descriptions.Item>
        <Descriptions.Item label={t('tickets.fields.assigneeId')}>
          {editable ? <UserSelect value={ticket.assigneeId} onChange={(assigneeId) => onChange({ assigneeId })} /> : (ticket.assignee?.name ?? '—')}
        </Descriptions.Item>
        {ticket.followUpOf && (
          <Descriptions.Item label={t('tickets.fields.followUpOfId')}>
            <Link to={`/tickets/${ticket.followUpOf.id}`} data-testid="ticket-follow-up-of">
              {ticket.followUpOf.name}
            </Link>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('tickets.fields.channel')}>{t(`tickets.channel.${ticket.channel}`)}</Descriptions.Item>
        {ticket.category && <Descriptions.Item label={t('tickets.fields.category')}>{ticket.category}</Descriptions.Item>}
        <Descriptions.Item label={t('tickets.fields.createdAt')}>{formatDateTime(ticket.createdAt, i18n.language)}</Descriptions.Item>
        {ticket.tags.length > 0 && (
          <Descriptions.Item label={t('tickets.fields.tags')}>
            {ticket.tags.map((tag) => (
              <Tag key={tag}>{tag}</Tag>
            ))}
          </Descriptions.Item>
        )}
      </Descriptions>
      <CustomFieldFacts def={ticketObject} record={ticket as unknown as CrmRecord} column={1} />
    </Card>
  );
}

/** The customer at a glance: who wrote, their other tickets and their deals (by contact, else company). */
export function CustomerPanel({ ticket }: { ticket: Ticket }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const by = ticket.contactId ? { contactId: { eq: ticket.contactId } } : ticket.companyId ? { companyId: { eq: ticket.companyId } } : null;
  const others = useQuery({
    queryKey: ticketKeys.related({ by, not: ticket.id }),
    queryFn: async () => (await ticketsApi.listBy(by ?? {}, 11)).data.filter((x) => x.id !== ticket.id),
    enabled: !!by,
  });
  const deals = useQuery({
    queryKey: ['deals', 'for-ticket', by],
    queryFn: async () => (await api<ListResponse<DealRow>>('/deals', { query: { filter: JSON.stringify(by), limit: 10, sort: '-createdAt' } })).data,
    enabled: !!by,
    retry: false,
  });
  return (
    <Card size="small" title={t('tickets.panel.customer')} data-testid="ticket-customer">
      {!by ? (
        <Typography.Text type="secondary">{t('tickets.panel.noCustomer')}</Typography.Text>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <div>
            {ticket.contact && (
              <Typography.Title level={5} style={{ margin: 0 }}>
                <Link to={`/contacts/${ticket.contact.id}`}>{ticket.contact.name}</Link>
              </Typography.Title>
            )}
            {ticket.company && <Link to={`/companies/${ticket.company.id}`}>{ticket.company.name}</Link>}
            {ticket.requesterEmail && <div>{ticket.requesterEmail}</div>}
          </div>
          <Typography.Text strong>{t('tickets.panel.otherTickets')}</Typography.Text>
          <List
            size="small"
            loading={others.isPending}
            dataSource={others.data ?? []}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tickets.panel.noOtherTickets')} /> }}
            data-testid="ticket-customer-tickets"
            renderItem={(x) => (
              <List.Item>
                <Space direction="vertical" size={0}>
                  <Link to={`/tickets/${x.id}`}>
                    {x.number} {x.subject}
                  </Link>
                  <Space size={4}>
                    <Tag color={STATUS_COLOR[x.status]}>{t(`tickets.status.${x.status}`)}</Tag>
                    <Typography.Text type="secondary">{formatDate(x.createdAt, lang)}</Typography.Text>
                  </Space>
                </Space>
              </List.Item>
            )}
          />
          {!deals.isError && (
            <>
              <Typography.Text strong>{t('tickets.panel.deals')}</Typography.Text>
              <List
                size="small"
                loading={deals.isPending}
                dataSource={deals.data ?? []}
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tickets.panel.noDeals')} /> }}
                data-testid="ticket-customer-deals"
                renderItem={(d) => (
                  <List.Item extra={formatMoney(d.amount, d.currency, lang)}>
                    <Space size={4}>
                      <Link to={`/deals/${d.id}`}>{d.name}</Link>
                      <Tag color={DEAL_COLOR[d.status]}>{t(`tickets.dealStatus.${d.status}`)}</Tag>
                    </Space>
                  </List.Item>
                )}
              />
            </>
          )}
        </Space>
      )}
    </Card>
  );
}
