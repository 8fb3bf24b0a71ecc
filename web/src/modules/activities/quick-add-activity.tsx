import { CalendarOutlined, CheckSquareOutlined, EditOutlined, PhoneOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, InputNumber, Segmented, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '#shared/api/problem';
import { fromPickerValue, pickerNow } from '#shared/format/picker-time';
import { errorPath } from '#shared/records/payload';
import { type ActivityInput, type ActivityType, CALL_OUTCOMES, activitiesApi } from './activities-api';

type Props = { link: { companyId?: string; contactId?: string; leadId?: string }; onAdded: () => void };
type Values = { subject: string; body?: string; dueAt?: Dayjs; startsAt?: Dayjs; endsAt?: Dayjs; durationMinutes?: number; outcome?: string };

const TYPES: { value: Exclude<ActivityType, 'email'>; icon: React.ReactNode }[] = [
  { value: 'note', icon: <EditOutlined /> },
  { value: 'call', icon: <PhoneOutlined /> },
  { value: 'meeting', icon: <CalendarOutlined /> },
  { value: 'task', icon: <CheckSquareOutlined /> },
];

export function toActivityInput(type: ActivityType, v: Values, link: Props['link']): ActivityInput {
  return {
    type,
    subject: v.subject.trim(),
    ...(v.body?.trim() ? { body: v.body.trim() } : {}),
    ...link,
    ...(type === 'task' && v.dueAt ? { dueAt: fromPickerValue(v.dueAt) } : {}),
    ...(type === 'meeting' && v.startsAt ? { startsAt: fromPickerValue(v.startsAt) } : {}),
    ...(type === 'meeting' && v.endsAt ? { endsAt: fromPickerValue(v.endsAt) } : {}),
    ...(type === 'call' && v.durationMinutes ? { durationSeconds: Math.round(v.durationMinutes * 60) } : {}),
    ...(type === 'call' && v.outcome?.trim() ? { outcome: v.outcome.trim() } : {}),
  };
}

/** Sensible times so a task or meeting can be logged with one click: tomorrow 18:00, the next full hour (the user's clock). */
export const defaults = (now = pickerNow()) => ({
  dueAt: now.add(1, 'day').hour(18).minute(0).second(0).millisecond(0),
  startsAt: now.add(1, 'hour').minute(0).second(0).millisecond(0),
});

/** Log a note, call, meeting or task against the record (company, contact, lead) without leaving its page. */
export function QuickAddActivity({ link, onAdded }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [type, setType] = useState<Exclude<ActivityType, 'email'>>('note');
  const [form] = Form.useForm<Values>();
  const add = useMutation({
    mutationFn: (v: Values) => activitiesApi.create(toActivityInput(type, v, link)),
    onSuccess: () => {
      form.resetFields();
      form.setFieldsValue(defaults());
      message.success(t('activities.added'));
      onAdded();
    },
    onError: (e) => {
      if (isApiError(e) && e.fieldErrors.length) form.setFields(e.fieldErrors.map((f) => ({ name: errorPath(f.field) as never, errors: [f.message] })));
      else message.error(e.message);
    },
  });
  return (
    <div data-testid="quick-add-activity">
      <Segmented
        block
        value={type}
        onChange={(v) => setType(v as typeof type)}
        options={TYPES.map((x) => ({ value: x.value, icon: x.icon, label: t(`activities.types.${x.value}`) }))}
        style={{ marginBottom: 12 }}
      />
      <Form form={form} layout="vertical" onFinish={(v) => add.mutate(v)} requiredMark={false} initialValues={defaults()}>
        <Form.Item name="subject" rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 200 }]} style={{ marginBottom: 8 }}>
          <Input placeholder={t(`activities.subjectPlaceholder.${type}`)} data-testid="activity-subject" />
        </Form.Item>
        <Form.Item name="body" style={{ marginBottom: 8 }}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} placeholder={t('activities.body')} />
        </Form.Item>
        {type === 'task' && (
          <Form.Item name="dueAt" label={t('activities.dueAt')} style={{ marginBottom: 8 }} rules={[{ required: true, message: t('validation.required') }]}>
            <DatePicker showTime style={{ width: '100%' }} data-testid="activity-due" />
          </Form.Item>
        )}
        {type === 'meeting' && (
          <div style={{ display: 'flex', gap: 8 }}>
            <Form.Item
              name="startsAt"
              label={t('activities.startsAt')}
              style={{ flex: 1, marginBottom: 8 }}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <DatePicker showTime style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="endsAt" label={t('activities.endsAt')} style={{ flex: 1, marginBottom: 8 }}>
              <DatePicker showTime style={{ width: '100%' }} />
            </Form.Item>
          </div>
        )}
        {type === 'call' && (
          <div style={{ display: 'flex', gap: 8 }}>
            <Form.Item name="durationMinutes" label={t('activities.durationMinutes')} style={{ flex: 1, marginBottom: 8 }}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="outcome" label={t('activities.outcome')} style={{ flex: 2, marginBottom: 8 }}>
              <Select allowClear options={CALL_OUTCOMES.map((o) => ({ value: o, label: t(`activities.outcomes.${o}`) }))} />
            </Form.Item>
          </div>
        )}
        <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="activity-submit">
          {t('activities.add')}
        </Button>
      </Form>
    </div>
  );
}
