import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Input, List, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '#shared/auth/session';
import { scopeOf } from '#shared/auth/permissions';
import { formatDate, formatRelative } from '#shared/format/format';
import { useDebounced } from '#shared/ui/use-debounced';
import { AssignDialog } from './assign-dialog';
import { type Pool, type PoolCustomer, poolApi, usePoolCustomers } from './pool-api';
import styles from './pool.module.css';

/**
 * The customers of one pool, newest arrivals first, 50 at a time: companies with their contacts,
 * or (a contact pool) individual customers; phones and e-mails masked until claimed.
 */
export function PoolCustomers({ pool }: { pool: Pool }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const qc = useQueryClient();
  const [q, setQ] = useState('');
  const search = useDebounced(q, 300);
  const { data, isFetching, hasNextPage, fetchNextPage, isFetchingNextPage } = usePoolCustomers(pool.id, search);
  const customers = data?.pages.flatMap((p) => p.data) ?? [];
  const [assigning, setAssigning] = useState<PoolCustomer | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  // Managers of the pool's object (update over their team or all) assign; the API checks the same.
  const manages = ['team', 'all'].includes(scopeOf(me, pool.object, 'update'));
  const isContact = pool.object === 'contact';
  const refresh = () => qc.invalidateQueries({ queryKey: ['pools'] });
  const claim = async (c: PoolCustomer) => {
    setBusy(c.id);
    try {
      await poolApi.claim(pool.id, c.id);
      message.success(t('pool.claimed', { name: c.name }));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
      await refresh();
    }
  };
  const when = (iso: string | null) => (iso ? formatRelative(iso, i18n.language) : t('pool.never'));
  return (
    <div>
      <div className={styles.toolbar}>
        <Input.Search
          className={styles.grow}
          allowClear
          placeholder={t('pool.search', { context: pool.object })}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <Typography.Text type="secondary">{t('pool.masked')}</Typography.Text>
      </div>
      <List
        loading={isFetching && !data}
        dataSource={customers}
        locale={{ emptyText: <Empty /> }}
        grid={{ gutter: 12, xs: 1, sm: 1, md: 2, lg: 2, xl: 3 }}
        renderItem={(c) => (
          <List.Item>
            <Card
              size="small"
              className={styles.card}
              data-testid="pool-customer"
              title={c.name}
              extra={c.pooledReason && <Tag>{t(`pool.reason.${c.pooledReason}`)}</Tag>}
            >
              <div className={styles.meta}>
                {[isContact ? c.title : c.industry, c.city].filter(Boolean).join(' · ')}
                {isContact && <div>{t('pool.b2c')}</div>}
                {c.phones.length + c.emails.length > 0 && <div className={styles.masked}>{[...c.phones, ...c.emails].join(', ')}</div>}
                {c.source && <div>{t('pool.source', { source: c.source })}</div>}
                {c.pooledAt && <div>{t('pool.pooledAt', { when: formatRelative(c.pooledAt, i18n.language) })}</div>}
                {c.previousOwner && <div>{t('pool.previousOwner', { name: c.previousOwner.name })}</div>}
                {c.returnReason && <div>{t('pool.returnReason', { reason: c.returnReason })}</div>}
                <div>{t('pool.lastActivity', { when: when(c.lastActivityAt) })}</div>
              </div>
              {!isContact && (
                <>
                  <Typography.Text strong>{t('pool.contacts', { count: c.contactCount })}</Typography.Text>
                  <ul className={styles.contacts}>
                    {c.contacts.length === 0 && <li className={styles.meta}>{t('pool.noContacts')}</li>}
                    {c.contacts.map((p) => (
                      <li key={p.id} data-testid="pool-contact">
                        {p.name}
                        {p.title ? ` · ${p.title}` : ''} <span className={styles.masked}>{[...p.phones, ...p.emails].join(' ')}</span>
                      </li>
                    ))}
                  </ul>
                </>
              )}
              <div className={styles.actions} style={{ marginTop: 8 }}>
                <Tooltip title={c.cooldownUntil ? t('pool.cooldownUntil', { date: formatDate(c.cooldownUntil, i18n.language) }) : undefined}>
                  <Button type="primary" data-testid="pool-claim" loading={busy === c.id} disabled={!!c.cooldownUntil} onClick={() => void claim(c)}>
                    {t('pool.claim')}
                  </Button>
                </Tooltip>
                {manages && <Button onClick={() => setAssigning(c)}>{t('pool.assign')}</Button>}
              </div>
            </Card>
          </List.Item>
        )}
      />
      <div className={styles.more}>
        {!search && customers.length > 0 && (
          <Typography.Text type="secondary" data-testid="pool-shown">
            {t('pool.shown', { shown: customers.length, count: Math.max(pool.customerCount, customers.length) })}
          </Typography.Text>
        )}
        {hasNextPage && (
          <Button block onClick={() => void fetchNextPage()} loading={isFetchingNextPage} data-testid="pool-load-more">
            {t('pool.loadMore')}
          </Button>
        )}
      </div>
      {assigning && (
        <AssignDialog
          pool={pool}
          customer={assigning}
          onClose={async (done) => {
            setAssigning(null);
            if (done) await refresh();
          }}
        />
      )}
    </div>
  );
}
