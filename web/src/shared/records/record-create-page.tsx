import { useQueryClient } from '@tanstack/react-query';
import { App, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { CrmRecord } from '#shared/api/types';
import { PageSpinner } from '#shared/ui/page-spinner';
import { type ObjectDef, objectText, pagePath } from './object-def';
import { RecordForm } from './record-form';
import { recordKeys, recordsApi } from './records-api';
import { useObjectFields } from './use-object-fields';

/** Query-string values for keys the form has: `?companyId=…` from a company page, `?custom.company=…` from a related list. */
export function prefillFrom(params: URLSearchParams, keys: readonly string[]): Record<string, string> {
  return Object.fromEntries([...params.entries()].filter(([k]) => keys.includes(k)));
}

export function RecordCreatePage({ def }: { def: ObjectDef }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [params] = useSearchParams();
  const { fields, loading } = useObjectFields(def);
  const prefill = prefillFrom(
    params,
    fields.map((f) => f.key),
  );
  if (loading) return <PageSpinner />;
  return (
    <div style={{ maxWidth: 960 }}>
      <Typography.Title level={3}>{objectText(def, t, 'new')}</Typography.Title>
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
            navigate(`${pagePath(def)}/${created.id}`, { replace: true });
          }}
        />
      </Card>
    </div>
  );
}
