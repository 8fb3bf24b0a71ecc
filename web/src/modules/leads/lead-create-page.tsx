import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '#shared/api/problem';
import { RecordForm } from '#shared/records/record-form';
import { recordKeys } from '#shared/records/records-api';
import { useObjectFields } from '#shared/records/use-object-fields';
import { PageSpinner } from '#shared/ui/page-spinner';
import './messages';
import { leadObject } from './lead-object';
import { type CustomerMatch, type Duplicate, leadsApi } from './leads-api';
import { MatchAlerts } from './match-alerts';

type Found = { duplicates: Duplicate[]; customerMatches: CustomerMatch[]; blocked: boolean };

/** Manual entry: the duplicate rules answer 409 on warn; the user sees the matches and may create anyway. */
export function LeadCreatePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { fields, loading } = useObjectFields(leadObject);
  const [found, setFound] = useState<Found | null>(null);
  const pending = useRef<Record<string, unknown> | null>(null);

  const save = async (body: Record<string, unknown>, allowDuplicate = false) => {
    try {
      const lead = await leadsApi.create({ ...body, ...(allowDuplicate ? { allowDuplicate: true } : {}) });
      await qc.invalidateQueries({ queryKey: recordKeys.all('leads') });
      message.success(lead.merged ? t('leads.merged', { name: lead.name }) : t('common.created'));
      navigate(`/leads/${lead.id}`, { replace: true });
    } catch (e) {
      if (!(isApiError(e) && e.status === 409)) throw e;
      pending.current = body;
      const check = await leadsApi.check({ name: body.name, companyName: body.companyName, emails: body.emails, phones: body.phones });
      setFound({ ...check, blocked: check.duplicates.some((d) => d.action === 'block') });
    }
  };

  if (loading) return <PageSpinner />;
  return (
    <div style={{ maxWidth: 960 }}>
      <Typography.Title level={3}>{t('leads.new')}</Typography.Title>
      {found && (
        <MatchAlerts
          duplicates={found.duplicates}
          customerMatches={found.customerMatches}
          action={
            found.blocked ? (
              <Typography.Text type="danger">{t('leads.blockedTitle')}</Typography.Text>
            ) : (
              <Button size="small" danger data-testid="create-anyway" onClick={() => pending.current && void save(pending.current, true)}>
                {t('leads.createAnyway')}
              </Button>
            )
          }
        />
      )}
      <Card>
        <RecordForm def={leadObject} fields={fields} submitLabel={t('common.create')} onCancel={() => navigate(-1)} onSubmit={(body) => save(body)} />
      </Card>
    </div>
  );
}
