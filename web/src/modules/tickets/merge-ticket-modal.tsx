import { useQuery } from '@tanstack/react-query';
import { Alert, App, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Ticket, ticketsApi } from './tickets-api';

/** Picks the ticket a duplicate merges into (search by number, subject or customer) and merges it. */
export function MergeTicketModal({ ticket, onClose }: { ticket: Ticket; onClose: (target: Ticket | null) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [targetId, setTargetId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const found = useQuery({ queryKey: ['tickets', 'merge-search', q], queryFn: async () => (await ticketsApi.search(q)).data, enabled: q.trim().length > 0 });
  const options = (found.data ?? []).filter((x) => x.id !== ticket.id && !x.mergedIntoId).map((x) => ({ value: x.id, label: `${x.number} · ${x.subject}` }));
  const merge = async () => {
    if (!targetId) return;
    setBusy(true);
    try {
      const target = await ticketsApi.merge(ticket.id, targetId);
      message.success(t('tickets.merge.done', { number: target.number }));
      onClose(target);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('tickets.merge.title', { number: ticket.number })}
      onCancel={() => onClose(null)}
      onOk={() => void merge()}
      okText={t('tickets.merge.ok')}
      okButtonProps={{ disabled: !targetId, danger: true, 'data-testid': 'merge-ok' } as never}
      confirmLoading={busy}
    >
      <Alert type="info" showIcon message={t('tickets.merge.intro')} style={{ marginBottom: 12 }} />
      <Select
        showSearch={{ filterOption: false, onSearch: setQ }}
        value={targetId ?? undefined}
        onChange={setTargetId}
        placeholder={t('tickets.merge.search')}
        loading={found.isFetching}
        options={options}
        style={{ width: '100%' }}
        data-testid="merge-target"
        notFoundContent={null}
      />
    </Modal>
  );
}
