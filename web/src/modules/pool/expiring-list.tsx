import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '#shared/auth/session';
import { scopeOf } from '#shared/auth/permissions';
import { formatDate, formatRelative } from '#shared/format/format';
import { UserSelect } from '#shared/users/user-select';
import { type ExpiringCustomer, type Pool, poolApi, useExpiring } from './pool-api';
import { usePoolObjects } from './pool-objects';
import styles from './pool.module.css';
import { ReturnDialog } from './return-dialog';

const WINDOWS = [3, 7, 14, 30];

/** 即将收回: the rep's customers (companies and individual contacts) the pool rules take back soon, soonest first, with why and when. */
export function ExpiringList({ pools }: { pools: Pool[] }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const qc = useQueryClient();
  const objects = usePoolObjects();
  const managesObject = (object: string) => ['team', 'all'].includes(scopeOf(me, object, 'update'));
  const manages = objects.options.some((o) => managesObject(o.value));
  const mixed = new Set(pools.map((p) => p.object)).size > 1;
  const [days, setDays] = useState(14);
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const { data = [], isPending } = useExpiring(days, ownerId ?? undefined);
  const [returning, setReturning] = useState<ExpiringCustomer | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: ['pools'] });
  const lock = async (c: ExpiringCustomer) => {
    try {
      await poolApi.lock(objects.pathOf(c.object), c.id, true);
      message.success(t('pool.locked'));
      await refresh();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div>
      <div className={styles.toolbar}>
        <Space wrap>
          <Typography.Text>{t('pool.expiring.window')}</Typography.Text>
          <Select
            value={days}
            onChange={setDays}
            options={WINDOWS.map((d) => ({ value: d, label: t('pool.expiring.days', { count: d }) }))}
            style={{ width: 120 }}
          />
          {manages && (
            <>
              <Typography.Text>{t('pool.expiring.owner')}</Typography.Text>
              <div style={{ width: 180 }}>
                <UserSelect value={ownerId} onChange={setOwnerId} placeholder={t('pool.expiring.me')} />
              </div>
            </>
          )}
        </Space>
      </div>
      <List
        loading={isPending}
        dataSource={data}
        locale={{ emptyText: <Empty description={t('pool.expiring.empty')} /> }}
        renderItem={(c) => (
          <List.Item>
            <Card size="small" className={styles.card} data-testid="expiring-customer">
              <div className={styles.actions} style={{ justifyContent: 'space-between', alignItems: 'flex-start' }}>
                <div>
                  <Link to={objects.urlOf(c.object, c.id) ?? '#'}>
                    <Typography.Text strong>{c.name}</Typography.Text>
                  </Link>{' '}
                  {mixed && <Tag data-testid="expiring-object">{objects.labelOf(c.object)}</Tag>}
                  <Tag color={c.daysLeft <= 0 ? 'red' : c.daysLeft <= 3 ? 'orange' : 'gold'}>
                    {c.daysLeft <= 0 ? t('pool.expiring.overdue') : t('pool.expiring.daysLeft', { count: c.daysLeft })}
                  </Tag>
                  <div className={styles.meta}>
                    {t(`pool.reason.${c.reason}`)} · {t('pool.expiring.due', { when: formatDate(c.dueAt, i18n.language) })} ·{' '}
                    {t('pool.expiring.pool', { name: c.poolName })}
                  </div>
                  <div className={styles.meta}>
                    {t('pool.lastActivity', { when: c.lastActivityAt ? formatRelative(c.lastActivityAt, i18n.language) : t('pool.never') })}
                    {c.lastWonAt && ` · ${t('pool.expiring.wonAt', { when: formatDate(c.lastWonAt, i18n.language) })}`}
                    {c.owner && ownerId && ` · ${c.owner.name}`}
                  </div>
                </div>
                <div className={styles.actions}>
                  <Link to={objects.urlOf(c.object, c.id) ?? '#'}>
                    <Button type="primary" size="small">
                      {t('pool.expiring.followUp')}
                    </Button>
                  </Link>
                  {managesObject(c.object) && (
                    <Button size="small" onClick={() => void lock(c)}>
                      {t('pool.lock')}
                    </Button>
                  )}
                  <Button size="small" danger onClick={() => setReturning(c)} data-testid="expiring-return">
                    {t('pool.return')}
                  </Button>
                </div>
              </div>
            </Card>
          </List.Item>
        )}
      />
      {returning && (
        <ReturnDialog
          customer={returning}
          pools={pools}
          onClose={async (done) => {
            setReturning(null);
            if (done) await refresh();
          }}
        />
      )}
    </div>
  );
}
