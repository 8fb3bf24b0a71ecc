import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { objectByName, objectLabel, useObjects } from '#shared/objects/use-objects';
import { type MailTemplate, mailApi, TEMPLATES_KEY } from './mail-api';
import { TemplateEditor } from './template-editor';

/** Settings > E-mail templates: bilingual templates with merge fields. */
export function MailTemplatesPage() {
  const { t, i18n } = useTranslation();
  const { modal, message } = App.useApp();
  const qc = useQueryClient();
  const { objects } = useObjects();
  const [editing, setEditing] = useState<MailTemplate | 'new' | null>(null);
  const { data = [], isPending } = useQuery({ queryKey: TEMPLATES_KEY, queryFn: mailApi.templates });
  const refresh = () => qc.invalidateQueries({ queryKey: TEMPLATES_KEY });
  const remove = (tpl: MailTemplate) =>
    modal.confirm({
      title: t('mail.deleteTemplate', { name: tpl.name }),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await mailApi.removeTemplate(tpl.id);
        } catch (e) {
          message.error((e as Error).message);
        }
        await refresh();
      },
    });
  const zh = i18n.language.startsWith('zh');
  return (
    <Card>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap', marginBottom: 12 }}>
        <div style={{ flex: 1, minWidth: 240 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('mail.templatesTitle')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('mail.templatesIntro', { example: '{{contact.name}}' })}</Typography.Text>
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="template-new">
          {t('mail.newTemplate')}
        </Button>
      </div>
      <Table<MailTemplate>
        rowKey="id"
        loading={isPending}
        dataSource={data}
        pagination={false}
        scroll={{ x: 640 }}
        data-testid="templates-table"
        columns={[
          {
            title: t('mail.templateName'),
            dataIndex: 'name',
            render: (v: string, tpl) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => setEditing(tpl)}>
                {v}
              </Button>
            ),
          },
          {
            title: t('mail.templateObject'),
            dataIndex: 'object',
            width: 140,
            render: (o: string | null) => (o ? objectLabel(objectByName(objects, o), i18n.language) || o : t('mail.anyRecord')),
          },
          { title: t('mail.subject'), render: (_, tpl) => (zh ? tpl.subject.zh || tpl.subject.en : tpl.subject.en || tpl.subject.zh), ellipsis: true },
          {
            title: t('mail.mergeFields'),
            dataIndex: 'mergeFields',
            render: (fields: string[]) => (
              <Space size={[0, 4]} wrap>
                {fields.map((f) => (
                  <Tag key={f}>{f}</Tag>
                ))}
              </Space>
            ),
          },
          {
            title: '',
            width: 90,
            render: (_, tpl) => (
              <Button size="small" type="link" danger onClick={() => remove(tpl)}>
                {t('mail.delete')}
              </Button>
            ),
          },
        ]}
      />
      <TemplateEditor
        open={editing !== null}
        editing={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={async () => {
          setEditing(null);
          message.success(t('mail.saved'));
          await refresh();
        }}
      />
    </Card>
  );
}
