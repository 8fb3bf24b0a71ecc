import { InboxOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Card, Segmented, Steps, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isApiError } from '#shared/api/problem';
import { hasCapability, objectLabel, useObjects } from '#shared/objects/use-objects';
import { ACTIVE, type DedupRule, type ImportJob, type ImportObject, importsApi, type MappingEntry } from './imports-api';
import { MappingStep } from './mapping-step';
import { ProgressStep } from './progress-step';
import './messages';

/** Upload -> map columns and choose the dedup rule -> watch the job, download errors, roll back. */
export function ImportPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const { objects } = useObjects();
  // Every object of the registry that takes imports, custom ones included, in registry order.
  const importable = useMemo(() => objects.filter((o) => o.record && hasCapability(o, 'import')), [objects]);
  const meta = importable.find((o) => o.name === params.get('object')) ?? importable.find((o) => o.name === 'contact') ?? importable[0];
  const object: ImportObject = meta?.name ?? params.get('object') ?? 'contact';
  const labelOf = (o: (typeof importable)[number]) => t(`imports.objects.${o.name}`, { defaultValue: objectLabel(o, i18n.language) });
  const hint = meta?.custom ? t('imports.referenceHint.custom') : t(`imports.referenceHint.${object}`, { defaultValue: '' });
  const id = params.get('id');
  const [mapping, setMapping] = useState<MappingEntry[] | null>(null);
  const [dedup, setDedup] = useState<DedupRule>({ match: 'email', action: 'skip' });
  const job = useQuery({
    queryKey: ['imports', id],
    queryFn: () => importsApi.get(id as string),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data && ACTIVE.includes(q.state.data.status) ? 1000 : false),
  });
  const fail = (e: unknown) => message.error(isApiError(e) ? e.message : String(e));
  const upload = useMutation({
    mutationFn: (file: File) => importsApi.upload(object, file, i18n.language),
    onSuccess: (created: ImportJob) => {
      setMapping(created.mapping);
      setDedup(created.dedup);
      setParams({ object, id: created.id });
    },
    onError: fail,
  });
  const start = useMutation({
    mutationFn: async () => {
      await importsApi.configure(id as string, { mapping: mapping ?? job.data?.mapping ?? [], dedup });
      return importsApi.start(id as string);
    },
    onSuccess: () => job.refetch(),
    onError: fail,
  });
  const rollback = useMutation({ mutationFn: () => importsApi.rollback(id as string), onSuccess: () => job.refetch(), onError: fail });
  const cancel = useMutation({ mutationFn: () => importsApi.cancel(id as string), onSuccess: () => job.refetch(), onError: fail });
  const data = job.data;
  const step = !data ? 0 : data.status === 'uploaded' ? 1 : 2;
  return (
    <div>
      <Typography.Title level={3}>{t('imports.title')}</Typography.Title>
      <Steps
        current={step}
        items={[{ title: t('imports.stepUpload') }, { title: t('imports.stepMap') }, { title: t('imports.stepRun') }]}
        style={{ marginBottom: 24 }}
      />
      <Card>
        {step === 0 && (
          <>
            <Segmented
              value={object}
              onChange={(v) => setParams({ object: String(v) })}
              options={importable.map((o) => ({ value: o.name, label: labelOf(o) }))}
              style={{ marginBottom: 16 }}
              data-testid="import-object"
            />
            {hint && (
              <Typography.Paragraph type="secondary" data-testid="import-hint">
                {hint}
              </Typography.Paragraph>
            )}
            <div data-testid="import-upload">
              <Upload.Dragger
                accept={object === 'contact' ? '.csv,.txt,.xlsx,.vcf' : '.csv,.txt,.xlsx'}
                showUploadList={false}
                disabled={upload.isPending}
                beforeUpload={(file) => {
                  upload.mutate(file);
                  return false;
                }}
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p>{t(object === 'contact' ? 'imports.dropWithVcard' : 'imports.drop')}</p>
                <Typography.Text type="secondary">{t('imports.dropHint')}</Typography.Text>
              </Upload.Dragger>
            </div>
          </>
        )}
        {step === 1 && data && (
          <MappingStep
            job={data}
            mapping={mapping ?? data.mapping}
            dedup={dedup}
            onMapping={setMapping}
            onDedup={setDedup}
            onStart={() => start.mutate()}
            starting={start.isPending}
            onApplied={(applied) => setMapping(applied.mapping)}
            onSheet={(chosen) => {
              qc.setQueryData(['imports', id], chosen);
              setMapping(chosen.mapping);
            }}
          />
        )}
        {step === 2 && data && (
          <ProgressStep
            job={data}
            onRollback={() => rollback.mutate()}
            rollingBack={rollback.isPending}
            onCancel={() => cancel.mutate()}
            cancelling={cancel.isPending}
          />
        )}
      </Card>
    </div>
  );
}
