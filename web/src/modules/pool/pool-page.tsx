import './messages';
import { SettingOutlined } from '@ant-design/icons';
import { Button, Empty, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '#shared/auth/session';
import { scopeOf } from '#shared/auth/permissions';
import { PageSpinner } from '#shared/ui/page-spinner';
import { ExpiringList } from './expiring-list';
import { LockedList } from './locked-list';
import { usePools } from './pool-api';
import { PoolCustomers } from './pool-customers';
import { usePoolObjects } from './pool-objects';
import { limitLines, ruleSummary } from './pool-rules';
import styles from './pool.module.css';

/** 公海: pick a pool, see its customers (contacts masked), claim or assign; the rep's "about to be recycled" list; managers' locked list. */
export function PoolPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const { data: pools, isPending } = usePools();
  const poolId = params.get('pool') ?? pools?.[0]?.id;
  const tab = params.get('tab') ?? 'customers';
  const pool = pools?.find((p) => p.id === poolId);
  const objects = usePoolObjects();
  // Managers over the owners (and admins) of a pooled object lock and unlock; the same guard as the API's.
  const manages = objects.options.some((o) => ['team', 'all'].includes(scopeOf(me, o.value, 'update')));
  // Say what each pool holds once there are pools of more than one object.
  const mixed = new Set(pools?.map((p) => p.object)).size > 1;
  const set = (key: string, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set(key, value);
        return next;
      },
      { replace: true },
    );
  useEffect(() => {
    if (pools?.length && poolId && !pool) set('pool', pools[0]?.id ?? '');
  });
  if (isPending) return <PageSpinner />;
  return (
    <div className={styles.page}>
      <div className={styles.header}>
        <Typography.Title level={3} className={styles.title} style={{ margin: 0 }}>
          {t('pool.title')}
        </Typography.Title>
        {pools && pools.length > 0 && (
          <Select
            aria-label={t('pool.pick')}
            data-testid="pool-switcher"
            className={styles.switcher}
            value={pool?.id}
            onChange={(v) => set('pool', v)}
            options={pools.map((p) => ({ value: p.id, label: `${p.name}${mixed ? ` · ${objects.labelOf(p.object)}` : ''} (${p.customerCount})` }))}
          />
        )}
        {me.user.isAdmin && (
          <Link to="/pool/settings">
            <Button icon={<SettingOutlined />}>{t('pool.settings')}</Button>
          </Link>
        )}
      </div>
      {pool && (
        <Space wrap size={[4, 4]} className={styles.limits} data-testid="pool-limits">
          <Tag color="blue">{ruleSummary(pool, t)}</Tag>
          {limitLines(pool, t).map((line) => (
            <Tag key={line}>{line}</Tag>
          ))}
        </Space>
      )}
      <Tabs
        activeKey={tab}
        onChange={(key) => set('tab', key)}
        items={[
          {
            key: 'customers',
            label: t('pool.tabs.customers'),
            children: pool ? <PoolCustomers pool={pool} /> : <Empty description={me.user.isAdmin ? t('pool.noPoolsAdmin') : t('pool.noPools')} />,
          },
          { key: 'expiring', label: t('pool.tabs.expiring'), children: <ExpiringList pools={pools ?? []} /> },
          ...(manages ? [{ key: 'locked', label: <span data-testid="pool-locked-tab">{t('pool.tabs.locked')}</span>, children: <LockedList /> }] : []),
        ]}
      />
    </div>
  );
}
