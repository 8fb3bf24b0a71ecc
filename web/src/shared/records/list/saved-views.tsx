import { CheckOutlined, DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { scopeOf } from '#shared/auth/permissions';
import { useMe } from '#shared/auth/session';
import { filterToGroup, groupToFilter } from '#shared/filter/filter-model';
import type { ListView } from './list-state';
import { type SavedView, savedViewsApi } from './saved-views-api';

type Props = { entity: string; view: ListView; activeId: string | null; onPick: (id: string | null, view: ListView | null) => void };

export function viewFromSaved(s: SavedView, fallbackColumns: string[]): ListView {
  return {
    group: filterToGroup(s.filter),
    sort: s.sort || '-createdAt',
    columns: s.columns?.length ? s.columns : fallbackColumns,
  };
}

/** Personal and shared views of a list: pick one, save the current filter/sort/columns as one. */
export function SavedViews({ entity, view, activeId, onPick }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const qc = useQueryClient();
  const key = ['saved-views', entity];
  const { data = [] } = useQuery({ queryKey: key, queryFn: () => savedViewsApi.list(entity) });
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ name: string; shared: boolean }>();
  const create = useMutation({
    mutationFn: (v: { name: string; shared: boolean }) =>
      savedViewsApi.create({ object: entity, name: v.name, shared: v.shared, filter: groupToFilter(view.group), sort: view.sort, columns: view.columns }),
    onSuccess: async (created) => {
      await qc.invalidateQueries({ queryKey: key });
      setSaving(false);
      form.resetFields();
      message.success(t('views.saved'));
      onPick(created.id, null);
    },
    onError: (e) => message.error(e.message),
  });
  const remove = useMutation({
    mutationFn: (id: string) => savedViewsApi.remove(id),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: key });
      onPick(null, null);
    },
    onError: (e) => message.error(e.message),
  });
  // Overwrites the active view with what the list shows now (filter, sort, columns).
  const update = useMutation({
    mutationFn: (v: SavedView) => savedViewsApi.update(v.id, { filter: groupToFilter(view.group), sort: view.sort, columns: view.columns }, v.version),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: key });
      message.success(t('views.saved'));
    },
    onError: (e) => message.error(e.message),
  });
  const active = data.find((v) => v.id === activeId);
  const isMine = (v: SavedView) => v.mine ?? v.userId === me.user.id;
  const mine = data.filter(isMine);
  const shared = data.filter((v) => !isMine(v));
  // The unfiltered list shows what the read scope lets the user see: a rep's is their own records, not all of them.
  const scope = scopeOf(me, entity, 'read');
  const allLabel = scope === 'own' ? t('views.ownScope') : scope === 'team' ? t('views.teamScope') : t('views.all');

  return (
    <Space wrap>
      <Select
        style={{ minWidth: 180 }}
        value={activeId ?? ''}
        onChange={(id: string) => {
          const s = data.find((v) => v.id === id);
          onPick(s ? s.id : null, s ? viewFromSaved(s, view.columns) : null);
        }}
        options={[
          { value: '', label: allLabel },
          ...(mine.length ? [{ label: t('views.mine'), options: mine.map((v) => ({ value: v.id, label: v.name })) }] : []),
          ...(shared.length ? [{ label: t('views.shared'), options: shared.map((v) => ({ value: v.id, label: v.name })) }] : []),
        ]}
        data-testid="saved-views-select"
      />
      <Button icon={<SaveOutlined />} onClick={() => setSaving(true)} data-testid="save-view">
        {t('views.save')}
      </Button>
      {active && (isMine(active) || me.user.isAdmin) && (
        <>
          <Button icon={<CheckOutlined />} loading={update.isPending} onClick={() => update.mutate(active)} data-testid="update-view">
            {t('views.update')}
          </Button>
          <Button icon={<DeleteOutlined />} aria-label={t('views.delete')} onClick={() => remove.mutate(active.id)} />
        </>
      )}
      <Modal
        open={saving}
        title={t('views.save')}
        onCancel={() => setSaving(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate({ name: v.name, shared: !!v.shared })} initialValues={{ shared: false }}>
          <Form.Item name="name" label={t('views.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 100 }]}>
            <Input autoFocus data-testid="view-name" />
          </Form.Item>
          <Form.Item name="shared" valuePropName="checked">
            <Checkbox>{t('views.shareWithTeam')}</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
