import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Drawer, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '#shared/api/problem';
import './messages';
import { FormEditor, NEW_FORM } from './form-editor';
import { type LeadForm, leadsApi, snippetOf } from './leads-api';

const KEY = ['lead-forms'];

/** Web-to-lead forms: list, builder, the snippet to paste, and a live preview through the same script. */
export function LeadFormsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<Partial<LeadForm> | null>(null);
  const [shown, setShown] = useState<LeadForm | null>(null);
  const forms = useQuery({ queryKey: KEY, queryFn: leadsApi.forms });
  const fail = (e: unknown) =>
    message.error(isApiError(e) ? e.fieldErrors.map((f) => `${f.field}: ${f.message}`).join('; ') || e.detail || e.message : String(e));
  const save = useMutation({
    mutationFn: (v: Partial<LeadForm>) => (editing?.id ? leadsApi.updateForm(editing.id, v, editing.version ?? 0) : leadsApi.createForm(v)),
    onSuccess: async (form) => {
      await qc.invalidateQueries({ queryKey: KEY });
      message.success(t('leads.settings.saved'));
      setEditing(null);
      setShown(form);
    },
    onError: fail,
  });
  const remove = useMutation({ mutationFn: leadsApi.removeForm, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }), onError: fail });

  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('leads.settings.forms')}
        </Typography.Title>
        <Button type="primary" onClick={() => setEditing(NEW_FORM)} data-testid="new-lead-form">
          {t('leads.settings.newForm')}
        </Button>
      </Space>
      <Table<LeadForm>
        rowKey="id"
        loading={forms.isPending}
        dataSource={forms.data ?? []}
        pagination={false}
        scroll={{ x: 480 }}
        columns={[
          {
            key: 'name',
            title: t('leads.settings.formName'),
            render: (_, f) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => setShown(f)}>
                {f.name}
              </Button>
            ),
          },
          { key: 'active', title: t('leads.settings.active'), render: (_, f) => <Tag color={f.active ? 'green' : 'default'}>{f.active ? '✓' : '—'}</Tag> },
          { key: 'submissions', title: t('leads.settings.submissions'), dataIndex: 'submissions' },
          {
            key: 'actions',
            title: '',
            render: (_, f) => (
              <Space>
                <Button size="small" onClick={() => setEditing(f)}>
                  {t('leads.settings.edit')}
                </Button>
                <Popconfirm title={t('leads.settings.deleteConfirm')} onConfirm={() => remove.mutate(f.id)}>
                  <Button size="small" danger>
                    {t('leads.settings.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {shown && <SnippetCard form={shown} />}
      <Drawer
        open={!!editing}
        onClose={() => setEditing(null)}
        width={Math.min(720, window.innerWidth)}
        title={editing?.name || t('leads.settings.newForm')}
        destroyOnHidden
      >
        {editing && <FormEditor initial={editing} busy={save.isPending} onSave={(v) => save.mutate(v)} />}
      </Drawer>
    </div>
  );
}

function SnippetCard({ form }: { form: LeadForm }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const snippet = snippetOf(form.id);
  // The preview runs the very script a website embeds, in a sandboxed frame on Kehu's own origin.
  const preview = `<!doctype html><meta charset="utf-8"><body style="margin:16px">${snippet}</body>`;
  return (
    <Card title={form.name} style={{ marginTop: 16 }} data-testid="form-snippet-card">
      <Typography.Paragraph strong>{t('leads.settings.snippet')}</Typography.Paragraph>
      <Space.Compact style={{ width: '100%' }}>
        <Input readOnly value={snippet} data-testid="form-snippet" />
        <Button
          onClick={() => {
            void navigator.clipboard?.writeText(snippet);
            message.success(t('leads.settings.copied'));
          }}
        >
          {t('leads.settings.copy')}
        </Button>
      </Space.Compact>
      <Typography.Paragraph strong style={{ marginTop: 16 }}>
        {t('leads.settings.preview')}
      </Typography.Paragraph>
      <iframe
        title={t('leads.settings.preview')}
        srcDoc={preview}
        sandbox="allow-scripts allow-same-origin"
        style={{ width: '100%', height: 420, border: '1px solid #f0f0f0', borderRadius: 8 }}
      />
    </Card>
  );
}
