import { useQueryClient } from '@tanstack/react-query';
import { App, Card, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe } from '#shared/auth/session';
import { can, canOnRecord, recordFieldAccess } from '#shared/auth/permissions';
import { QuickAddActivity, Timeline } from '#modules/activities';
import { ApprovalPanel } from '#modules/approvals';
import { RecordMail } from '#modules/mail';
import { RelatedDeals } from '#modules/deals';
import { RelatedContracts } from '#modules/contracts';
import { RelatedOrders } from '#modules/orders';
import { RelatedQuotes } from '#modules/quotes';
import { RelatedTickets } from '#modules/tickets';
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
    ...(can(me, 'quote', 'read')
      ? [{ key: 'quotes', label: t('nav.quotes'), children: <RelatedQuotes field={def.object === 'companies' ? 'companyId' : 'contactId'} id={id} /> }]
      : []),
    ...(can(me, 'order', 'read')
      ? [{ key: 'orders', label: t('nav.orders'), children: <RelatedOrders field={def.object === 'companies' ? 'companyId' : 'contactId'} id={id} /> }]
      : []),
    ...(can(me, 'contract', 'read')
      ? [
          {
            key: 'contracts',
            label: t('nav.contracts', { defaultValue: '合同' }),
            children: <RelatedContracts field={def.object === 'companies' ? 'companyId' : 'contactId'} id={id} />,
          },
        ]
      : []),
    ...(can(me, 'ticket', 'read')
      ? [{ key: 'tickets', label: t('nav.tickets'), children: <RelatedTickets field={def.object === 'companies' ? 'companyId' : 'contactId'} id={id} /> }]
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
          <ApprovalPanel
            object={def.entity}
            recordId={id}
            onChanged={() => {
              void q.refetch();
              refreshTimeline();
            }}
          />
          <RecordMail object={def.entity} recordId={id} onSent={refreshTimeline} />
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
