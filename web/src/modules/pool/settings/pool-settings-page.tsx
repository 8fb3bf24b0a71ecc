import '../messages';
import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Form, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '#shared/auth/session';
import { NotFound } from '#app/not-found';
import { isApiError } from '#shared/api/problem';
import { POOLS_KEY, type Pool, poolApi, usePools } from '../pool-api';
import { usePoolObjects } from '../pool-objects';
import { limitLines, ruleSummary } from '../pool-rules';
import styles from '../pool.module.css';
import { EMPTY_POOL, PoolForm, type PoolFormValues } from './pool-form';

type Editing = { pool: Pool | null } | null;

const toInput = (p: Pool): PoolFormValues => ({
  object: p.object,
  name: p.name,
  description: p.description,
  position: p.position,
  teamIds: p.teamIds,
  recycleEnabled: p.recycleEnabled,
  followupDays: p.followupDays,
  dealDays: p.dealDays,
  remindDays: p.remindDays,
  maxHeld: p.maxHeld,
  maxClaimsPerDay: p.maxClaimsPerDay,
  reclaimCooldownDays: p.reclaimCooldownDays,
});

/** 公海设置: the pools, who sees them, their recycling rules and claim limits (administrators). */
export function PoolSettingsPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const me = useMe();
  const qc = useQueryClient();
  const { data = [], isPending } = usePools();
  const [editing, setEditing] = useState<Editing>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<PoolFormValues>();
  const objects = usePoolObjects();
  if (!me.user.isAdmin) return <NotFound />;
  const done = () => qc.invalidateQueries({ queryKey: POOLS_KEY });
  const fail = (e: unknown) => message.error(e instanceof Error ? e.message : String(e));
  const save = async () => {
    const values = await form.validateFields();
    const body: PoolFormValues = {
      ...values,
      description: values.description?.trim() || null,
      teamIds: values.teamIds ?? [],
      followupDays: values.followupDays ?? null,
      dealDays: values.dealDays ?? null,
      remindDays: values.remindDays ?? null,
      maxHeld: values.maxHeld ?? null,
      maxClaimsPerDay: values.maxClaimsPerDay ?? null,
      reclaimCooldownDays: values.reclaimCooldownDays ?? 0,
      position: values.position ?? 0,
    };
    setSaving(true);
    try {
      const { object, ...changes } = body;
      if (editing?.pool) await poolApi.update(editing.pool.id, changes, editing.pool.version);
      else await poolApi.create({ ...changes, object: object ?? 'company' });
      message.success(t('pool.form.saved'));
      setEditing(null);
      await done();
    } catch (e) {
      if (isApiError(e) && e.fieldErrors.length) form.setFields(e.fieldErrors.map((f) => ({ name: f.field as keyof PoolFormValues, errors: [f.message] })));
      else fail(e);
    } finally {
      setSaving(false);
    }
  };
  const remove = (p: Pool) =>
    modal.confirm({
      title: t('pool.form.deleteConfirm', { name: p.name }),
      okButtonProps: { danger: true },
      onOk: () => poolApi.remove(p.id).then(done, fail),
    });
  return (
    <div className={styles.page}>
      <div className={styles.header}>
        <Link to="/pool">
          <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('pool.title')} />
        </Link>
        <Typography.Title level={3} className={styles.title} style={{ margin: 0 }}>
          {t('pool.settings')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ pool: null })} data-testid="pool-create">
          {t('pool.form.create')}
        </Button>
      </div>
      <List
        loading={isPending}
        dataSource={data}
        locale={{ emptyText: <Empty /> }}
        renderItem={(p) => (
          <List.Item>
            <Card
              size="small"
              className={styles.card}
              title={p.name}
              data-testid="pool-settings-item"
              extra={
                <Space>
                  <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('pool.form.edit')} onClick={() => setEditing({ pool: p })} />
                  <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(p)} />
                </Space>
              }
            >
              {p.description && <Typography.Paragraph type="secondary">{p.description}</Typography.Paragraph>}
              <Space wrap size={[4, 4]}>
                <Tag color="purple" data-testid="pool-object-tag">
                  {t('pool.holds', { object: objects.labelOf(p.object) })}
                </Tag>
                <Tag color="blue">{ruleSummary(p, t)}</Tag>
                {limitLines(p, t)
                  .slice(2)
                  .map((line) => (
                    <Tag key={line}>{line}</Tag>
                  ))}
                {p.maxHeld !== null && <Tag>{`${t('pool.form.maxHeld')}: ${p.maxHeld}`}</Tag>}
                {p.maxClaimsPerDay !== null && <Tag>{`${t('pool.form.maxClaimsPerDay')}: ${p.maxClaimsPerDay}`}</Tag>}
              </Space>
              <div className={styles.meta} style={{ marginTop: 6 }}>
                {t('pool.form.teams')}: {p.teams.length ? p.teams.map((team) => team.name).join('、') : t('pool.form.everyone')} ·{' '}
                {t('pool.count', { count: p.customerCount, context: p.object })}
              </div>
            </Card>
          </List.Item>
        )}
      />
      {editing && (
        <Modal
          open
          title={editing.pool ? t('pool.form.edit') : t('pool.form.create')}
          onCancel={() => setEditing(null)}
          onOk={() => void save()}
          okButtonProps={{ loading: saving }}
          destroyOnHidden
          width={640}
        >
          <PoolForm form={form} initial={editing.pool ? toInput(editing.pool) : EMPTY_POOL} creating={!editing.pool} />
        </Modal>
      )}
    </div>
  );
}
