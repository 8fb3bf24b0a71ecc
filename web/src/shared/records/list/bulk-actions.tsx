import { DeleteOutlined, DownloadOutlined, TagOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '#shared/auth/session';
import { can } from '#shared/auth/permissions';
import type { CrmRecord } from '#shared/api/types';
import { UserSelect } from '#shared/users/user-select';
import type { ObjectDef } from '../object-def';
import { recordKeys, recordsApi } from '../records-api';
import styles from './record-list.module.css';

type Props = { def: ObjectDef; rows: CrmRecord[]; onDone: () => void; onExport: (rows: CrmRecord[]) => void };
type Dialog = 'owner' | 'tag' | null;

/** Runs one request per record, a few at a time; reports how many failed (e.g. no permission). */
async function each(rows: CrmRecord[], fn: (r: CrmRecord) => Promise<unknown>): Promise<number> {
  let failed = 0;
  for (let i = 0; i < rows.length; i += 5) {
    const results = await Promise.allSettled(rows.slice(i, i + 5).map(fn));
    failed += results.filter((r) => r.status === 'rejected').length;
  }
  return failed;
}

export function BulkActions({ def, rows, onDone, onExport }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const me = useMe();
  const qc = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [owner, setOwner] = useState<string | null>(null);
  const [tag, setTag] = useState('');
  const [busy, setBusy] = useState(false);

  const run = async (fn: (r: CrmRecord) => Promise<unknown>) => {
    setBusy(true);
    const failed = await each(rows, fn);
    setBusy(false);
    setDialog(null);
    await qc.invalidateQueries({ queryKey: recordKeys.all(def.object) });
    if (failed) message.warning(t('bulk.partial', { ok: rows.length - failed, failed }));
    else message.success(t('bulk.done', { count: rows.length }));
    onDone();
  };
  const confirmDelete = () =>
    modal.confirm({
      title: t('bulk.deleteConfirm', { count: rows.length }),
      content: t('bulk.deleteHint'),
      okButtonProps: { danger: true },
      onOk: () => run((r) => recordsApi.remove(def.object, r.id)),
    });

  return (
    <div className={styles.bulk} data-testid="bulk-actions">
      <span>{t('bulk.selected', { count: rows.length })}</span>
      {can(me, def.entity, 'update') && (
        <Button size="small" icon={<UserSwitchOutlined />} onClick={() => setDialog('owner')}>
          {t('bulk.assign')}
        </Button>
      )}
      {can(me, def.entity, 'update') && (
        <Button size="small" icon={<TagOutlined />} onClick={() => setDialog('tag')}>
          {t('bulk.addTag')}
        </Button>
      )}
      {can(me, def.entity, 'export') && (
        <Button size="small" icon={<DownloadOutlined />} onClick={() => onExport(rows)}>
          {t('bulk.export')}
        </Button>
      )}
      {can(me, def.entity, 'delete') && (
        <Button size="small" danger icon={<DeleteOutlined />} onClick={confirmDelete}>
          {t('common.delete')}
        </Button>
      )}
      <Button size="small" type="link" onClick={onDone}>
        {t('bulk.clear')}
      </Button>
      <Modal
        open={dialog === 'owner'}
        title={t('bulk.assign')}
        onCancel={() => setDialog(null)}
        confirmLoading={busy}
        okButtonProps={{ disabled: !owner }}
        onOk={() => run((r) => recordsApi.update(def.object, r.id, { ownerId: owner }, r.version))}
      >
        <UserSelect value={owner} onChange={setOwner} />
      </Modal>
      <Modal
        open={dialog === 'tag'}
        title={t('bulk.addTag')}
        onCancel={() => setDialog(null)}
        confirmLoading={busy}
        okButtonProps={{ disabled: !tag.trim() }}
        onOk={() => run((r) => recordsApi.update(def.object, r.id, { tags: [...new Set([...((r.tags as string[]) ?? []), tag.trim()])] }, r.version))}
      >
        <Input value={tag} onChange={(e) => setTag(e.target.value)} placeholder={t('fields.tags')} />
      </Modal>
    </div>
  );
}
