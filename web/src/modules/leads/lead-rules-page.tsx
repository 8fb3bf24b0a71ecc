import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Switch, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '#shared/api/problem';
import { fieldLabel } from '#shared/fields/field-label';
import './messages';
import { leadObject } from './lead-object';
import { type DedupKind, type DedupRule, type FieldMapping, leadsApi } from './leads-api';

const LEAD_FIELDS = [
  'name',
  'title',
  'emails',
  'phones',
  'companyName',
  'industry',
  'region',
  'province',
  'city',
  'companySize',
  'source',
  'description',
  'tags',
];
const TARGETS = ['name', 'title', 'department', 'industry', 'emails', 'phones', 'source', 'description', 'tags', 'address.province', 'address.city'];
/** The catalog key of a contact's or company's field named in a mapping (custom.<key> fields are shown as typed). */
const targetLabelKey = (key: string) => (key.startsWith('address.') ? `fields.addressParts.${key.slice(8)}` : `fields.${key}`);
// A record over the server's kinds: a kind added there fails the web build until it is listed here.
const KINDS: Record<DedupKind, true> = { email: true, phone: true, company_name: true, fuzzy_name: true };
const ALL_KINDS = Object.keys(KINDS) as DedupKind[];

/** Duplicate rules, the conversion field mapping (custom fields as custom.<key>) and the opt-in mail server. */
export function LeadRulesPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['lead-settings'], queryFn: leadsApi.settings });
  // Fields by their labels in the user's language, not their API keys.
  const fromLabel = (key: string) => {
    const f = leadObject.fields.find((d) => d.key === key);
    return f ? fieldLabel(f, t, i18n.language) : key;
  };
  const toLabel = (key: string) => (TARGETS.includes(key) ? t(targetLabelKey(key)) : key);
  const [rules, setRules] = useState<DedupRule[]>([]);
  const [mapping, setMapping] = useState<FieldMapping[]>([]);
  const [mail, setMail] = useState<{ smtpUrl?: string; from?: string }>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!q.data) return;
    setRules(ALL_KINDS.map((kind) => q.data.dedupRules.find((r) => r.kind === kind) ?? { kind, action: 'warn', enabled: false }));
    setMapping(q.data.conversionMapping);
    setMail({ from: q.data.mail.from ?? '' });
  }, [q.data]);
  if (!q.data) return <Card loading />;
  const version = q.data.version;

  const save = async () => {
    setBusy(true);
    try {
      await leadsApi.saveSettings(
        { dedupRules: rules, conversionMapping: mapping, mail: { ...(mail.smtpUrl ? { smtpUrl: mail.smtpUrl } : {}), from: mail.from || null } },
        version,
      );
      await qc.invalidateQueries({ queryKey: ['lead-settings'] });
      message.success(t('leads.settings.saved'));
    } catch (e) {
      message.error(isApiError(e) ? e.fieldErrors.map((f) => `${f.field}: ${f.message}`).join('; ') || e.detail || e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const setRule = (i: number, patch: Partial<DedupRule>) => setRules(rules.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const setMap = (i: number, patch: Partial<FieldMapping>) => setMapping(mapping.map((m, j) => (j === i ? { ...m, ...patch } : m)));

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('leads.settings.dedup')} data-testid="dedup-rules">
        <Typography.Paragraph type="secondary">{t('leads.settings.dedupHelp')}</Typography.Paragraph>
        <Table<DedupRule>
          rowKey="kind"
          pagination={false}
          dataSource={rules}
          scroll={{ x: 420 }}
          columns={[
            { key: 'kind', title: t('leads.settings.rule'), render: (_, r) => t(`leads.rules.${r.kind}`) },
            {
              key: 'action',
              title: t('leads.settings.action'),
              render: (_, r, i) => (
                <Select
                  value={r.action}
                  style={{ width: 100 }}
                  onChange={(action) => setRule(i, { action })}
                  options={(['block', 'warn', 'merge'] as const).map((a) => ({ value: a, label: t(`leads.actions.${a}`) }))}
                  data-testid={`rule-action-${r.kind}`}
                />
              ),
            },
            {
              key: 'threshold',
              title: t('leads.settings.threshold'),
              render: (_, r, i) =>
                r.kind === 'fuzzy_name' ? (
                  <InputNumber min={0.3} max={1} step={0.05} value={r.threshold ?? 0.6} onChange={(v) => setRule(i, { threshold: v ?? 0.6 })} />
                ) : (
                  '—'
                ),
            },
            {
              key: 'enabled',
              title: t('leads.settings.enabled'),
              render: (_, r, i) => <Switch checked={r.enabled} onChange={(enabled) => setRule(i, { enabled })} />,
            },
          ]}
        />
      </Card>
      <Card title={t('leads.settings.mapping')}>
        {mapping.map((m, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: mapping rows have no identity of their own; the list only grows at the end or drops a row
          <Space key={`${i}-${m.from}`} wrap style={{ display: 'flex', marginBottom: 8 }}>
            <Select
              style={{ width: 150 }}
              value={m.from}
              onChange={(from) => setMap(i, { from })}
              options={LEAD_FIELDS.map((f) => ({ value: f, label: fromLabel(f) }))}
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="mapping-from"
            />
            →
            <Select
              style={{ width: 110 }}
              value={m.target}
              onChange={(target) => setMap(i, { target })}
              options={(['contact', 'company'] as const).map((o) => ({ value: o, label: t(`leads.objects.${o}`) }))}
            />
            <Select
              style={{ width: 170 }}
              value={m.to}
              onChange={(to) => setMap(i, { to })}
              options={TARGETS.map((f) => ({ value: f, label: toLabel(f) }))}
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="mapping-to"
            />
            <Button icon={<DeleteOutlined />} onClick={() => setMapping(mapping.filter((_, j) => j !== i))} aria-label={t('leads.settings.delete')} />
          </Space>
        ))}
        <Button icon={<PlusOutlined />} onClick={() => setMapping([...mapping, { from: 'title', target: 'contact', to: 'title' }])}>
          {t('leads.settings.addMapping')}
        </Button>
      </Card>
      <Card title={t('leads.settings.mail')}>
        {q.data.mail.smtpConfigured && <Alert type="success" showIcon style={{ marginBottom: 12 }} message={t('leads.settings.smtpConfigured')} />}
        {q.data.mail.envSmtp && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('leads.settings.envSmtp')} />}
        <Form layout="vertical">
          <Form.Item label={t('leads.settings.smtpUrl')} extra={t('leads.settings.smtpHelp')}>
            <Input.Password value={mail.smtpUrl ?? ''} onChange={(e) => setMail({ ...mail, smtpUrl: e.target.value })} autoComplete="off" />
          </Form.Item>
          <Form.Item label={t('leads.settings.mailFrom')}>
            <Input value={mail.from ?? ''} onChange={(e) => setMail({ ...mail, from: e.target.value })} placeholder="Kehu <crm@example.com>" />
          </Form.Item>
        </Form>
      </Card>
      <Button type="primary" loading={busy} onClick={() => void save()} data-testid="lead-rules-save">
        {t('leads.settings.save')}
      </Button>
    </Space>
  );
}
