import { useQuery } from '@tanstack/react-query';
import { Button, Empty, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '#shared/auth/session';
import { can } from '#shared/auth/permissions';
import { formatDateTime } from '#shared/format/format';
import './messages';
import { PRIORITY_COLOR, STATUS_COLOR, ticketKeys, ticketsApi } from './tickets-api';

type Props = { field: 'companyId' | 'contactId'; id: string };

/** A customer's tickets, newest first (the customer 360 page's tab), with a shortcut to log a new one. */
export function RelatedTickets({ field, id }: Props) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const filter = { [field]: { eq: id } };
  const tickets = useQuery({
    queryKey: ticketKeys.related(filter),
    queryFn: async () => (await ticketsApi.listBy(filter, 50)).data,
    enabled: can(me, 'ticket', 'read'),
  });
  if (!can(me, 'ticket', 'read')) return null;
  return (
    <div data-testid="related-tickets">
      <List
        loading={tickets.isPending}
        dataSource={tickets.data ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tickets.panel.noOtherTickets')} /> }}
        renderItem={(x) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Space wrap>
                  <Link to={`/tickets/${x.id}`}>
                    {x.number} {x.subject}
                  </Link>
                  <Tag color={STATUS_COLOR[x.status]}>{t(`tickets.status.${x.status}`)}</Tag>
                  <Tag color={PRIORITY_COLOR[x.priority]}>{t(`tickets.priority.${x.priority}`)}</Tag>
                </Space>
              }
              description={
                <Typography.Text type="secondary">
                  {t(`tickets.channel.${x.channel}`)} · {formatDateTime(x.createdAt, i18n.language)}
                  {x.assignee ? ` · ${x.assignee.name}` : ''}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
      {can(me, 'ticket', 'create') && (
        <Button onClick={() => navigate(`/tickets/new?${field}=${id}`)} data-testid="new-ticket">
          {t('tickets.new')}
        </Button>
      )}
    </div>
  );
}
