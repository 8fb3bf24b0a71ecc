import { useQueryClient } from '@tanstack/react-query';
import { App, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useMe } from '#shared/auth/session';
import { PageSpinner } from '#shared/ui/page-spinner';
import { DealForm } from './deal-form';
import { dealKeys, dealsApi } from './deals-api';
import { usePipelines } from './use-pipelines';

/** New deal; ?pipeline=, ?companyId=, ?contactId= prefill it (from the board or a customer page). */
export function DealCreatePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const me = useMe();
  const [params] = useSearchParams();
  const pipelines = usePipelines();
  if (pipelines.isPending) return <PageSpinner />;
  const initial = {
    ownerId: me.user.id,
    ...(params.get('pipeline') ? { pipelineId: params.get('pipeline') as string } : {}),
    ...(params.get('companyId') ? { companyId: params.get('companyId') } : {}),
    ...(params.get('contactId') ? { contactId: params.get('contactId') } : {}),
  };
  return (
    <div style={{ maxWidth: 720 }}>
      <Typography.Title level={3}>{t('deals.new')}</Typography.Title>
      <Card>
        <DealForm
          pipelines={pipelines.data ?? []}
          initial={initial}
          submitLabel={t('common.create')}
          onCancel={() => navigate(-1)}
          onSubmit={async (body) => {
            const created = await dealsApi.create(body);
            await qc.invalidateQueries({ queryKey: dealKeys.all });
            message.success(t('deals.created'));
            navigate(`/deals/${created.id}`, { replace: true });
          }}
        />
      </Card>
    </div>
  );
}
