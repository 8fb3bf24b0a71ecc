import { LockOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, type ButtonProps, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LookupSelect } from '#shared/fields/inputs/lookup-select';
import { formatDateTime } from '#shared/format/format';
import { HOLD_OBJECTS, HOLDS_KEY, type LegalHold, type PlaceHold, holdsApi } from './holds-api';
import { REQUESTS_KEY } from './privacy-requests-api';

/** Places a hold on a contact or company (`target` unset) or on a request's subject (`requestId`), with a reason. */
export function PlaceHoldModal({ requestId, onClose }: { requestId?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PlaceHold>();
  const object = Form.useWatch('object', form) ?? 'contact';
  const place = useMutation({
    mutationFn: (v: PlaceHold) => holdsApi.place(requestId ? { requestId, reason: v.reason } : v),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: HOLDS_KEY });
      void queryClient.invalidateQueries({ queryKey: REQUESTS_KEY });
      message.success(t('legalHolds.placed'));
      onClose();
    },
    onError: (e) => message.error(e.message),
  });
  return (
    <Modal
      open
      title={t('legalHolds.place')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={place.isPending}
      okButtonProps={{ 'data-testid': 'hold-save' } as ButtonProps}
    >
      <Form form={form} layout="vertical" initialValues={{ object: 'contact' }} onFinish={(v) => place.mutate(v)}>
        {!requestId && (
          <>
            <Form.Item name="object" label={t('legalHolds.object')} rules={[{ required: true }]}>
              <Select
                data-testid="hold-object"
                options={HOLD_OBJECTS.map((o) => ({ value: o, label: t(`legalHolds.objects.${o}`) }))}
                onChange={() => form.setFieldValue('recordId', undefined)}
              />
            </Form.Item>
            <Form.Item
              name="recordId"
              className="hold-record"
              label={t('legalHolds.record')}
              rules={[{ required: true, message: t('legalHolds.recordRequired') }]}
            >
              <LookupSelect key={object} target={object} />
            </Form.Item>
          </>
        )}
        {requestId && <Typography.Paragraph>{t('legalHolds.requestHint')}</Typography.Paragraph>}
        <Form.Item name="reason" label={t('legalHolds.reason')} rules={[{ required: true, whitespace: true, message: t('legalHolds.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="hold-reason" placeholder={t('legalHolds.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Asks for an optional reason, then releases the hold. */
export function useReleaseHold() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  return (hold: LegalHold) => {
    let reason = '';
    modal.confirm({
      title: t('legalHolds.releaseTitle'),
      content: (
        <Input.TextArea rows={2} placeholder={t('legalHolds.releaseReason')} onChange={(e) => (reason = e.target.value)} data-testid="hold-release-reason" />
      ),
      okText: t('legalHolds.release'),
      okButtonProps: { 'data-testid': 'hold-release-ok' } as ButtonProps,
      onOk: async () => {
        try {
          await holdsApi.release(hold.id, reason.trim() || undefined);
          message.success(t('legalHolds.released'));
        } catch (e) {
          message.error((e as Error).message);
        }
        void queryClient.invalidateQueries({ queryKey: HOLDS_KEY });
        void queryClient.invalidateQueries({ queryKey: REQUESTS_KEY });
      },
    });
  };
}

/** What a hold keeps: the record, or the request's subject. */
export function HoldTarget({ hold }: { hold: LegalHold }) {
  const { t } = useTranslation();
  if (hold.requestId)
    return (
      <Link to={`/settings/privacy-requests/${hold.requestId}`}>
        {t('legalHolds.requestSubject')} · {hold.recordName ?? ''}
      </Link>
    );
  const path = hold.object === 'company' ? 'companies' : 'contacts';
  return (
    <Link to={`/${path}/${hold.recordId}`}>
      {t(`legalHolds.objects.${hold.object}`)} · {hold.recordName ?? ''}
    </Link>
  );
}

/** Settings > Legal holds: what erasure and retention must leave alone, placed and released by privacy admins. */
export function LegalHoldsPage() {
  const { t, i18n } = useTranslation();
  const [placing, setPlacing] = useState(false);
  const release = useReleaseHold();
  const { data, isPending } = useQuery({ queryKey: [...HOLDS_KEY, 'all'], queryFn: () => holdsApi.list() });
  return (
    <div data-testid="legal-holds-page">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
        <div>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            <LockOutlined /> {t('legalHolds.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('legalHolds.intro')}</Typography.Paragraph>
        </div>
        <Button type="primary" onClick={() => setPlacing(true)} data-testid="hold-new">
          {t('legalHolds.place')}
        </Button>
      </Space>
      <Table<LegalHold>
        rowKey="id"
        size="small"
        loading={isPending}
        dataSource={data ?? []}
        pagination={false}
        scroll={{ x: 800 }}
        data-testid="holds-table"
        columns={[
          { title: t('legalHolds.target'), key: 'target', render: (_, h) => <HoldTarget hold={h} /> },
          { title: t('legalHolds.reason'), dataIndex: 'reason', key: 'reason' },
          {
            title: t('legalHolds.status'),
            key: 'status',
            width: 110,
            render: (_, h) => (h.active ? <Tag color="volcano">{t('legalHolds.active')}</Tag> : <Tag>{t('legalHolds.releasedTag')}</Tag>),
          },
          {
            title: t('legalHolds.placedAt'),
            key: 'placed',
            width: 200,
            render: (_, h) => `${formatDateTime(h.placedAt, i18n.language)} · ${h.placedBy?.name ?? ''}`,
          },
          {
            title: t('legalHolds.releasedAt'),
            key: 'released',
            width: 220,
            render: (_, h) =>
              h.releasedAt
                ? `${formatDateTime(h.releasedAt, i18n.language)} · ${h.releasedBy?.name ?? ''}${h.releaseReason ? ` (${h.releaseReason})` : ''}`
                : '',
          },
          {
            key: 'actions',
            width: 90,
            render: (_, h) =>
              h.active && (
                <Button size="small" onClick={() => release(h)} data-testid={`hold-release-${h.id}`}>
                  {t('legalHolds.release')}
                </Button>
              ),
          },
        ]}
      />
      {placing && <PlaceHoldModal onClose={() => setPlacing(false)} />}
    </div>
  );
}
