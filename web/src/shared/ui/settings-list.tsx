import { PlusOutlined } from '@ant-design/icons';
import { type QueryKey, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Table, Tag, Typography } from 'antd';
import type { ColumnsType, ColumnType } from 'antd/es/table';
import { Fragment, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';

type Row = { id: string; name: string };

export type SettingsListProps<T extends Row> = {
  title: string;
  intro: ReactNode;
  /** The label of the create button, also the new editor's title. */
  newLabel: string;
  nameLabel: string;
  testIds: { new: string; table: string };
  queryKey: QueryKey;
  load: () => Promise<T[]>;
  /** The columns between the row's name (a link that opens the editor) and its delete link. */
  columns: ColumnsType<T>;
  deleteTitle: (row: T) => string;
  remove: (row: T) => Promise<unknown>;
  /** The create or edit dialog; `close(true)` reloads the list. */
  editor: (row: T | 'new', close: (saved: boolean) => void) => ReactNode;
};

/** A settings page's list of named things: a header with a create button, a table, an editor and a confirmed delete. */
export function SettingsList<T extends Row>({
  title,
  intro,
  newLabel,
  nameLabel,
  testIds,
  queryKey,
  load,
  columns,
  deleteTitle,
  remove,
  editor,
}: SettingsListProps<T>) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const { data = [], isPending } = useQuery({ queryKey, queryFn: load });
  const refresh = () => qc.invalidateQueries({ queryKey });
  const confirmRemove = (row: T) =>
    modal.confirm({
      title: deleteTitle(row),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await remove(row);
        } catch (e) {
          message.error((e as Error).message);
        }
        await refresh();
      },
    });
  const close = (saved: boolean) => {
    setEditing(null);
    if (saved) void refresh();
  };
  return (
    <Card>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap', marginBottom: 12 }}>
        <div style={{ flex: 1, minWidth: 240 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          <Typography.Text type="secondary">{intro}</Typography.Text>
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid={testIds.new}>
          {newLabel}
        </Button>
      </div>
      <Table<T>
        rowKey="id"
        loading={isPending}
        dataSource={data}
        pagination={false}
        scroll={{ x: 640 }}
        data-testid={testIds.table}
        columns={[
          {
            title: nameLabel,
            dataIndex: 'name',
            render: (v: string, row) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => setEditing(row)}>
                {v}
              </Button>
            ),
          },
          ...columns,
          {
            width: 90,
            render: (_: unknown, row) => (
              <Button type="link" danger onClick={() => confirmRemove(row)}>
                {t('common.delete')}
              </Button>
            ),
          },
        ]}
      />
      {editing && <Fragment key={editing === 'new' ? 'new' : editing.id}>{editor(editing, close)}</Fragment>}
    </Card>
  );
}

/** A column showing whether a row is active: a green tick or a dash. */
export function activeColumn<T extends { active: boolean }>(title: string): ColumnType<T> {
  return { title, dataIndex: 'active', width: 90, render: (v: boolean) => (v ? <Tag color="green">✓</Tag> : <Tag>—</Tag>) };
}
