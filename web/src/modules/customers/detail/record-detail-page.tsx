import { useQueryClient } from '@tanstack/react-query';
import { App, Card, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe } from '#app/auth/auth-context';
import { can, canOnRecord, recordFieldAccess } from '#app/auth/permissions';
import { QuickAddActivity } from '#modules/activities/quick-add-activity';
import { RelatedDeals } from '#modules/deals/related/related-deals';
import { Timeline } from '#modules/activities/timeline';
import { RelatedObjectLists } from '#modules/objects';
import { useRecordDetail } from '#shared/records/detail/use-record-detail';
import type { ObjectDef } from '#shared/records/object-def';
import { RecordForm } from '#shared/records/record-form';
import { recordKeys, recordsApi } from '#shared/records/records-api';
import styles from './detail.module.css';
import { RecordFields } from '#shared/records/detail/record-fields';
import { RecordHeader } from './record-header';
import { RelatedContacts } from './related-contacts';

/** The 360° view: header, fields (editable in place), related records, timeline and history. */
export function RecordDetailPage({ def }: { def: ObjectDef }) {
  const { id, q, fields, layout, blocker } = useRecordDetail(def, def.entity);
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  if (blocker || !q.data) return blocker;
  const record = q.data;
  const canEdit = canOnRecord(me, def.entity, 'update', record.ownerId);
  const link = def.object === 'companies' ? { companyId: id } : { contactId: id, ...(record.companyId ? { companyId: String(record.companyId) } : {}) };
  const refreshTimeline = () => void qc.invalidateQueries({ queryKey: recordKeys.timeline(def.object, id) });
  const reload = async () => {
    await q.refetch();
    setEditing(false);
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
        navigate(`/${def.object}`);
      },
    });

  const overview = editing ? (
    <RecordForm
      def={def}
      fields={fields}
      record={record}
      onCancel={() => setEditing(false)}
      onReload={() => void reload()}
      onSubmit={async (body) => {
        const saved = await recordsApi.update(def.object, id, body, record.version);
        qc.setQueryData(recordKeys.one(def.object, id), saved);
        await qc.invalidateQueries({ queryKey: [def.object, 'list'] });
        refreshTimeline();
        setEditing(false);
        message.success(t('common.saved'));
      }}
    />
  ) : (
    <RecordFields
      def={def}
      record={record}
      fields={fields}
      {...recordFieldAccess(me, def.entity, canEdit)}
      onReload={() => q.refetch()}
      sections={layout?.sections}
      onSaved={(saved) => {
        qc.setQueryData(recordKeys.one(def.object, id), saved);
        void qc.invalidateQueries({ queryKey: [def.object, 'list'] });
        refreshTimeline();
        message.success(t('common.saved'));
      }}
    />
  );
  const tabs = [
    { key: 'overview', label: t('detail.overview'), children: overview },
    ...(def.object === 'companies' ? [{ key: 'contacts', label: t('nav.contacts'), children: <RelatedContacts companyId={id} /> }] : []),
    ...(can(me, 'deal', 'read')
      ? [{ key: 'deals', label: t('nav.deals'), children: <RelatedDeals field={def.object === 'companies' ? 'companyId' : 'contactId'} id={id} /> }]
      : []),
    { key: 'history', label: t('detail.history'), children: <Timeline object={def.object} id={id} fields={fields} only="change" /> },
  ];

  return (
    <div>
      <RecordHeader
        def={def}
        record={record}
        fields={fields}
        canEdit={canEdit}
        canDelete={canOnRecord(me, def.entity, 'delete', record.ownerId)}
        onEdit={() => setEditing(true)}
        onDelete={onDelete}
      />
      <div className={styles.grid}>
        <div className={styles.column}>
          <Card>
            <Tabs items={tabs} />
          </Card>
          <RelatedObjectLists object={def.entity} id={id} />
        </div>
        <div>
          <Card title={t('activities.quickAdd')} style={{ marginBottom: 16 }}>
            <QuickAddActivity link={link} onAdded={refreshTimeline} />
          </Card>
          <Card title={t('timeline.title')}>
            <Timeline object={def.object} id={id} fields={fields} />
          </Card>
        </div>
      </div>
    </div>
  );
}
