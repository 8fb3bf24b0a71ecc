import { type QueryKey, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Space, Table, message } from 'antd';
import type { NamePath, Store } from 'antd/es/form/interface';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type Contract, contractKeys } from './contracts-api';

export const fail = (e: unknown) => void message.error((e as Error).message);

/** What a part's columns, header and form may use. */
export type PartContext = { contract: Contract; t: TFunction; language: string; refresh: () => Promise<void> };

/** A form under the table that adds one row of the part. */
export type PartForm<V> = {
  initialValues: () => Store;
  add: (values: V, contract: Contract) => Promise<unknown>;
  /** The fields cleared once added: all of them, some, or none (absent). */
  resets?: 'all' | NamePath[];
  fields: (c: PartContext) => ReactNode;
  submit: { label: string; testId?: string; primary?: boolean };
};

/** One related list of a contract (its files, plan, payments, invoices): how to load it, show it and add to it. */
export type RelatedPart<Row extends { id: string }, V = never> = {
  /** The query key's part name. */
  name: string;
  load: (contractId: string) => Promise<Row[]>;
  /** What an addition makes stale; the part's own list unless said. */
  invalidates?: (contractId: string) => QueryKey;
  testId?: string;
  columns: (c: PartContext) => ColumnsType<Row>;
  header?: (c: PartContext) => ReactNode;
  form?: PartForm<V>;
};

type Props<Row extends { id: string }, V> = { contract: Contract; part: RelatedPart<Row, V>; onChanged?: () => void };

/** A contract's tab for one related part: an optional header, the table, and the form that adds a row. */
export function RelatedPartTab<Row extends { id: string }, V>({ contract, part, onChanged }: Props<Row, V>) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const [form] = Form.useForm<V>();
  const key = contractKeys.part(part.name, contract.id);
  const rows = useQuery({ queryKey: key, queryFn: () => part.load(contract.id) });
  const c: PartContext = { contract, t, language: i18n.language, refresh: () => qc.invalidateQueries({ queryKey: key }) };
  const add = async (spec: PartForm<V>, values: V) => {
    try {
      await spec.add(values, contract);
      if (spec.resets === 'all') form.resetFields();
      else if (spec.resets) form.resetFields(spec.resets);
      await qc.invalidateQueries({ queryKey: part.invalidates?.(contract.id) ?? key });
      onChanged?.();
    } catch (e) {
      fail(e);
    }
  };
  // A terminated contract takes no plan line, payment or invoice (the server refuses them): no form.
  const spec = contract.status === 'terminated' ? undefined : part.form;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {part.header?.(c)}
      <Table<Row>
        rowKey="id"
        size="small"
        pagination={false}
        loading={rows.isPending}
        dataSource={rows.data ?? []}
        data-testid={part.testId}
        columns={part.columns(c)}
      />
      {spec && (
        <Form<V> form={form} layout="inline" onFinish={(v) => void add(spec, v)} initialValues={spec.initialValues()}>
          {spec.fields(c)}
          <Button type={spec.submit.primary ? 'primary' : undefined} htmlType="submit" data-testid={spec.submit.testId}>
            {t(spec.submit.label)}
          </Button>
        </Form>
      )}
    </Space>
  );
}
