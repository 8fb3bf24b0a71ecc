// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { mockFetch, renderApp } from '../../test/render';
import './messages';
import { ContractDetailPage } from './contract-detail-page';

const contract = {
  id: 'c1',
  number: 'HT-0001',
  name: '年度订阅',
  companyId: null,
  company: null,
  contactId: null,
  dealId: null,
  signingParty: null,
  amount: '120000.00',
  currency: 'CNY',
  startsOn: null,
  endsOn: null,
  signedOn: null,
  status: 'draft',
  receivedAmount: '0.00',
  creditAmount: '0.00',
  invoicedAmount: '0.00',
  terminatedReason: null,
  renewalDealId: null,
  version: 1,
};
const instalment = (id: string, dueOn: string, status: string) => ({
  id,
  name: dueOn,
  dueOn,
  amount: '60000.00',
  paidAmount: '0.00',
  currency: 'CNY',
  status,
  version: 1,
});
const invoice = {
  id: 'i1',
  number: 'FP-1',
  amount: '1000.00',
  taxRate: '13',
  taxAmount: '130.00',
  total: '1130.00',
  currency: 'CNY',
  invoiceType: 'vat_normal',
  status: 'requested',
  issuedOn: null,
  buyerTaxId: null,
};

type Call = { url: URL; init: RequestInit };
const posted = (calls: Call[], path: string) => calls.filter((c) => c.init.method === 'POST' && c.url.pathname === `/api/v1${path}`);
const gets = (calls: Call[], path: string) => calls.filter((c) => (c.init.method ?? 'GET') === 'GET' && c.url.pathname === `/api/v1${path}`);

function serve(over: Record<string, unknown> = {}) {
  return mockFetch((url) => {
    switch (url.pathname) {
      case '/api/v1/contracts/c1':
        return { body: { ...contract, ...over } };
      case '/api/v1/files':
        return { body: { data: [{ id: 'f1', name: '扫描件.pdf', contentType: 'application/pdf', size: 2048, createdAt: '2026-12-01T00:00:00Z' }] } };
      case '/api/v1/instalments':
        return { body: { data: [instalment('p1', '2026-01-31', 'paid'), instalment('p2', '2026-06-30', 'pending')] } };
      case '/api/v1/payments':
        return { body: { data: [] } };
      case '/api/v1/invoices':
        return { body: { data: [invoice] } };
      case '/api/v1/invoices/i1/issue':
        return { body: { ...invoice, status: 'issued' } };
      default:
        return url.pathname.startsWith('/api/v1/') ? { status: 201, body: {} } : undefined;
    }
  });
}

const renderPage = () =>
  renderApp(
    <Routes>
      <Route path="/contracts/:id" element={<ContractDetailPage />} />
    </Routes>,
    { route: '/contracts/c1' },
  );

// fireEvent rather than userEvent: antd in jsdom is slow enough on a busy box without typing key by key.
const type = (input: HTMLElement, value: string) => fireEvent.change(input, { target: { value } });

afterEach(() => vi.unstubAllGlobals());

