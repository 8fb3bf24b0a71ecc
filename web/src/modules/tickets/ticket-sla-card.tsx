import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '#shared/format/format';
import { formatSpan, type TargetState, targetState } from './sla-time.rules';
import { SLA_COLOR, type Ticket } from './tickets-api';

const TARGET_COLOR: Record<TargetState, string> = { met: 'cyan', met_late: 'red', ok: 'green', due_soon: 'orange', overdue: 'red', paused: 'default' };

/** The current time, again every `ms` (time left counts down while the page is open). */
function useNow(ms: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

type Target = { key: 'firstResponse' | 'resolution'; dueAt: string; doneAt: string | null; pauses: boolean };

/** Each SLA target of the ticket: due when, time left or overdue by, met or breached; the clock pauses while waiting on the customer. */
export function TicketSlaCard({ ticket }: { ticket: Ticket }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const now = useNow(30_000);
  if (!ticket.slaPolicy) return null;
  const targets: Target[] = [];
  if (ticket.firstResponseDueAt) targets.push({ key: 'firstResponse', dueAt: ticket.firstResponseDueAt, doneAt: ticket.firstResponseAt, pauses: false });
  if (ticket.resolutionDueAt) targets.push({ key: 'resolution', dueAt: ticket.resolutionDueAt, doneAt: ticket.resolvedAt, pauses: true });
  // The target being worked on now: the first response until there is one (the timer's warning is about it).
  const current = targets.find((x) => !x.doneAt);
  return (
    <Card
      size="small"
      title={t('tickets.sla.cardTitle')}
      data-testid="ticket-sla-card"
      extra={
        <Tag color={SLA_COLOR[ticket.slaState]} data-testid="ticket-sla">
          {t(`tickets.slaState.${ticket.slaState}`)}
        </Tag>
      }
    >
      <Typography.Text type="secondary">
        {t('tickets.sla.policy')}: {ticket.slaPolicy.name}
      </Typography.Text>
      <Descriptions column={1} size="small" style={{ marginTop: 8 }} styles={{ label: { width: 110 } }}>
        {targets.map((x) => {
          const due = new Date(x.dueAt);
          let state = targetState({ dueAt: due, doneAt: x.doneAt ? new Date(x.doneAt) : null, paused: x.pauses && !!ticket.slaPausedAt, now, warnMinutes: 0 });
          if (state === 'ok' && x === current && ticket.slaState === 'warning') state = 'due_soon';
          // Whole minutes: time left rounds up, overdue rounds down (and is never "0 minutes").
          const left = (due.getTime() - now.getTime()) / 60_000;
          const detail =
            state === 'met' || state === 'met_late'
              ? t('tickets.sla.doneAt', { at: formatDateTime(x.doneAt as string, lang) })
              : state === 'overdue'
                ? t('tickets.sla.overdueBy', { span: formatSpan(Math.max(1, Math.floor(-left)), lang) })
                : state === 'paused'
                  ? t('tickets.sla.pausedHint')
                  : t('tickets.sla.left', { span: formatSpan(Math.ceil(left), lang) });
          return (
            <Descriptions.Item key={x.key} label={t(`tickets.sla.${x.key}`)}>
              <Space direction="vertical" size={0} data-testid={`ticket-sla-${x.key}`}>
                <Space size={4} wrap>
                  <Tag color={TARGET_COLOR[state]} data-testid={`ticket-sla-${x.key}-state`}>
                    {t(`tickets.sla.target.${state}`)}
                  </Tag>
                  <Typography.Text>{detail}</Typography.Text>
                </Space>
                <Typography.Text type="secondary">{t('tickets.sla.dueAt', { at: formatDateTime(x.dueAt, lang) })}</Typography.Text>
              </Space>
            </Descriptions.Item>
          );
        })}
        {ticket.slaBreachedAt && (
          <Descriptions.Item label={t('tickets.fields.slaBreachedAt')}>
            <Typography.Text type="danger" data-testid="ticket-sla-breached-at">
              {formatDateTime(ticket.slaBreachedAt, lang)}
            </Typography.Text>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}
