import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Form, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSIGNMENT_KEY, assignmentApi, useAssignmentSettings } from './assignment-api';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/** When rules run (capture, turning hot) and which days are working days (holidays as dates). */
export function AssignmentOptionsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { data, isPending } = useAssignmentSettings();
  const [form] = Form.useForm();
  useEffect(() => {
    if (data) form.setFieldsValue(data);
  }, [data, form]);
  const save = async (values: { assignOnCapture: boolean; assignOnHot: boolean; workingDays: number[]; holidays: string[] }) => {
    const bad = values.holidays.find((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d));
    if (bad) return message.error(t('assignment.badDate', { value: bad }));
    try {
      await assignmentApi.saveSettings(values);
      await qc.invalidateQueries({ queryKey: ASSIGNMENT_KEY });
      message.success(t('scoring.saved'));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Card title={t('assignment.options')} loading={isPending}>
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
        <Form.Item name="assignOnCapture" label={t('assignment.onCapture')} tooltip={t('assignment.onCaptureHelp')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="assignOnHot" label={t('assignment.onHot')} tooltip={t('assignment.onHotHelp')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="workingDays" label={t('assignment.workingDays')}>
          <Checkbox.Group options={WEEKDAYS.map((d) => ({ value: d, label: t(`assignment.weekdays.${d}`) }))} />
        </Form.Item>
        <Form.Item name="holidays" label={t('assignment.holidays')} tooltip={t('assignment.holidaysHelp')}>
          <Select mode="tags" placeholder="2026-10-01" tokenSeparators={[',', ' ']} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('scoring.save')}
        </Button>
      </Form>
    </Card>
  );
}
