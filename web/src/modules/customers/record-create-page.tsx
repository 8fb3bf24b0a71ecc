import { useQueryClient } from '@tanstack/react-query';
import { App, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { CrmRecord } from '#shared/api/types';
import type { ObjectDef } from '#shared/records/object-def';
import { RecordForm } from '#shared/records/record-form';
import { recordKeys, recordsApi } from '#shared/records/records-api';
import { useObjectFields } from '#shared/records/use-object-fields';
import { PageSpinner } from '#shared/ui/page-spinner';

export function RecordCreatePage({ def }: { def: ObjectDef }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [params] = useSearchParams();
  const { fields, loading } = useObjectFields(def);
  // Prefill from the query string, e.g. ?companyId=… when adding a contact from a company page.
  const prefill = Object.fromEntries([...params.entries()].filter(([k]) => fields.some((f) => f.key === k)));
  if (loading) return <PageSpinner />;
  return (
    <div style={{ maxWidth: 960 }}>
      <Typography.Title level={3}>{t(`${def.object}.new`)}</Typography.Title>
      <Card>
        <RecordForm
          def={def}
          fields={fields}
          initial={prefill}
          submitLabel={t('common.create')}
          onCancel={() => navigate(-1)}
          onSubmit={async (body) => {
            const created: CrmRecord = await recordsApi.create(def.object, body);
            await qc.invalidateQueries({ queryKey: recordKeys.all(def.object) });
            message.success(t('common.created'));
            navigate(`/${def.object}/${created.id}`, { replace: true });
          }}
        />
      </Card>
    </div>
  );
}
