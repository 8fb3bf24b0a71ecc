import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, type ButtonProps, Form, InputNumber, Modal, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '#shared/format/format';
import { type NewPolicy, RETENTION_KEY, type RetentionPolicy, retentionApi } from './retention-api';

/** A date field's name: ours for the usual ones, else the shared field label, else the API name. */
function useFieldLabel() {
  const { t } = useTranslation();
  return (f: string) => t(`retention.fields.${f}`, { defaultValue: t(`fields.${f}`, { defaultValue: f }) });
}

/** Asks before a policy acts: the count it would touch now, and a warning when that is every record. */
function useConfirmCount() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  return async (p: RetentionPolicy, okText: string, act: (count: number) => Promise<unknown>) => {
    const { count, total } = await retentionApi.preview(p.id);
    modal.confirm({
      title: t('retention.confirmTitle', { count, total }),
      content: total > 0 && count === total ? <Typography.Text type="danger">{t('retention.confirmAll')}</Typography.Text> : null,
      okText,
      okButtonProps: { danger: count === total && total > 0, 'data-testid': 'retention-confirm' } as ButtonProps,
      onOk: () => act(count),
    });
  };
}

function NewPolicyModal({ onClose, onCreated }: { onClose: () => void; onCreated: (p: RetentionPolicy) => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewPolicy>();
  const targets = useQuery({ queryKey: [...RETENTION_KEY, 'targets'], queryFn: retentionApi.targets });
  const object = Form.useWatch('object', form);
  const zh = i18n.language.toLowerCase().startsWith('zh');
  const fieldLabel = useFieldLabel();
  const fields = targets.data?.find((x) => x.object === object)?.fields ?? [];
  const create = useMutation({ mutationFn: retentionApi.create, onSuccess: onCreated, onError: (e) => message.error(e.message) });
  return (
    <Modal
      open
      title={t('retention.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'retention-save' } as ButtonProps}
    >
      <Form form={form} layout="vertical" initialValues={{ months: 36, action: 'anonymise' }} onFinish={(v) => create.mutate(v)}>
        <Form.Item name="object" label={t('retention.object')} rules={[{ required: true }]}>
          <Select
            data-testid="retention-object"
            loading={targets.isPending}
            options={(targets.data ?? []).map((x) => ({ value: x.object, label: zh ? x.label.zh : x.label.en }))}
            onChange={() => form.setFieldValue('field', undefined)}
          />
        </Form.Item>
        <Form.Item name="field" label={t('retention.field')} rules={[{ required: true }]}>
          <Select data-testid="retention-field" options={fields.map((f) => ({ value: f, label: fieldLabel(f) }))} />
        </Form.Item>
        <Space>
          <Form.Item name="months" label={t('retention.months')} rules={[{ required: true }]}>
            <InputNumber min={1} max={1200} data-testid="retention-months" />
          </Form.Item>
          <Form.Item name="action" label={t('retention.action')}>
            <Select
              style={{ width: 140 }}
              data-testid="retention-action"
              options={(['anonymise', 'delete'] as const).map((a) => ({ value: a, label: t(`retention.actions.${a}`) }))}
            />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

/** Settings > Retention policies: per object, anonymise or delete personal data past its period; a nightly job runs them. */
export function RetentionPoliciesPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const confirmCount = useConfirmCount();
  const fieldLabel = useFieldLabel();
  const { data, isPending } = useQuery({ queryKey: RETENTION_KEY, queryFn: retentionApi.list });
  const refresh = () => queryClient.invalidateQueries({ queryKey: RETENTION_KEY });
  const fail = (e: unknown) => message.error((e as Error).message);
  const zh = i18n.language.toLowerCase().startsWith('zh');
  const enable = (p: RetentionPolicy) =>
    confirmCount(p, t('retention.confirmEnable'), (count) => retentionApi.setEnabled(p, true, count).then(refresh).catch(fail));
  return (
    <div data-testid="retention-page">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start" wrap>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('retention.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="retention-new">
          {t('retention.new')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">{t('retention.intro')}</Typography.Paragraph>
      <Table<RetentionPolicy>
        rowKey="id"
        loading={isPending}
        dataSource={data ?? []}
        pagination={false}
        scroll={{ x: 860 }}
        locale={{ emptyText: t('retention.empty') }}
        onRow={(p) => ({ 'data-testid': `retention-row-${p.object}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('retention.object'), key: 'object', width: 100, render: (_, p) => (zh ? p.label.zh : p.label.en) },
          { title: t('retention.field'), key: 'field', width: 150, render: (_, p) => fieldLabel(p.field) },
          { title: t('retention.months'), key: 'months', width: 100, render: (_, p) => t('retention.monthsUnit', { count: p.months }) },
          {
            title: t('retention.action'),
            key: 'action',
            width: 100,
            render: (_, p) => <Tag color={p.action === 'delete' ? 'red' : 'orange'}>{t(`retention.actions.${p.action}`)}</Tag>,
          },
          {
            title: t('retention.enabled'),
            key: 'enabled',
            width: 80,
            render: (_, p) => (
              <Switch
                checked={p.enabled}
                data-testid={`retention-enabled-${p.object}`}
                onChange={(on) => (on ? void enable(p) : void retentionApi.setEnabled(p, false).then(refresh).catch(fail))}
              />
            ),
          },
          {
            title: t('retention.lastRun'),
            key: 'lastRun',
            render: (_, p) =>
              p.lastResult ? (
                <span data-testid={`retention-report-${p.object}`}>
                  {formatDateTime(p.lastRunAt, i18n.language)} · {t('retention.report', p.lastResult)}
                </span>
              ) : (
                <Typography.Text type="secondary">{t('retention.never')}</Typography.Text>
              ),
          },
          {
            key: 'do',
            width: 190,
            render: (_, p) => (
              <Space size={4}>
                <Button
                  size="small"
                  data-testid={`retention-run-${p.object}`}
                  onClick={() =>
                    void confirmCount(p, t('retention.confirmRun'), (count) =>
                      retentionApi
                        .run(p.id, count)
                        .then((r) => {
                          if (r.lastResult) message.success(t('retention.ran', r.lastResult));
                          return refresh();
                        })
                        .catch(fail),
                    )
                  }
                >
                  {t('retention.run')}
                </Button>
                <Popconfirm title={t('retention.remove')} onConfirm={() => retentionApi.remove(p.id).then(refresh).catch(fail)}>
                  <Button size="small" danger>
                    {t('retention.remove')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {creating && (
        <NewPolicyModal
          onClose={() => setCreating(false)}
          onCreated={(p) => {
            setCreating(false);
            void refresh();
            void enable(p);
          }}
        />
      )}
    </div>
  );
}
