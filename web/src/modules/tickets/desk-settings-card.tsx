import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, InputNumber, Radio, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLOSED_REPLY_ACTIONS, type DeskSettings, ticketKeys, ticketsApi } from './tickets-api';

type DeskForm = Omit<DeskSettings, 'version'>;

/** What a customer's reply to a finished ticket does: reopen it, or open a follow-up that links it (admins). */
export function DeskSettingsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<DeskForm>();
  const [busy, setBusy] = useState(false);
  const settings = useQuery({ queryKey: ticketKeys.deskSettings, queryFn: ticketsApi.deskSettings });
  useEffect(() => {
    if (settings.data) form.setFieldsValue({ reopenWithinDays: settings.data.reopenWithinDays, closedReply: settings.data.closedReply });
  }, [settings.data, form]);
  const save = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      const saved = await ticketsApi.saveDeskSettings(
        { reopenWithinDays: values.reopenWithinDays ?? null, closedReply: values.closedReply },
        settings.data?.version ?? 0,
      );
      qc.setQueryData(ticketKeys.deskSettings, saved);
      message.success(t('tickets.panel.saved'));
    } catch (e) {
      message.error((e as Error).message);
      await qc.invalidateQueries({ queryKey: ticketKeys.deskSettings });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('tickets.desk.title')} size="small" loading={settings.isPending} data-testid="desk-settings">
      <Typography.Paragraph type="secondary">{t('tickets.desk.intro')}</Typography.Paragraph>
      <Form<DeskForm> form={form} layout="vertical" style={{ maxWidth: 560 }}>
        <Form.Item name="reopenWithinDays" label={t('tickets.desk.reopenWithinDays')} extra={t('tickets.desk.reopenWithinDaysHint')}>
          <InputNumber
            min={1}
            max={3650}
            precision={0}
            addonAfter={t('tickets.desk.days')}
            placeholder={t('tickets.desk.always')}
            data-testid="desk-reopen-days"
          />
        </Form.Item>
        <Form.Item name="closedReply" label={t('tickets.desk.closedReply')}>
          <Radio.Group data-testid="desk-closed-reply" options={CLOSED_REPLY_ACTIONS.map((a) => ({ value: a, label: t(`tickets.desk.closed.${a}`) }))} />
        </Form.Item>
        <Button type="primary" onClick={() => void save()} loading={busy} data-testid="desk-save">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
