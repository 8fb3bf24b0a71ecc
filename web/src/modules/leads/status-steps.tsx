import { Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Lead } from './leads-api';

const FLOW = ['new', 'contacted', 'nurturing', 'qualified', 'converted'] as const;

/** The lead's path; a click moves it to an earlier or later working status (converting goes through the dialog). */
export function StatusSteps({ lead, disabled, onChange }: { lead: Lead; disabled: boolean; onChange: (status: string) => void }) {
  const { t } = useTranslation();
  const unqualified = lead.status === 'unqualified';
  const current = unqualified ? 0 : FLOW.indexOf(lead.status as (typeof FLOW)[number]);
  return (
    <Steps
      size="small"
      responsive
      current={current}
      status={unqualified ? 'error' : lead.status === 'converted' ? 'finish' : 'process'}
      data-testid="lead-status-steps"
      onChange={(i) => {
        const next = FLOW[i];
        if (!disabled && next && next !== 'converted' && next !== lead.status) onChange(next);
      }}
      items={FLOW.map((s, i) => ({
        title: unqualified && i === 0 ? t('leads.status.unqualified') : t(`leads.status.${s}`),
        disabled: disabled || s === 'converted',
        ...(unqualified && i === 0 && lead.unqualifiedReason ? { description: lead.unqualifiedReason } : {}),
      }))}
    />
  );
}