describe('ContractDetailPage tabs', () => {
  it('lists files and the plan, adds a plan line, clears the form and reloads the contract', async () => {
    const calls = serve();
    renderPage();
    const files = await screen.findByTestId('contract-files');
    expect(await within(files).findByRole('link', { name: '扫描件.pdf' })).toHaveAttribute('href', '/api/v1/files/f1/content');
    expect(within(files).getByText('2 KB')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('tab', { name: '回款计划' }));
    const plan = await screen.findByTestId('contract-plan');
    await within(plan).findByText('待回款');
    type(screen.getByTestId('plan-due'), '2026-12-31');
    type(screen.getByTestId('plan-amount'), '60000');
    const before = gets(calls, '/contracts/c1').length;
    fireEvent.click(screen.getByTestId('plan-add'));
    await waitFor(() => expect(posted(calls, '/instalments')).toHaveLength(1));
    expect(JSON.parse(String(posted(calls, '/instalments')[0]?.init.body))).toEqual({ contractId: 'c1', dueOn: '2026-12-31', amount: '60000' });
    await waitFor(() => expect(screen.getByTestId('plan-amount')).toHaveValue(''));
    await waitFor(() => expect(gets(calls, '/contracts/c1').length).toBeGreaterThan(before));
  });

  it('a terminated contract shows its plan and credit but offers no new plan line, plan, credit use or payment', async () => {
    serve({ status: 'terminated', terminatedReason: '客户破产', creditAmount: '500.00' });
    renderPage();
    expect(await screen.findByTestId('contract-terminated-reason')).toHaveTextContent('客户破产');
    fireEvent.click(screen.getByRole('tab', { name: '回款计划' }));
    const plan = await screen.findByTestId('contract-plan');
    await within(plan).findByText('待回款');
    for (const id of ['plan-add', 'plan-by-percent', 'use-credit', 'use-credit-p2']) expect(screen.queryByTestId(id)).toBeNull();
    fireEvent.click(screen.getByRole('tab', { name: '回款记录' }));
    await screen.findByTestId('contract-payments');
    expect(screen.queryByTestId('payment-add')).toBeNull();
  });

  it('books a payment against an unpaid instalment, without an empty bank reference', async () => {
    const calls = serve();
    renderPage();
    await screen.findByTestId('contract-title');
    fireEvent.click(screen.getByRole('tab', { name: '回款记录' }));
    await screen.findByTestId('contract-payments');
    fireEvent.mouseDown(within(screen.getByTestId('payment-instalment')).getByRole('combobox'));
    const option = await screen.findByTitle(/2026\/06\/30/);
    expect(screen.queryByTitle(/2026\/01\/31/)).toBeNull();
    fireEvent.click(option);
    type(screen.getByTestId('payment-amount'), '20000');
    fireEvent.click(screen.getByTestId('payment-add'));
    await waitFor(() => expect(posted(calls, '/payments')).toHaveLength(1));
    const body = JSON.parse(String(posted(calls, '/payments')[0]?.init.body));
    expect(body).toMatchObject({ instalmentId: 'p2', amount: '20000', method: 'bank_transfer' });
    expect(body).not.toHaveProperty('bankReference');
    await waitFor(() => expect(screen.getByTestId('payment-amount')).toHaveValue(''));
  });

  it('books a payment to one instalment keeping any overpayment as credit, or to the contract oldest due first', async () => {
    const calls = serve();
    renderPage();
    await screen.findByTestId('contract-title');
    fireEvent.click(screen.getByRole('tab', { name: '回款记录' }));
    await screen.findByTestId('contract-payments');
    const select = within(screen.getByTestId('payment-instalment')).getByRole('combobox');
    fireEvent.mouseDown(select);
    fireEvent.click(await screen.findByTitle(/2026\/06\/30/));
    // The paid one is not offered; with one chosen there is nothing to split.
    expect(screen.queryByTitle(/2026\/01\/31/)).toBeNull();
    expect(screen.queryByTestId('payment-split-2026-06-30')).toBeNull();
    type(screen.getByTestId('payment-amount'), '100');
    fireEvent.click(screen.getByTestId('payment-keep-credit'));
    fireEvent.click(screen.getByTestId('payment-add'));
    await waitFor(() => expect(posted(calls, '/payments')).toHaveLength(1));
    expect(JSON.parse(String(posted(calls, '/payments')[0]?.init.body))).toMatchObject({ instalmentId: 'p2', amount: '100', keepCredit: true });
    // Nothing chosen: the contract's open instalments, oldest due first.
    await waitFor(() => expect(screen.getByTestId('payment-amount')).toHaveValue(''));
    type(screen.getByTestId('payment-amount'), '50');
    fireEvent.click(screen.getByTestId('payment-add'));
    await waitFor(() => expect(posted(calls, '/payments')).toHaveLength(2));
    const auto = JSON.parse(String(posted(calls, '/payments')[1]?.init.body));
    expect(auto).toMatchObject({ contractId: 'c1', amount: '50' });
    expect(auto).not.toHaveProperty('keepCredit');
  });

  it('signs a draft on a chosen day; a draft offers no termination', async () => {
    const calls = serve();
    renderPage();
    fireEvent.click(await screen.findByTestId('contract-sign'));
    type(await screen.findByTestId('contract-signed-on'), '2026-12-01');
    fireEvent.click(screen.getByTestId('contract-action-ok'));
    await waitFor(() => expect(posted(calls, '/contracts/c1/sign')).toHaveLength(1));
    expect(JSON.parse(String(posted(calls, '/contracts/c1/sign')[0]?.init.body))).toEqual({ signedOn: '2026-12-01' });
    expect(screen.queryByTestId('contract-terminate')).toBeNull();
  });

  it('asks for a reason before terminating', async () => {
    const calls = serve({ status: 'active', creditAmount: '500.00' });
    renderPage();
    expect(await screen.findByTestId('contract-credit')).toHaveTextContent('500.00');
    fireEvent.click(await screen.findByTestId('contract-terminate'));
    fireEvent.click(await screen.findByTestId('contract-action-ok'));
    expect(await screen.findByText('请填写终止原因')).toBeInTheDocument();
    expect(posted(calls, '/contracts/c1/terminate')).toHaveLength(0);
    type(screen.getByTestId('contract-terminate-reason'), '客户破产');
    fireEvent.click(screen.getByTestId('contract-action-ok'));
    await waitFor(() => expect(posted(calls, '/contracts/c1/terminate')).toHaveLength(1));
    expect(JSON.parse(String(posted(calls, '/contracts/c1/terminate')[0]?.init.body))).toEqual({ reason: '客户破产' });
  });

  it('issues a requested invoice', async () => {
    const calls = serve();
    renderPage();
    await screen.findByTestId('contract-title');
    fireEvent.click(screen.getByRole('tab', { name: '开票' }));
    fireEvent.click(await screen.findByText(/^开\s*具$/));
    await waitFor(() => expect(posted(calls, '/invoices/i1/issue')).toHaveLength(1));
  });
});
