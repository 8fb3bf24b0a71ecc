import { useQuery } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '#shared/api/problem';
import { emptyGroup, filterToGroup, groupToFilter } from '#shared/filter/filter-model';
import type { ConditionGroup, Filter } from '#shared/filter/filter-types';
import { errorPath } from '#shared/records/payload';
import { eventOptions, singleObject } from './event-options';
import { WebhookFilter } from './webhook-filter';
import { type CreatedWebhook, type Webhook, webhooksApi } from './webhooks-api';
import { AttentionAlert } from '#shared/ui/attention';

type Values = { name: string; url: string; events: string[] };
type Props = { open: boolean; editing: Webhook | null; onClose: () => void; onSaved: (created: CreatedWebhook | null) => void };

/** Create or edit a webhook: name, URL, events, and a filter when the events are about one object. */
export function WebhookFormModal({ open, editing, onClose, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [group, setGroup] = useState<ConditionGroup>(emptyGroup());
  const [saving, setSaving] = useState(false);
  const events = Form.useWatch('events', form) ?? [];
  const { data: types = [] } = useQuery({ queryKey: ['webhook-event-types'], queryFn: webhooksApi.eventTypes, enabled: open });
  useEffect(() => {
    if (!open) return;
    form.setFieldsValue(editing ? { name: editing.name, url: editing.url, events: editing.events } : { name: '', url: '', events: [] });
    setGroup(editing?.filter ? filterToGroup(editing.filter as Filter) : emptyGroup());
  }, [open, editing, form]);
  const object = singleObject(events);

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const body = { name: v.name, url: v.url, events: v.events ?? [], filter: object ? groupToFilter(group) : null };
      if (editing) {
        await webhooksApi.update(editing.id, body);
        onSaved(null);
      } else {
        onSaved(await webhooksApi.create(body));
      }
    } catch (e) {
      if (isApiError(e) && e.fieldErrors.length) {
        const onForm = e.fieldErrors.filter((f) => ['name', 'url', 'events'].includes(String(errorPath(f.field)[0])));
        form.setFields(onForm.map((f) => ({ name: errorPath(f.field).slice(0, 1) as never, errors: [f.message] })));
        if (onForm.length < e.fieldErrors.length) message.error(e.fieldErrors.map((f) => f.message).join('; '));
      } else {
        message.error((e as Error).message);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={editing ? t('webhooks.edit') : t('webhooks.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      width={760}
      destroyOnHidden
      data-testid="webhook-modal"
    >
      {editing?.attention && (
        <AttentionAlert
          label={t('webhooks.attention')}
          hint={t('webhooks.attentionHint', { fields: editing.attention.fields.join(', ') })}
          testId="webhook-attention-alert"
          style={{ marginBottom: 16 }}
        />
      )}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="name" label={t('webhooks.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 200 }]}>
          <Input data-testid="webhook-name" />
        </Form.Item>
        <Form.Item
          name="url"
          label={t('webhooks.url')}
          extra={t('webhooks.urlHint')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input placeholder="https://example.com/kehu-webhook" data-testid="webhook-url" />
        </Form.Item>
        <Form.Item name="events" label={t('webhooks.events')} extra={t('webhooks.eventsHint')}>
          <Select
            mode="multiple"
            allowClear
            virtual={false}
            listHeight={320}
            options={eventOptions(types, t, i18n.language)}
            optionFilterProp="label"
            data-testid="webhook-events"
          />
        </Form.Item>
        <Form.Item label={t('webhooks.filter')} extra={object ? t('webhooks.filterHint') : undefined}>
          <WebhookFilter object={object} value={group} onChange={setGroup} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
