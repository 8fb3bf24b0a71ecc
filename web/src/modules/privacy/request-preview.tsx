import { useQuery } from '@tanstack/react-query';
import { Alert, Card, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type PrivacyRequest, REQUESTS_KEY, requestsApi, type SubjectPreview } from './privacy-requests-api';

/** Where the person is found: their own records (exported or erased) and the business records pointing at them (kept). */
export function RequestPreview({ request }: { request: PrivacyRequest }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.toLowerCase().startsWith('zh');
  const { data, isPending } = useQuery({
    queryKey: [...REQUESTS_KEY, request.id, 'preview', request.version],
    queryFn: () => requestsApi.preview(request.id),
  });
  const fieldLabel = (f: string) => (f.startsWith('custom.') ? f.slice(7) : t(`fields.${f}`, { defaultValue: f }));
  return (
    <Card title={t('privacyRequests.preview')} loading={isPending} data-testid="request-preview">
      <Typography.Paragraph type="secondary">{t('privacyRequests.previewHint')}</Typography.Paragraph>
      {data?.isUser && <Alert type="error" showIcon message={t('privacyRequests.isUser')} style={{ marginBottom: 12 }} data-testid="preview-is-user" />}
      {data?.suppressed && <Alert type="info" showIcon message={t('privacyRequests.suppressed')} style={{ marginBottom: 12 }} />}
      <List<SubjectPreview['objects'][number]>
        dataSource={data?.objects ?? []}
        locale={{ emptyText: t('privacyRequests.notFound') }}
        renderItem={(o) => (
          <List.Item data-testid={`preview-${o.object}-${o.role}`}>
            <List.Item.Meta
              title={
                <Space wrap>
                  <span>{zh ? o.label.zh : o.label.en}</span>
                  <Tag color={o.role === 'subject' ? 'red' : 'default'}>
                    {t(o.role === 'subject' ? 'privacyRequests.roleSubject' : 'privacyRequests.roleRelated')}
                  </Tag>
                  <Typography.Text type="secondary">{t('privacyRequests.records', { count: o.records.length })}</Typography.Text>
                </Space>
              }
              description={
                <Space direction="vertical" size={4}>
                  <span>{o.records.map((r) => r.name ?? r.id.slice(-8)).join(zh ? '、' : ', ')}</span>
                  {o.fields.length > 0 && (
                    <Space size={[4, 4]} wrap>
                      <Typography.Text type="secondary">{t('privacyRequests.fields')}:</Typography.Text>
                      {o.fields.map((f) => (
                        <Tag key={f}>{fieldLabel(f)}</Tag>
                      ))}
                    </Space>
                  )}
                </Space>
              }
            />
          </List.Item>
        )}
      />
      {data && data.objects.length > 0 && <Typography.Text type="secondary">{t('privacyRequests.auditEntries', { count: data.auditEntries })}</Typography.Text>}
    </Card>
  );
}
