import { ContactsOutlined, ShopOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, List, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '#app/auth/auth-context';
import { can } from '#app/auth/permissions';
import { activitiesApi } from '#modules/activities/activities-api';
import type { CrmRecord } from '#shared/api/types';
import { formatDateTime } from '#shared/format/format';
import { recordsApi } from '#shared/records/records-api';

/** A starting page: recent records and the user's open tasks. Reports come with the analytics module. */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const recentCompanies = useQuery({
    queryKey: ['companies', 'recent'],
    queryFn: () => recordsApi.list('companies', { limit: 5, sort: '-createdAt' }),
    enabled: can(me, 'company', 'read'),
  });
  const recentContacts = useQuery({
    queryKey: ['contacts', 'recent'],
    queryFn: () => recordsApi.list('contacts', { limit: 5, sort: '-createdAt' }),
    enabled: can(me, 'contact', 'read'),
  });
  const tasks = useQuery({ queryKey: ['activities', 'my-tasks', me.user.id], queryFn: () => activitiesApi.myOpenTasks(me.user.id) });
  return (
    <div>
      <Typography.Title level={3}>{t('dashboard.greeting', { name: me.user.name })}</Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('dashboard.myTasks')} data-testid="my-tasks">
            <List
              loading={tasks.isPending}
              dataSource={tasks.data ?? []}
              locale={{ emptyText: t('dashboard.noTasks') }}
              renderItem={(a) => (
                <List.Item>
                  <List.Item.Meta title={a.subject} description={a.dueAt ? t('activities.due', { when: formatDateTime(a.dueAt, i18n.language) }) : null} />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Row gutter={[16, 16]}>
            {[
              { key: 'companies', icon: <ShopOutlined />, q: recentCompanies, name: (r: CrmRecord) => String(r.name ?? '') },
              { key: 'contacts', icon: <ContactsOutlined />, q: recentContacts, name: (r: CrmRecord) => String(r.name ?? '') },
            ].map((b) => (
              <Col xs={24} key={b.key}>
                <Card
                  title={
                    <span>
                      {b.icon} {t('dashboard.recent', { what: t(`nav.${b.key}`) })}
                    </span>
                  }
                  extra={<Link to={`/${b.key}`}>{t('dashboard.viewAll')}</Link>}
                >
                  {b.q.data?.data.length === 0 && <Statistic value={0} />}
                  <List
                    size="small"
                    loading={b.q.isPending && b.q.fetchStatus !== 'idle'}
                    dataSource={b.q.data?.data ?? []}
                    renderItem={(r) => (
                      <List.Item>
                        <Link to={`/${b.key}/${r.id}`}>{b.name(r)}</Link>
                      </List.Item>
                    )}
                  />
                </Card>
              </Col>
            ))}
          </Row>
        </Col>
      </Row>
    </div>
  );
}
