import { ArrowDownOutlined, ArrowUpOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CUSTOM_FIELDS_KEY, type CustomFieldDef, customFieldsApi } from '#shared/fields/custom-fields-api';
import { pickLabel } from '#shared/format/localized';
import { hasCapability, objectByName, objectLabel, useObjects } from '#shared/objects/use-objects';
import styles from '../settings.module.css';
import { CustomFieldModal } from './custom-field-modal';

const DEFAULT_OBJECT = 'contact';

export function CustomFieldsPage() {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const { objects: registry, loading } = useObjects();
  const objects = registry.filter((o) => hasCapability(o, 'customFields'));
  // ?object=<name> preselects an object (links from the objects page); an unknown one falls back.
  const wanted = params.get('object') ?? DEFAULT_OBJECT;
  const object = loading || objects.some((o) => o.name === wanted) ? wanted : ((objectByName(objects, DEFAULT_OBJECT) ?? objects[0])?.name ?? wanted);
  const setObject = (name: string) => setParams((p) => ({ ...Object.fromEntries(p), object: name }), { replace: true });
  const [editing, setEditing] = useState<CustomFieldDef | null | undefined>(undefined);
  const { data = [], isPending } = useQuery({ queryKey: CUSTOM_FIELDS_KEY, queryFn: customFieldsApi.list });
  const rows = data.filter((f) => f.object === object).sort((a, b) => a.position - b.position);
  const refresh = () => qc.invalidateQueries({ queryKey: CUSTOM_FIELDS_KEY });
  const fail = (e: unknown) => message.error(e instanceof Error ? e.message : String(e));
  // Swap positions with the neighbour; positions are renumbered so ties cannot stick.
  const move = async (i: number, delta: number) => {
    const order = [...rows];
    const j = i + delta;
    if (j < 0 || j >= order.length) return;
    [order[i], order[j]] = [order[j] as CustomFieldDef, order[i] as CustomFieldDef];
    try {
      await Promise.all(order.map((f, pos) => (f.position === pos ? null : customFieldsApi.update(f.id, { position: pos }, f.version))));
      await refresh();
    } catch (e) {
      fail(e);
    }
  };
  const remove = (f: CustomFieldDef) =>
    modal.confirm({
      title: t('settings.customFields.deleteConfirm', { name: pickLabel({ zh: f.label.zh ?? '', en: f.label.en ?? '' }, i18n.language) }),
      content: t('settings.customFields.deleteHint'),
      okButtonProps: { danger: true },
      onOk: () => customFieldsApi.remove(f.id).then(refresh, fail),
    });
  return (
    <Card>
      <div className={styles.toolbar}>
        <Typography.Title level={4} className={styles.grow} style={{ margin: 0 }}>
          {t('settings.sections.custom-fields')}
        </Typography.Title>
        <Select
          value={object}
          onChange={setObject}
          loading={loading}
          showSearch={{ optionFilterProp: 'label' }}
          style={{ minWidth: 160 }}
          popupMatchSelectWidth={false}
          options={objects.map((o) => ({ value: o.name, label: objectLabel(o, i18n.language) }))}
          data-testid="custom-field-object"
        />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="add-custom-field">
          {t('settings.customFields.create')}
        </Button>
      </div>
      <Table<CustomFieldDef>
        rowKey="id"
        loading={isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 700 }}
        locale={{ emptyText: t('settings.customFields.empty') }}
        columns={[
          { key: 'label', title: t('settings.customFields.label'), render: (_, f) => pickLabel({ zh: f.label.zh ?? '', en: f.label.en ?? '' }, i18n.language) },
          { key: 'key', title: t('settings.customFields.key'), render: (_, f) => <Typography.Text code>custom.{f.key}</Typography.Text> },
          {
            key: 'type',
            title: t('settings.customFields.type'),
            render: (_, f) =>
              f.type === 'lookup'
                ? t('settings.customFields.lookupTo', { object: objectLabel(objectByName(registry, f.target), i18n.language) || f.target })
                : t(`settings.fieldTypes.${f.type}`),
          },
          {
            key: 'flags',
            title: '',
            render: (_, f) => (
              <Space size={2}>
                {f.required && <Tag color="blue">{t('settings.customFields.required')}</Tag>}
                {f.unique && <Tag>{t('settings.customFields.unique')}</Tag>}
                {f.sensitive && <Tag color="red">{t('settings.customFields.sensitive')}</Tag>}
              </Space>
            ),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, f, i) => (
              <Space size={0}>
                <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={i === 0} aria-label={t('list.moveUp')} onClick={() => void move(i, -1)} />
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowDownOutlined />}
                  disabled={i === rows.length - 1}
                  aria-label={t('list.moveDown')}
                  onClick={() => void move(i, 1)}
                />
                <Button size="small" type="link" onClick={() => setEditing(f)}>
                  {t('common.edit')}
                </Button>
                <Button size="small" type="link" danger onClick={() => remove(f)}>
                  {t('common.delete')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing !== undefined && <CustomFieldModal object={object} field={editing} nextPosition={rows.length} onClose={() => setEditing(undefined)} />}
    </Card>
  );
}
