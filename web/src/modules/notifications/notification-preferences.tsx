import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Card, Radio, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Channel, notificationsApi, type Preference } from './notifications-api';

const CHANNELS: Channel[] = ['in_app', 'email', 'none'];
const PREFS_KEY = ['notifications', 'preferences'] as const;

/** My channel per kind: in the app, also by e-mail, or not at all. Saved on each change. */
export function NotificationPreferences() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { data = [], isPending } = useQuery({ queryKey: PREFS_KEY, queryFn: notificationsApi.preferences });
  const change = async (kind: Preference['kind'], channel: Channel) => {
    try {
      qc.setQueryData(PREFS_KEY, await notificationsApi.putPreferences([{ kind, channel }]));
      message.success(t('notifications.saved'));
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Card title={t('notifications.preferences')} size="small" data-testid="notification-preferences">
      <Table<Preference>
        rowKey="kind"
        size="small"
        loading={isPending}
        pagination={false}
        dataSource={data}
        columns={[
          { title: t('notifications.kind'), dataIndex: 'kind', render: (k: string) => t(`notifications.kinds.${k}`, { defaultValue: k }) },
          {
            title: t('notifications.channel'),
            dataIndex: 'channel',
            render: (c: Channel, row) => (
              <Radio.Group
                size="small"
                optionType="button"
                value={c}
                onChange={(e) => change(row.kind, e.target.value as Channel)}
                options={CHANNELS.map((ch) => ({ value: ch, label: t(`notifications.channels.${ch}`) }))}
                data-testid={`pref-${row.kind}`}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
