import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, type ButtonProps, Form, Input, Modal, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDate, formatDateTime } from '#shared/format/format';
import { DeadlineSettingsModal } from './deadline-settings-modal';
import { type CreatePrivacyRequest, type PrivacyRequest, REQUEST_CHANNELS, REQUEST_KINDS, REQUESTS_KEY, requestsApi } from './privacy-requests-api';

const DAY = 86_400_000;
const STATUS_COLOR = { received: 'blue', verified: 'cyan', completed: 'green', rejected: 'default' } as const;

/** The deadline, red when passed and orange in its last three days while the request is open. */
export function DueTag({ request }: { request: PrivacyRequest }) {
  const { t, i18n } = useTranslation();
  const open = request.status === 'received' || request.status === 'verified';
  const soon = open && !request.overdue && new Date(request.dueAt).getTime() - Date.now() < 3 * DAY;
  return (
    <Space size={4}>
      <span>{formatDate(request.dueAt, i18n.language)}</span>
      {request.overdue && <Tag color="red">{t('privacyRequests.overdue')}</Tag>}
      {soon && <Tag color="orange">{t('privacyRequests.dueSoon')}</Tag>}
    </Space>
  );
}

export const StatusTag = ({ status }: { status: PrivacyRequest['status'] }) => {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]}>{t(`privacyRequests.statuses.${status}`)}</Tag>;
};

function NewRequestModal({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CreatePrivacyRequest>();
  const create = useMutation({
    mutationFn: (body: CreatePrivacyRequest) => requestsApi.create(body),
    onSuccess: (created) => {
      message.success(t('privacyRequests.created'));
      void queryClient.invalidateQueries({ queryKey: REQUESTS_KEY });
      navigate(`/settings/privacy-requests/${created.id}`);
    },
    onError: (e) => message.error(e.message),
  });
  const zh = i18n.language.toLowerCase().startsWith('zh');
  return (
    <Modal
      open
      title={t('privacyRequests.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('privacyRequests.create')}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'request-create' } as ButtonProps}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'access', law: zh ? 'pipl' : 'gdpr', locale: zh ? 'zh-CN' : 'en', channel: 'agent' }}
        onFinish={(v) =>
          create.mutate({
            ...v,
            subjectEmail: v.subjectEmail || null,
            subjectPhone: v.subjectPhone || null,
            subjectName: v.subjectName || null,
            note: v.note || null,
          })
        }
      >
        <Form.Item name="kind" label={t('privacyRequests.kind')} rules={[{ required: true }]}>
          <Select data-testid="request-kind" options={REQUEST_KINDS.map((k) => ({ value: k, label: t(`privacyRequests.kinds.${k}`) }))} />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t('privacyRequests.subjectHint')}</Typography.Paragraph>
        <Space.Compact block>
          <Form.Item name="subjectEmail" label={t('privacyRequests.email')} style={{ flex: 1 }} rules={[{ type: 'email' }]}>
            <Input data-testid="request-email" />
          </Form.Item>
          <Form.Item name="subjectPhone" label={t('privacyRequests.phone')} style={{ flex: 1 }}>
            <Input data-testid="request-phone" />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="subjectName" label={t('privacyRequests.name')}>
          <Input data-testid="request-name" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="law" label={t('privacyRequests.law')}>
            <Select style={{ width: 200 }} options={(['pipl', 'gdpr'] as const).map((l) => ({ value: l, label: t(`privacyRequests.laws.${l}`) }))} />
          </Form.Item>
          <Form.Item name="channel" label={t('privacyRequests.channel')}>
            <Select style={{ width: 140 }} options={REQUEST_CHANNELS.map((c) => ({ value: c, label: t(`privacyRequests.channels.${c}`) }))} />
          </Form.Item>
          <Form.Item name="locale" label={t('privacyRequests.locale')}>
            <Select
              style={{ width: 120 }}
              options={[
                { value: 'zh-CN', label: '简体中文' },
                { value: 'en', label: 'English' },
              ]}
            />
          </Form.Item>
        </Space>
        <Form.Item name="note" label={t('privacyRequests.note')} rules={[{ max: 5000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The subject as the queue shows it: e-mail, phone and name, whichever the request has. */
export const subjectLabel = (r: PrivacyRequest) => [r.subjectName, r.subjectEmail, r.subjectPhone].filter(Boolean).join(' · ');

/** Settings > Privacy requests: the queue, earliest deadline first. */
export function PrivacyRequestsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(true);
  const [creating, setCreating] = useState(false);
  const [settings, setSettings] = useState(false);
  const { data, isPending } = useQuery({ queryKey: [...REQUESTS_KEY, { open }], queryFn: () => requestsApi.list(open) });
  return (
    <div data-testid="privacy-requests-page">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start" wrap>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('privacyRequests.title')}
        </Typography.Title>
        <Space>
          <Segmented
            value={open ? 'open' : 'all'}
            onChange={(v) => setOpen(v === 'open')}
            options={[
              { value: 'open', label: t('privacyRequests.open') },
              { value: 'all', label: t('privacyRequests.all') },
            ]}
            data-testid="requests-filter"
          />
          <Button onClick={() => setSettings(true)} data-testid="deadlines-open">
            {t('deadlines.open')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="request-new">
            {t('privacyRequests.new')}
          </Button>
        </Space>
      </Space>
      <Typography.Paragraph type="secondary">{t('privacyRequests.intro')}</Typography.Paragraph>
      <Table<PrivacyRequest>
        rowKey="id"
        loading={isPending}
        dataSource={data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 800 }}
        locale={{ emptyText: t('privacyRequests.empty') }}
        onRow={(r) => ({ onClick: () => navigate(`/settings/privacy-requests/${r.id}`), style: { cursor: 'pointer' }, 'data-testid': `request-row-${r.id}` })}
        columns={[
          { title: t('privacyRequests.subject'), key: 'subject', render: (_, r) => subjectLabel(r) },
          { title: t('privacyRequests.kind'), key: 'kind', width: 170, render: (_, r) => t(`privacyRequests.kinds.${r.kind}`) },
          { title: t('privacyRequests.status'), key: 'status', width: 120, render: (_, r) => <StatusTag status={r.status} /> },
          { title: t('privacyRequests.received'), key: 'received', width: 170, render: (_, r) => formatDateTime(r.receivedAt, i18n.language) },
          { title: t('privacyRequests.due'), key: 'due', width: 190, render: (_, r) => <DueTag request={r} /> },
          { title: t('privacyRequests.handler'), key: 'handler', width: 140, render: (_, r) => r.handler?.name ?? '' },
        ]}
      />
      {creating && <NewRequestModal onClose={() => setCreating(false)} />}
      {settings && <DeadlineSettingsModal onClose={() => setSettings(false)} />}
    </div>
  );
}
