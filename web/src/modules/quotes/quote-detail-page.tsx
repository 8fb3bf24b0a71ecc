import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Drawer, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useMe } from '#shared/auth/session';
import { can, canOnRecord } from '#shared/auth/permissions';
import { ApprovalPanel } from '#modules/approvals';
import { Timeline } from '#modules/activities';
import type { CrmRecord } from '#shared/api/types';
import { formatDate } from '#shared/format/format';
import { CustomFieldFacts } from '#shared/records/detail/custom-field-facts';
import { PageSpinner } from '#shared/ui/page-spinner';
import { QuoteEditor } from './quote-editor';
import { QuoteEmailDialog } from './quote-email-dialog';
import { QuoteLinesTable } from './quote-lines-table';
import { quoteObject } from './quote-object';
import { type Quote, quoteKeys, quotesApi, STATUS_COLOR } from './quotes-api';

/** One quote version: its server-computed lines and totals, its status actions, approval and the other versions. */
export function QuoteDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const quote = useQuery({ queryKey: quoteKeys.one(id), queryFn: () => quotesApi.get(id) });
  const family = useQuery({
    queryKey: quoteKeys.family(quote.data?.familyId ?? ''),
    queryFn: () => quotesApi.family(quote.data?.familyId ?? ''),
    enabled: !!quote.data,
  });
  const [editing, setEditing] = useState(false);
  const [emailing, setEmailing] = useState(false);
  if (quote.isPending) return <PageSpinner />;
  if (quote.isError) return <Alert type="error" message={quote.error.message} />;
  const q = quote.data;
  const lang = i18n.language.startsWith('en') ? 'en' : 'zh-CN';
  const mayEdit = canOnRecord(me, 'quote', 'update', q.ownerId);
  const refresh = () => qc.invalidateQueries({ queryKey: quoteKeys.all });
  const act = async (run: () => Promise<Quote | { quote: Quote }>, done: string) => {
    try {
      const result = await run();
      const next = 'quote' in result ? result.quote : result;
      message.success(t(done, { status: t(`quotes.status.${next.status}`) }));
      await refresh();
      if (next.id !== q.id) navigate(`/quotes/${next.id}`);
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  return (
    <div data-testid="quote-detail">
      <Card style={{ marginBottom: 16 }}>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap align="start">
          <div>
            <Link to="/quotes">{t('nav.quotes')}</Link>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {q.number} <Typography.Text type="secondary">v{q.revision}</Typography.Text>{' '}
              <Tag color={STATUS_COLOR[q.status]} data-testid="quote-status">
                {t(`quotes.status.${q.status}`)}
              </Tag>
              {!q.latest && <Tag>{t('quotes.superseded')}</Tag>}
            </Typography.Title>
            <Typography.Text>{q.name}</Typography.Text>
            <div>
              <Typography.Text type="secondary">
                {q.deal && (
                  <>
                    {t('quotes.fields.deal')}: <Link to={`/deals/${q.deal.id}`}>{q.deal.name}</Link> ·{' '}
                  </>
                )}
                {q.company && (
                  <>
                    {t('quotes.fields.company')}: <Link to={`/companies/${q.company.id}`}>{q.company.name}</Link> ·{' '}
                  </>
                )}
                {q.priceBook && `${t('quotes.fields.priceBook')}: ${q.priceBook.name} · `}
                {t('quotes.fields.validUntil')}: {formatDate(q.validUntil, i18n.language) || '—'} · {q.owner?.name}
              </Typography.Text>
            </div>
            <CustomFieldFacts def={quoteObject} record={q as unknown as CrmRecord} />
          </div>
          <Space wrap direction="vertical" align="end">
            <Space wrap>
              <Button href={quotesApi.pdfUrl(q.id, lang)} target="_blank" data-testid="quote-pdf">
                {t('quotes.actions.pdf')}
              </Button>
              <Button type="link" href={quotesApi.pdfUrl(q.id, lang === 'en' ? 'zh-CN' : 'en')} target="_blank">
                {t('quotes.actions.pdfOther')}
              </Button>
              {mayEdit && (q.status === 'approved' || q.status === 'sent') && (
                <Button onClick={() => setEmailing(true)} data-testid="quote-email">
                  {t('quotes.actions.email')}
                </Button>
              )}
              {q.status === 'accepted' && can(me, 'order', 'create') && (
                <Button
                  type="primary"
                  data-testid="quote-create-order"
                  onClick={async () => {
                    try {
                      const order = await quotesApi.createOrder(q.id);
                      message.success(t('quotes.actions.orderCreated', { number: order.number }));
                      navigate(`/orders/${order.id}`);
                    } catch (e) {
                      message.error((e as Error).message);
                    }
                  }}
                >
                  {t('quotes.actions.createOrder')}
                </Button>
              )}
            </Space>
            {mayEdit && q.latest && (
              <Space wrap>
                {q.status === 'draft' && (
                  <>
                    <Button onClick={() => setEditing(true)} data-testid="quote-edit">
                      {t('quotes.actions.edit')}
                    </Button>
                    <Button type="primary" onClick={() => void act(() => quotesApi.submit(q.id), 'quotes.done.submitted')} data-testid="quote-submit">
                      {t('quotes.actions.submit')}
                    </Button>
                  </>
                )}
                {q.status === 'approved' && (
                  <Button type="primary" onClick={() => void act(() => quotesApi.send(q.id), 'quotes.done.sent')} data-testid="quote-send">
                    {t('quotes.actions.send')}
                  </Button>
                )}
                {q.status === 'sent' && (
                  <>
                    <Button type="primary" onClick={() => void act(() => quotesApi.decide(q.id, 'accepted'), 'quotes.done.decided')} data-testid="quote-accept">
                      {t('quotes.actions.accept')}
                    </Button>
                    <Button danger onClick={() => void act(() => quotesApi.decide(q.id, 'rejected'), 'quotes.done.decided')}>
                      {t('quotes.actions.reject')}
                    </Button>
                  </>
                )}
                {q.status !== 'draft' && q.status !== 'in_approval' && can(me, 'quote', 'create') && (
                  <Button onClick={() => void act(() => quotesApi.revise(q.id), 'quotes.done.revised')} data-testid="quote-revise">
                    {t('quotes.actions.revise')}
                  </Button>
                )}
                {canOnRecord(me, 'quote', 'delete', q.ownerId) && (
                  <Popconfirm
                    title={t('quotes.actions.deleteConfirm')}
                    onConfirm={async () => {
                      await quotesApi.remove(q.id);
                      await refresh();
                      navigate('/quotes');
                    }}
                  >
                    <Button danger type="text">
                      {t('common.delete')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            )}
          </Space>
        </Space>
        {q.status !== 'draft' && q.status !== 'in_approval' && q.latest && (
          <Alert type="info" showIcon style={{ marginTop: 12 }} message={t('quotes.lockedHint')} data-testid="quote-locked" />
        )}
      </Card>
      {/* Only while waiting: the quote's own Submit starts approvals, the panel's would offer it on any status. */}
      {q.status === 'in_approval' && <ApprovalPanel object="quote" recordId={q.id} onChanged={() => void refresh()} />}
      <Card title={t('quotes.fields.lines')} style={{ marginBottom: 16 }}>
        <QuoteLinesTable quote={q} />
        {q.terms && <Typography.Paragraph style={{ marginTop: 16, whiteSpace: 'pre-wrap' }}>{q.terms}</Typography.Paragraph>}
      </Card>
      {(family.data?.length ?? 0) > 1 && (
        <Card title={t('quotes.versions')} size="small">
          <Space direction="vertical">
            {family.data?.map((v) => (
              <Space key={v.id}>
                {v.id === q.id ? <strong>v{v.revision}</strong> : <Link to={`/quotes/${v.id}`}>v{v.revision}</Link>}
                <Tag color={STATUS_COLOR[v.status]}>{t(`quotes.status.${v.status}`)}</Tag>
                {formatDate(v.createdAt, i18n.language)}
              </Space>
            ))}
          </Space>
        </Card>
      )}
      <Card title={t('detail.history')} size="small" style={{ marginTop: 16 }} data-testid="quote-history">
        <Timeline object="quotes" id={q.id} fields={quoteObject.fields} only="change" />
      </Card>
      <QuoteEmailDialog
        quote={q}
        open={emailing}
        onClose={() => setEmailing(false)}
        onSent={(sent) => {
          setEmailing(false);
          qc.setQueryData(quoteKeys.one(q.id), sent);
          void refresh();
        }}
      />
      <Drawer open={editing} onClose={() => setEditing(false)} title={t('quotes.actions.edit')} size="large" destroyOnHidden>
        <QuoteEditor
          quote={q}
          submitLabel={t('common.save')}
          onCancel={() => setEditing(false)}
          onSubmit={async (body) => {
            qc.setQueryData(quoteKeys.one(q.id), await quotesApi.update(q.id, body, q.version));
            message.success(t('common.saved'));
            setEditing(false);
            await refresh();
          }}
        />
      </Drawer>
    </div>
  );
}
