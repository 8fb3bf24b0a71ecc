import { UnlockOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Empty, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatRelative } from '#shared/format/format';
import { type LockedCustomer, poolApi, useLockedCustomers } from './pool-api';
import { usePoolObjects } from './pool-objects';
import styles from './pool.module.css';

/** 已锁定: the customers a manager locked against recycling, each with Unlock. */
export function LockedList() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { data = [], isPending, isError, error } = useLockedCustomers(true);
  const [busy, setBusy] = useState<string | null>(null);
  const objects = usePoolObjects();
  const unlock = async (c: LockedCustomer) => {
    setBusy(c.id);
    try {
      await poolApi.lock(objects.pathOf(c.object), c.id, false);
      message.success(t('pool.unlocked', { name: c.name }));
      await qc.invalidateQueries({ queryKey: ['pools'] });
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };
  if (isError) return <Alert type="error" showIcon message={error.message} />;
  return (
    <div>
      <Typography.Paragraph type="secondary">{t('pool.lockedList.help')}</Typography.Paragraph>
      <List
        loading={isPending}
        dataSource={data}
        locale={{ emptyText: <Empty description={t('pool.lockedList.empty')} /> }}
        renderItem={(c) => (
          <List.Item
            data-testid="locked-customer"
            actions={[
              <Button key="unlock" size="small" icon={<UnlockOutlined />} loading={busy === c.id} onClick={() => void unlock(c)} data-testid="pool-unlock">
                {t('pool.unlock')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={
                <>
                  <Link to={objects.urlOf(c.object, c.id) ?? '#'}>{c.name}</Link>
                  {c.object !== 'company' && <Tag style={{ marginInlineStart: 8 }}>{objects.labelOf(c.object)}</Tag>}
                </>
              }
              description={
                <span className={styles.meta}>
                  {c.owner ? t('pool.lockedList.owner', { name: c.owner.name }) : t('pool.lockedList.noOwner')} ·{' '}
                  {t('pool.lastActivity', { when: c.lastActivityAt ? formatRelative(c.lastActivityAt, i18n.language) : t('pool.never') })}
                </span>
              }
            />
          </List.Item>
        )}
      />
    </div>
  );
}
