import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Drawer, Empty, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '#shared/auth/session';
import { can } from '#shared/auth/permissions';
import { formatDate, formatMoney } from '#shared/format/format';
import { type PriceBook, type Product, productKeys, productsApi } from './products-api';

type NewBook = { name: string; currency: string; validFrom?: Dayjs | null; validTo?: Dayjs | null };
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** Price books: each a currency and validity, with a price per product (edited as a whole). */
export function PriceBooksPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const qc = useQueryClient();
  const books = useQuery({ queryKey: productKeys.books, queryFn: productsApi.priceBooks });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<PriceBook | null>(null);
  const [form] = Form.useForm<NewBook>();
  const mayCreate = can(me, 'price_book', 'create');
  const mayEdit = can(me, 'price_book', 'update');

  const create = async () => {
    const v = await form.validateFields();
    try {
      await productsApi.createPriceBook({ name: v.name, currency: v.currency.toUpperCase(), validFrom: day(v.validFrom), validTo: day(v.validTo) });
      message.success(t('products.priceBooks.created'));
      setCreating(false);
      form.resetFields();
      await qc.invalidateQueries({ queryKey: productKeys.books });
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  return (
    <Card
      title={t('products.priceBooks.title')}
      extra={
        mayCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-price-book">
            {t('products.priceBooks.new')}
          </Button>
        )
      }
    >
      <Table<PriceBook>
        rowKey="id"
        loading={books.isPending}
        dataSource={books.data ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={t('products.priceBooks.empty')} /> }}
        columns={[
          { title: t('products.priceBooks.name'), dataIndex: 'name' },
          { title: t('products.priceBooks.currency'), dataIndex: 'currency', width: 100 },
          {
            title: `${t('products.priceBooks.validFrom')} – ${t('products.priceBooks.validTo')}`,
            render: (_, b) =>
              b.validFrom || b.validTo
                ? `${formatDate(b.validFrom, i18n.language) || '…'} – ${formatDate(b.validTo, i18n.language) || '…'}`
                : t('products.priceBooks.always'),
          },
          { title: t('products.priceBooks.active'), width: 90, render: (_, b) => (b.active ? <Tag color="green">✓</Tag> : <Tag>—</Tag>) },
          {
            title: '',
            width: 140,
            render: (_, b) => (
              <Button size="small" onClick={() => setEditing(b)} data-testid={`prices-${b.name}`}>
                {t('products.priceBooks.editPrices')}
              </Button>
            ),
          },
        ]}
      />
      <Modal open={creating} title={t('products.priceBooks.new')} onOk={() => void create()} onCancel={() => setCreating(false)} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ currency: me.user.tenantCurrency ?? 'CNY' }}>
          <Form.Item name="name" label={t('products.priceBooks.name')} rules={[{ required: true, max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="currency" label={t('products.priceBooks.currency')} rules={[{ required: true, len: 3 }]}>
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Space>
            <Form.Item name="validFrom" label={t('products.priceBooks.validFrom')}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="validTo" label={t('products.priceBooks.validTo')}>
              <DatePicker />
            </Form.Item>
          </Space>
        </Form>
      </Modal>
      <Drawer open={!!editing} onClose={() => setEditing(null)} title={editing?.name} size="large" destroyOnHidden>
        {editing && (
          <EntriesEditor
            book={editing}
            readOnly={!mayEdit}
            onToggle={async (active) => {
              const saved = await productsApi.updatePriceBook(editing.id, { active }, editing.version);
              setEditing(saved);
              await qc.invalidateQueries({ queryKey: productKeys.books });
            }}
            money={(v) => formatMoney(v, editing.currency, i18n.language)}
          />
        )}
      </Drawer>
    </Card>
  );
}

type Row = { productId: string; sku: string; name: string; listPrice: string; unitPrice: string };

/** The book's prices as an editable table; saved as a whole. */
function EntriesEditor({
  book,
  readOnly,
  onToggle,
  money,
}: {
  book: PriceBook;
  readOnly: boolean;
  onToggle: (active: boolean) => Promise<void>;
  money: (v: string) => string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [search, setSearch] = useState('');
  const entries = useQuery({ queryKey: productKeys.entries(book.id), queryFn: () => productsApi.entries(book.id) });
  const products = useQuery({ queryKey: productKeys.picker(search), queryFn: () => productsApi.products(search) });
  const list = rows ?? (entries.data ?? []).map((e) => ({ productId: e.productId, sku: e.sku, name: e.name, listPrice: e.listPrice, unitPrice: e.unitPrice }));
  const add = (p: Product) => {
    if (list.some((r) => r.productId === p.id)) return;
    setRows([...list, { productId: p.id, sku: p.sku, name: p.name, listPrice: p.listPrice, unitPrice: p.listPrice }]);
  };
  const save = async () => {
    try {
      await productsApi.putEntries(
        book.id,
        list.map((r) => ({ productId: r.productId, unitPrice: r.unitPrice })),
      );
      message.success(t('products.priceBooks.saved'));
      setRows(null);
      await qc.invalidateQueries({ queryKey: productKeys.entries(book.id) });
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        {t('products.priceBooks.active')}
        <Switch checked={book.active} disabled={readOnly} onChange={(v) => void onToggle(v)} />
        <Tag>{book.currency}</Tag>
      </Space>
      <Table<Row>
        rowKey="productId"
        size="small"
        loading={entries.isPending}
        dataSource={list}
        pagination={false}
        columns={[
          { title: t('products.priceBooks.product'), render: (_, r) => `${r.sku} · ${r.name}` },
          { title: t('products.priceBooks.listPrice'), width: 130, render: (_, r) => money(r.listPrice) },
          {
            title: t('products.priceBooks.unitPrice'),
            width: 170,
            render: (_, r) =>
              readOnly ? (
                money(r.unitPrice)
              ) : (
                <InputNumber<string>
                  stringMode
                  min="0"
                  step="0.01"
                  value={r.unitPrice}
                  onChange={(v) => setRows(list.map((x) => (x.productId === r.productId ? { ...x, unitPrice: v ?? '0' } : x)))}
                  data-testid={`price-${r.sku}`}
                />
              ),
          },
          {
            title: '',
            width: 48,
            render: (_, r) =>
              !readOnly && <Button type="text" icon={<DeleteOutlined />} onClick={() => setRows(list.filter((x) => x.productId !== r.productId))} />,
          },
        ]}
      />
      {!readOnly && (
        <>
          <Select<string>
            showSearch
            style={{ width: '100%' }}
            placeholder={t('products.priceBooks.addProduct')}
            filterOption={false}
            onSearch={setSearch}
            value={null as unknown as string}
            onChange={(id) => {
              const p = products.data?.find((x) => x.id === id);
              if (p) add(p);
            }}
            options={(products.data ?? []).map((p) => ({ value: p.id, label: `${p.sku} · ${p.name}` }))}
          />
          <Button type="primary" onClick={() => void save()} disabled={rows === null}>
            {t('products.priceBooks.save')}
          </Button>
        </>
      )}
    </Space>
  );
}
