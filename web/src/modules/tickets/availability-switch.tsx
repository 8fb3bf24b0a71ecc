import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '#shared/auth/session';
import { ticketKeys, ticketsApi } from './tickets-api';

/** "Available": whether queues route new tickets to me. */
export function AvailabilitySwitch() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const qc = useQueryClient();
  const agents = useQuery({ queryKey: ticketKeys.agents, queryFn: ticketsApi.agents });
  const mine = agents.data?.find((a) => a.userId === me.user.id);
  if (!mine) return null;
  const toggle = async (available: boolean) => {
    try {
      qc.setQueryData(ticketKeys.agents, await ticketsApi.setAvailable(me.user.id, available));
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Space size={6}>
      <Switch size="small" checked={mine.available} onChange={(v) => void toggle(v)} data-testid="my-availability" />
      <Typography.Text type={mine.available ? undefined : 'secondary'}>
        {t(mine.available ? 'tickets.agents.iAmAvailable' : 'tickets.agents.iAmAway')}
      </Typography.Text>
    </Space>
  );
}
