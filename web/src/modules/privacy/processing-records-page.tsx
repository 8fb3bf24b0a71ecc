import { DownloadOutlined, EditOutlined, LockOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, type ButtonProps, Form, Input, Modal, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadText } from '#shared/records/list/csv';
import { LEGAL_BASES, PROCESSING_KEY, type ProcessingRecord, type PutProcessingBody, privacyApi } from './privacy-api';

type Field = ProcessingRecord['fields'][number];

/** A field's label: a custom field's own, else the shared field name (`fields.phones`). */
function useFieldLabel() {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.toLowerCase().startsWith('zh');
  return (f: Pick<Field, 'name' | 'label'>) => (f.label ? (zh ? f.label.zh : f.label.en) || f.name : t(`fields.${f.name}`, { defaultValue: f.name }));
}

function EditModal({ record, onClose }: { record: ProcessingRecord; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PutProcessingBody>();
  const save = useMutation({
    mutationFn: (body: PutProcessingBody) => privacyApi.put(record.object, body, record.version),
    onSuccess: () => {
      message.success(t('privacy.saved'));
      void queryClient.invalidateQueries({ queryKey: PROCESSING_KEY });
      onClose();
    },
  });
  const label = i18n.language.toLowerCase().startsWith('zh') ? record.label.zh : record.label.en;
  return (
    <Modal
      open
      title={t('privacy.editTitle', { object: label })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'processing-save' } as ButtonProps}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ purpose: record.purpose, legalBasis: record.legalBasis, retention: record.retention }}
        onFinish={(values) => save.mutate({ purpose: values.purpose || null, legalBasis: values.legalBasis ?? null, retention: values.retention || null })}
      >
        <Form.Item name="purpose" label={t('privacy.purpose')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} data-testid="processing-purpose" />
        </Form.Item>
        <Form.Item name="legalBasis" label={t('privacy.legalBasis')}>
          <Select allowClear data-testid="processing-basis" options={LEGAL_BASES.map((b) => ({ value: b, label: t(`privacy.bases.${b}`) }))} />
        </Form.Item>
        <Form.Item name="retention" label={t('privacy.retention')} rules={[{ max: 500 }]}>
          <Input data-testid="processing-retention" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Settings > Records of processing: personal data per object, who reads it, and why. */
export function ProcessingRecordsPage() {
  const { t, i18n } = useTranslation();
  const fieldLabel = useFieldLabel();
  const [editing, setEditing] = useState<ProcessingRecord | null>(null);
  const { data, isPending } = useQuery({ queryKey: PROCESSING_KEY, queryFn: privacyApi.list });
  const zh = i18n.language.toLowerCase().startsWith('zh');
  const exportCsv = async () => downloadText('records-of-processing.csv', await privacyApi.exportCsv(i18n.language));
  const none = <Typography.Text type="secondary">{t('privacy.notRecorded')}</Typography.Text>;
  return (
    <div data-testid="processing-records-page">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start" wrap>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('privacy.title')}
        </Typography.Title>
        <Button icon={<DownloadOutlined />} onClick={() => void exportCsv()} data-testid="processing-export">
          {t('privacy.export')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">{t('privacy.intro')}</Typography.Paragraph>
      <Table<ProcessingRecord>
        rowKey="object"
        loading={isPending}
        dataSource={data ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('privacy.empty') }}
        columns={[
          {
            title: t('privacy.object'),
            key: 'object',
            width: 140,
            render: (_, r) => (
              <Space size={4} wrap>
                <span>{zh ? r.label.zh : r.label.en}</span>
                {r.custom && <Tag>{t('privacy.custom')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('privacy.fields'),
            key: 'fields',
            render: (_, r) => (
              <Space size={[4, 4]} wrap>
                {r.fields.map((f) => (
                  <Tooltip key={f.name} title={f.masked ? t('privacy.masked') : undefined}>
                    <Tag
                      color={f.classification === 'sensitive' ? 'red' : 'blue'}
                      icon={f.masked ? <LockOutlined /> : undefined}
                      data-testid={`field-${r.object}-${f.name}`}
                    >
                      {fieldLabel(f)} · {t(`privacy.${f.classification}`)}
                    </Tag>
                  </Tooltip>
                ))}
              </Space>
            ),
          },
          {
            title: t('privacy.readers'),
            key: 'readers',
            render: (_, r) => (
              <Space size={[4, 4]} wrap>
                {r.readers.map((reader) => {
                  const clear = r.fields.filter((f) => reader.clearFields.includes(f.name)).map(fieldLabel);
                  return (
                    <Tooltip key={reader.role} title={clear.length ? t('privacy.clear', { fields: clear.join(zh ? '、' : ', ') }) : undefined}>
                      <Tag>
                        {reader.role} ({t(`privacy.scope.${reader.scope}`)})
                      </Tag>
                    </Tooltip>
                  );
                })}
              </Space>
            ),
          },
          {
            title: t('privacy.purpose'),
            key: 'purpose',
            width: 220,
            render: (_, r) => (
              <div data-testid={`purpose-${r.object}`}>
                {r.purpose ?? none}
                {r.legalBasis && (
                  <div>
                    <Tag color="green">{t(`privacy.bases.${r.legalBasis}`)}</Tag>
                  </div>
                )}
                {r.retention && <Typography.Text type="secondary">{`${t('privacy.retention')}: ${r.retention}`}</Typography.Text>}
              </div>
            ),
          },
          {
            key: 'edit',
            width: 90,
            render: (_, r) => (
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(r)} data-testid={`edit-${r.object}`}>
                {t('privacy.edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing && <EditModal record={editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
