import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, Popover, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '#shared/api/problem';
import { type ImportJob, importsApi, type MappingEntry } from './imports-api';
import './messages';

type Props = { job: ImportJob; mapping: MappingEntry[]; onApplied: (job: ImportJob) => void };

/** The recognised CRM preset, and saved mappings: apply one by header names, save the current one, delete. */
export function MappingTemplates({ job, mapping, onApplied }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [name, setName] = useState('');
  const key = ['imports', 'templates', job.object];
  const templates = useQuery({ queryKey: key, queryFn: () => importsApi.templates(job.object) });
  const fail = (e: unknown) => message.error(isApiError(e) ? e.message : String(e));
  const apply = useMutation({ mutationFn: (templateId: string) => importsApi.applyTemplate(job.id, templateId), onSuccess: onApplied, onError: fail });
  const save = useMutation({
    mutationFn: () =>
      importsApi.saveTemplate({
        object: job.object,
        name: name.trim(),
        mapping: mapping.map((m) => ({ header: job.columns[m.column] ?? '', field: m.field })),
      }),
    onSuccess: (saved) => {
      message.success(t('imports.templateSaved', { name: saved.name }));
      setName('');
      void qc.invalidateQueries({ queryKey: key });
    },
    onError: fail,
  });
  const remove = useMutation({ mutationFn: importsApi.deleteTemplate, onSuccess: () => void qc.invalidateQueries({ queryKey: key }), onError: fail });
  const list = templates.data?.data ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {job.preset && (
        <div data-testid="import-preset" data-preset={job.preset}>
          <Alert type="info" showIcon message={t('imports.preset', { name: t(`imports.presetName.${job.preset}`) })} />
        </div>
      )}
      <Space wrap>
        <Select
          style={{ minWidth: 220 }}
          placeholder={t('imports.applyTemplate')}
          value={null}
          options={list.map((tpl) => ({ value: tpl.id, label: tpl.name }))}
          onChange={(id: string) => apply.mutate(id)}
          loading={apply.isPending}
          optionRender={(o) => (
            <Space style={{ width: '100%', justifyContent: 'space-between' }}>
              {o.label}
              <Button
                size="small"
                type="text"
                aria-label={t('imports.deleteTemplate')}
                icon={<DeleteOutlined />}
                onClick={(e) => {
                  e.stopPropagation();
                  remove.mutate(String(o.value));
                }}
              />
            </Space>
          )}
          data-testid="import-template-apply"
        />
        <Popover
          trigger="click"
          content={
            <Space.Compact>
              <Input placeholder={t('imports.templateName')} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
              <Button type="primary" disabled={!name.trim() || !mapping.length} loading={save.isPending} onClick={() => save.mutate()}>
                {t('common.save')}
              </Button>
            </Space.Compact>
          }
        >
          <Button icon={<SaveOutlined />} disabled={!mapping.length} data-testid="import-template-save">
            {t('imports.saveTemplate')}
          </Button>
        </Popover>
      </Space>
    </Space>
  );
}
