import { CheckSquareOutlined, ContactsOutlined, ShopOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, List, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '#shared/auth/session';
import { can } from '#shared/auth/permissions';
import { type Activity, activitiesApi } from '#modules/activities';
import { SalesWidgets } from '#modules/reports';
import { api } from '#shared/api/client';
import type { CrmRecord } from '#shared/api/types';
import { formatDateTime } from '#shared/format/format';
import type { ObjectName } from '#shared/records/object-def';
import { recordsApi } from '#shared/records/records-api';

const count = (object: ObjectName) => api<{ count: number }>(`/${object}/count`).then((r) => r.count);
const taskLink = (a: Activity) => (a.contactId ? `/contacts/${a.contactId}` : a.companyId ? `/companies/${a.companyId}` : null);

/** A starting page: totals, the user's open tasks and recent records. Reports come with the analytics module. */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const readCompanies = can(me, 'company', 'read');
  const readContacts = can(me, 'contact', 'read');
  const companies = useQuery({ queryKey: ['companies', 'count', 'all'], queryFn: () => count('companies'), enabled: readCompanies });
  const contacts = useQuery({ queryKey: ['contacts', 'count', 'all'], queryFn: () => count('contacts'), enabled: readContacts });
  const tasks = useQuery({ queryKey: ['activities', 'my-tasks', me.user.id], queryFn: () => activitiesApi.myOpenTasks(me.user.id) });
  const recent = useQuery({
    queryKey: ['contacts', 'recent'],
    queryFn: () => recordsApi.list('contacts', { limit: 8, sort: '-createdAt' }),
    enabled: readContacts,
  });
  const now = Date.now();
  return (
    <div>
      <Typography.Title level={3}>{t('dashboard.greeting', { name: me.user.name })}</Typography.Title>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {readCompanies && (
          <Col xs={12} md={8}>
            <Card>
              <Statistic title={<Link to="/companies">{t('nav.companies')}</Link>} value={companies.data ?? '—'} prefix={<ShopOutlined />} />
            </Card>
          </Col>
        )}
        {readContacts && (
          <Col xs={12} md={8}>
            <Card>
              <Statistic title={<Link to="/contacts">{t('nav.contacts')}</Link>} value={contacts.data ?? '—'} prefix={<ContactsOutlined />} />
            </Card>
          </Col>
        )}
        <Col xs={24} md={8}>
          <Card>
            <Statistic title={t('dashboard.myTasks')} value={tasks.data?.length ?? '—'} prefix={<CheckSquareOutlined />} />
          </Card>
        </Col>
      </Row>
      {can(me, 'deal', 'read') && <SalesWidgets />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('dashboard.myTasks')} data-testid="my-tasks">
            <List
              loading={tasks.isPending}
              dataSource={tasks.data ?? []}
              locale={{ emptyText: t('dashboard.noTasks') }}
              renderItem={(a) => {
                const link = taskLink(a);
                const overdue = !!a.dueAt && new Date(a.dueAt).getTime() < now;
                return (
                  <List.Item>
                    <List.Item.Meta
                      title={link ? <Link to={link}>{a.subject}</Link> : a.subject}
                      description={
                        a.dueAt && (
                          <Typography.Text type={overdue ? 'danger' : 'secondary'}>
                            {t('activities.due', { when: formatDateTime(a.dueAt, i18n.language) })}
                          </Typography.Text>
                        )
                      }
                    />
                  </List.Item>
                );
              }}
            />
          </Card>
        </Col>
        {readContacts && (
          <Col xs={24} lg={12}>
            <Card title={t('dashboard.recent', { what: t('nav.contacts') })} extra={<Link to="/contacts">{t('dashboard.viewAll')}</Link>}>
              <List
                size="small"
                loading={recent.isPending}
                dataSource={recent.data?.data ?? []}
                locale={{ emptyText: t('contacts.emptyTitle') }}
                renderItem={(r: CrmRecord) => (
                  <List.Item extra={<Typography.Text type="secondary">{(r.company as { name?: string } | null)?.name}</Typography.Text>}>
                    <Link to={`/contacts/${r.id}`}>{String(r.name ?? '')}</Link>
                  </List.Item>
                )}
              />
            </Card>
          </Col>
        )}
      </Row>
    </div>
  );
}
