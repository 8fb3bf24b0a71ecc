import { ArrowLeftOutlined, DeleteOutlined, DownloadOutlined, ExportOutlined, SafetyCertificateOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, type ButtonProps, Card, Checkbox, Descriptions, Form, Input, InputNumber, Modal, Space, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '#shared/format/format';
import { DueTag, StatusTag, subjectLabel } from './privacy-requests-page';
import { type PrivacyRequest, REQUESTS_KEY, requestsApi } from './privacy-requests-api';
import { RequestPreview } from './request-preview';
import { HOLDS_KEY, holdsApi } from './holds-api';
import { PlaceHoldModal, useReleaseHold } from './legal-holds-page';

function ExtendModal({ request, onClose }: { request: PrivacyRequest; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ days: number; reason: string }>();
  const extend = useMutation({
    mutationFn: (v: { days: number; reason: string }) => requestsApi.extend(request.id, v),
    onSuccess: (r) => {
      queryClient.setQueryData([...REQUESTS_KEY, request.id], r);
      void queryClient.invalidateQueries({ queryKey: REQUESTS_KEY });
      message.success(t('privacyRequests.extended'));
      onClose();
    },
    onError: (e) => message.error(e.message),
  });
  return (
    <Modal
      open
      title={t('privacyRequests.extendTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={extend.isPending}
      okButtonProps={{ 'data-testid': 'extend-ok' } as ButtonProps}
    >
      <Typography.Paragraph type="secondary">{t('privacyRequests.extendHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ days: 30 }} onFinish={(v) => extend.mutate(v)}>
        <Form.Item name="days" label={t('privacyRequests.extendDays')} rules={[{ required: true }]}>
          <InputNumber min={1} max={60} data-testid="extend-days" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('privacyRequests.extendReason')}
          rules={[{ required: true, whitespace: true, message: t('privacyRequests.extendReasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} data-testid="extend-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The request's active legal holds (its own, and its subject's records'), each releasable. */
function HoldsAlert({ request }: { request: PrivacyRequest }) {
  const { t } = useTranslation();
  const release = useReleaseHold();
  const { data } = useQuery({ queryKey: [...HOLDS_KEY, 'request', request.id], queryFn: () => holdsApi.list({ requestId: request.id, active: true }) });
  if (!data?.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="request-holds"
      message={t('legalHolds.onHold')}
      description={
        <Space direction="vertical" size={2}>
          {data.map((h) => (
            <Space key={h.id}>
              <span>{h.reason}</span>
              <Button size="small" onClick={() => release(h)} data-testid={`hold-release-${h.id}`}>
                {t('legalHolds.release')}
              </Button>
            </Space>
          ))}
        </Space>
      }
    />
  );
}

const OPEN = new Set(['received', 'verified']);
const sizeOf = (bytes: number) => (bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`);

function EraseModal({ request, onClose }: { request: PrivacyRequest; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [sure, setSure] = useState(false);
  const erase = useMutation({
    mutationFn: () => requestsApi.erase(request.id),
    onSuccess: (r) => {
      queryClient.setQueryData([...REQUESTS_KEY, request.id], r);
      void queryClient.invalidateQueries({ queryKey: REQUESTS_KEY });
      message.success(t('privacyRequests.erased'));
      onClose();
    },
    onError: (e) => {
      // A refusal (legal hold) is kept on the request: show it there too.
      void queryClient.invalidateQueries({ queryKey: REQUESTS_KEY });
      message.error(e.message);
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t('privacyRequests.eraseTitle')}
      onCancel={onClose}
      onOk={() => erase.mutate()}
      okText={t('privacyRequests.eraseOk')}
      okButtonProps={{ danger: true, disabled: !sure, loading: erase.isPending, 'data-testid': 'erase-ok' } as ButtonProps}
    >
      <Typography.Paragraph>{t('privacyRequests.eraseBody')}</Typography.Paragraph>
      <Checkbox checked={sure} onChange={(e) => setSure(e.target.checked)} data-testid="erase-sure">
        {t('privacyRequests.eraseConfirm')}
      </Checkbox>
    </Modal>
  );
}

type Count = { object: string; label: { zh: string; en: string }; count: number };

/** Counts per object from the outcome, as `联系人 1、商机 1`. */
function Outcome({ result }: { result: Record<string, unknown> }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.toLowerCase().startsWith('zh');
  const items = (v: unknown) => ((v ?? []) as Count[]).map((c) => `${zh ? c.label.zh : c.label.en} ${c.count}`).join(zh ? '、' : ', ') || '—';
  return (
    <Space direction="vertical" size={2} data-testid="request-result">
      {'refused' in result && (
        <Alert type="error" showIcon data-testid="request-refused" message={(result.message as { zh: string; en: string })[zh ? 'zh' : 'en']} />
      )}
      {'erased' in result && <span>{t('privacyRequests.resultErased', { items: items(result.erased) })}</span>}
      {'kept' in result && <span>{t('privacyRequests.resultKept', { items: items(result.kept) })}</span>}
      {'exported' in result && <span>{t('privacyRequests.resultExported', { items: items(result.exported) })}</span>}
      {'suppressed' in result && <span>{t('privacyRequests.resultSuppressed', { count: Number(result.suppressed) })}</span>}
    </Space>
  );
}

function Actions({ request }: { request: PrivacyRequest }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [erasing, setErasing] = useState(false);
  const [extending, setExtending] = useState(false);
  const [holding, setHolding] = useState(false);
  const step = useMutation({
    mutationFn: (run: () => Promise<PrivacyRequest>) => run(),
    onSuccess: (r) => {
      queryClient.setQueryData([...REQUESTS_KEY, request.id], r);
      void queryClient.invalidateQueries({ queryKey: REQUESTS_KEY });
    },
    onError: (e) => message.error(e.message),
  });
  const open = OPEN.has(request.status);
  const verified = request.status === 'verified';
  const reject = () => {
    let reason = '';
    modal.confirm({
      title: t('privacyRequests.reject'),
      content: <Input.TextArea rows={3} placeholder={t('privacyRequests.rejectReason')} onChange={(e) => (reason = e.target.value)} />,
      onOk: () => step.mutateAsync(() => requestsApi.update(request, { status: 'rejected', note: [request.note, reason].filter(Boolean).join('\n') || null })),
    });
  };
  return (
    <Space wrap>
      {request.status === 'received' && (
        <Button
          type="primary"
          icon={<SafetyCertificateOutlined />}
          onClick={() => step.mutate(() => requestsApi.verify(request.id))}
          data-testid="request-verify"
        >
          {t('privacyRequests.verify')}
        </Button>
      )}
      {open && request.kind === 'access' && (
        <Button
          type="primary"
          disabled={!verified}
          icon={<ExportOutlined />}
          loading={step.isPending}
          onClick={() => step.mutate(() => requestsApi.buildExport(request.id))}
          data-testid="request-export"
        >
          {t('privacyRequests.buildExport')}
        </Button>
      )}
      {open && request.kind === 'erasure' && (
        <Button danger type="primary" disabled={!verified} icon={<DeleteOutlined />} onClick={() => setErasing(true)} data-testid="request-erase">
          {t('privacyRequests.erase')}
        </Button>
      )}
      {open && request.kind === 'objection' && (
        <Button
          type="primary"
          disabled={!verified}
          icon={<StopOutlined />}
          onClick={() => step.mutate(() => requestsApi.optOut(request.id))}
          data-testid="request-opt-out"
        >
          {t('privacyRequests.optOut')}
        </Button>
      )}
      {open && (request.kind === 'correction' || request.kind === 'restriction') && (
        <Button
          type="primary"
          disabled={!verified}
          onClick={() => step.mutate(() => requestsApi.update(request, { status: 'completed' }))}
          data-testid="request-complete"
        >
          {t('privacyRequests.complete')}
        </Button>
      )}
      {open && !request.extension && (
        <Button onClick={() => setExtending(true)} data-testid="request-extend">
          {t('privacyRequests.extend')}
        </Button>
      )}
      {open && (
        <Button onClick={() => setHolding(true)} data-testid="request-hold">
          {t('legalHolds.place')}
        </Button>
      )}
      {open && (
        <Button onClick={reject} data-testid="request-reject">
          {t('privacyRequests.reject')}
        </Button>
      )}
      {erasing && <EraseModal request={request} onClose={() => setErasing(false)} />}
      {extending && <ExtendModal request={request} onClose={() => setExtending(false)} />}
      {holding && <PlaceHoldModal requestId={request.id} onClose={() => setHolding(false)} />}
    </Space>
  );
}

/** Settings > Privacy requests > one request: its steps, the data concerned, the export and the erasure. */
export function PrivacyRequestPage() {
  const { t, i18n } = useTranslation();
  const id = useParams().id ?? '';
  const { data: request, isError, error } = useQuery({ queryKey: [...REQUESTS_KEY, id], queryFn: () => requestsApi.get(id) });
  if (isError) return <Alert type="error" message={error.message} />;
  if (!request) return null;
  const current = request.status === 'received' ? 1 : request.status === 'verified' ? 2 : 3;
  const exp = request.export;
  return (
    <div data-testid="privacy-request-page">
      <Link to="/settings/privacy-requests">
        <ArrowLeftOutlined /> {t('privacyRequests.back')}
      </Link>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginTop: 8 }} align="start" wrap>
        <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="request-title">
          {t(`privacyRequests.kinds.${request.kind}`)} · {subjectLabel(request)}
        </Typography.Title>
        <Actions request={request} />
      </Space>
      <Steps
        size="small"
        current={current}
        status={request.status === 'rejected' ? 'error' : undefined}
        style={{ margin: '12px 0 20px' }}
        items={[{ title: t('privacyRequests.steps.received') }, { title: t('privacyRequests.steps.verified') }, { title: t('privacyRequests.steps.done') }]}
      />
      {request.status === 'received' && <Alert type="warning" showIcon message={t('privacyRequests.verifyHint')} style={{ marginBottom: 16 }} />}
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {OPEN.has(request.status) && <HoldsAlert request={request} />}
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} data-testid="request-facts">
            <Descriptions.Item label={t('privacyRequests.status')}>
              <span data-testid="request-status">
                <StatusTag status={request.status} />
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('privacyRequests.due')}>
              <DueTag request={request} />
            </Descriptions.Item>
            <Descriptions.Item label={t('privacyRequests.law')}>{t(`privacyRequests.laws.${request.law}`)}</Descriptions.Item>
            <Descriptions.Item label={t('privacyRequests.received')}>{formatDateTime(request.receivedAt, i18n.language)}</Descriptions.Item>
            <Descriptions.Item label={t('privacyRequests.channel')}>{t(`privacyRequests.channels.${request.channel}`)}</Descriptions.Item>
            <Descriptions.Item label={t('privacyRequests.handler')}>{request.handler?.name ?? '—'}</Descriptions.Item>
            {request.verifiedAt && (
              <Descriptions.Item label={t('privacyRequests.verifiedBy')}>
                {request.verifiedBy?.name} · {formatDateTime(request.verifiedAt, i18n.language)}
              </Descriptions.Item>
            )}
            {request.completedAt && (
              <Descriptions.Item label={t('privacyRequests.completedAt')}>{formatDateTime(request.completedAt, i18n.language)}</Descriptions.Item>
            )}
            {request.extension && (
              <Descriptions.Item label={t('privacyRequests.extension')}>
                <span data-testid="request-extension">
                  {formatDateTime(request.extension.at, i18n.language)} · {request.extension.reason}
                </span>
              </Descriptions.Item>
            )}
            {request.note && <Descriptions.Item label={t('privacyRequests.note')}>{request.note}</Descriptions.Item>}
          </Descriptions>
        </Card>
        {exp && (
          <Alert
            type={exp.downloadedAt ? 'info' : 'success'}
            showIcon
            data-testid="request-export-ready"
            message={
              exp.downloadedAt
                ? t('privacyRequests.downloaded', { at: formatDateTime(exp.downloadedAt, i18n.language) })
                : t('privacyRequests.exportReady', { size: sizeOf(exp.size) })
            }
            action={
              !exp.downloadedAt && (
                <Button type="primary" icon={<DownloadOutlined />} href={requestsApi.downloadUrl(request.id)} download data-testid="request-download">
                  {t('privacyRequests.download')}
                </Button>
              )
            }
          />
        )}
        {request.result && (
          <Card size="small" title={t('privacyRequests.result')}>
            <Outcome result={request.result} />
          </Card>
        )}
        {(OPEN.has(request.status) || request.kind !== 'erasure') && <RequestPreview request={request} />}
      </Space>
    </div>
  );
}
