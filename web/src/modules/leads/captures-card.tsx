import { useQuery } from '@tanstack/react-query';
import { Card, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '#shared/format/format';
import { leadsApi } from './leads-api';

/** Every arrival of the lead: channel, outcome, the rule that matched. */
export function CapturesCard({ leadId }: { leadId: string }) {
  const { t, i18n } = useTranslation();
  const q = useQuery({ queryKey: ['leads', 'captures', leadId], queryFn: () => leadsApi.captures(leadId) });
  return (
    <Card title={t('leads.captures')} loading={q.isPending} size="small">
      <Timeline
        items={(q.data ?? []).map((c) => ({
          key: c.id,
          children: (
            <>
              {t(`leads.channel.${c.channel}`)} · {t(`leads.outcome.${c.outcome}`)}
              {c.matchedRule ? ` · ${t(`leads.rules.${c.matchedRule}`)}` : ''}
              <br />
              <small>{formatDateTime(c.createdAt, i18n.language)}</small>
            </>
          ),
        }))}
      />
    </Card>
  );
}
