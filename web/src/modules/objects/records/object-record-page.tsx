import { useQueryClient } from '@tanstack/react-query';
import { App, Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe } from '#shared/auth/session';
import { canOnRecord, recordFieldAccess } from '#shared/auth/permissions';
import { useRecordDetail } from '#shared/records/detail/use-record-detail';
import { RecordFields } from '#shared/records/detail/record-fields';
import { type ObjectDef, pagePath } from '#shared/records/object-def';
import { RecordForm } from '#shared/records/record-form';
import { recordKeys, recordsApi } from '#shared/records/records-api';
import { ApprovalPanel } from '#modules/approvals';
import { RecordMail } from '#modules/mail';
import { RelatedObjectLists } from '../related/related-object-lists';
import type { RecordObjectMeta } from './custom-object-def';
import { ObjectRecordHeader } from './object-record-header';
import styles from './objects.module.css';

type Props = { def: ObjectDef; meta: RecordObjectMeta };

/** A custom object's record: its fields (editable in place), delete to the recycle bin, and what points at it. */
export function ObjectRecordPage({ def, meta }: Props) {
  const { id, q, fields, layout, blocker } = useRecordDetail(def, meta.name);
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  if (blocker || !q.data) return blocker;
  const record = q.data;
  const canEdit = canOnRecord(me, meta.name, 'update', record.ownerId);
  const saved = (next: typeof record) => {
    qc.setQueryData(recordKeys.one(def.object, id), next);
    void qc.invalidateQueries({ queryKey: [def.object, 'list'] });
    message.success(t('common.saved'));
  };
  const onDelete = () =>
    modal.confirm({
      title: t('detail.deleteConfirm', { name: def.titleOf(record) }),
      content: t('bulk.deleteHint'),
      okButtonProps: { danger: true },
      onOk: async () => {
        await recordsApi.remove(def.object, id);
        await qc.invalidateQueries({ queryKey: recordKeys.all(def.object) });
        message.success(t('detail.deleted'));
        navigate(pagePath(def));
      },
    });

  return (
    <div>
      <ObjectRecordHeader
        def={def}
        record={record}
        canEdit={canEdit && !editing}
        canDelete={canOnRecord(me, meta.name, 'delete', record.ownerId)}
        onEdit={() => setEditing(true)}
        onDelete={onDelete}
      />
      <ApprovalPanel object={meta.name} recordId={id} onChanged={() => void q.refetch()} />
      <RecordMail object={meta.name} recordId={id} />
      <div className={styles.grid}>
        <Card title={t('detail.overview')}>
          {editing ? (
            <RecordForm
              def={def}
              fields={fields}
              record={record}
              onCancel={() => setEditing(false)}
              onReload={() => void q.refetch().then(() => setEditing(false))}
              onSubmit={async (body) => {
                saved(await recordsApi.update(def.object, id, body, record.version));
                setEditing(false);
              }}
            />
          ) : (
            <RecordFields
              def={def}
              record={record}
              fields={fields}
              {...recordFieldAccess(me, meta.name, canEdit)}
              onReload={() => q.refetch()}
              sections={layout?.sections}
              onSaved={saved}
            />
          )}
        </Card>
        <RelatedObjectLists object={meta.name} id={id} />
      </div>
    </div>
  );
}
