import { useQuery } from '@tanstack/react-query';
import { Button, Empty, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '#shared/auth/session';
import { can } from '#shared/auth/permissions';
import { formatDate, formatMoney } from '#shared/format/format';
import '../messages';
import { dealKeys, dealsApi, nameOf } from '../deals-api';
import { usePipelines } from '../use-pipelines';

const STATUS_COLOR = { open: 'blue', won: 'green', lost: 'red' } as const;

/** A company's or contact's deals (open first), for the customer 360 page, with a shortcut to add one. */
export function RelatedDeals({ field, id }: { field: 'companyId' | 'contactId'; id: string }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const pipelines = usePipelines();
  const deals = useQuery({
    queryKey: dealKeys.related(field, id),
    queryFn: () => dealsApi.list({ filter: JSON.stringify({ [field]: { eq: id } }), sort: 'status,-createdAt', limit: 50 }),
  });
  const stageName = (stageId: string) => nameOf(pipelines.data?.flatMap((p) => p.stages).find((s) => s.id === stageId)?.name, i18n.language);
  return (
    <div data-testid="related-deals">
      <List
        loading={deals.isPending}
        dataSource={deals.data?.data ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('deals.related.none')} /> }}
        renderItem={(d) => (
          <List.Item extra={<strong>{formatMoney(d.amount, d.currency, i18n.language)}</strong>}>
            <List.Item.Meta
              title={
                <Space wrap>
                  <Link to={`/deals/${d.id}`}>{d.name}</Link>
                  <Tag color={STATUS_COLOR[d.status]}>{stageName(d.stageId)}</Tag>
                  {d.isOverdue && <Tag color="red">{t('deals.overdue')}</Tag>}
                </Space>
              }
              description={
                <Typography.Text type="secondary">
                  {formatDate(d.expectedCloseDate, i18n.language)} · {d.owner?.name}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
      {can(me, 'deal', 'create') && (
        <Button type="dashed" block onClick={() => navigate(`/deals/new?${field}=${id}`)}>
          {t('deals.related.add')}
        </Button>
      )}
    </div>
  );
}
