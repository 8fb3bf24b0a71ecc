import { useQuery } from '@tanstack/react-query';
import { App, Button, Mentions, Segmented, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUsers } from '#shared/users/users-api';
import { type NewMessage, TICKET_STATUSES, type TicketStatus, ticketKeys, ticketsApi } from './tickets-api';

/** The ids of users whose `@name` the text holds (antd Mentions inserts names). */
export function mentionedIds(text: string, users: { id: string; name: string }[]): string[] {
  return users.filter((u) => text.includes(`@${u.name}`)).map((u) => u.id);
}

type ComposerProps = {
  onSend: (m: NewMessage) => Promise<void>;
  canReply: boolean;
  /** Applies a macro (its field changes are saved) and gives back its filled body. */
  onApplyMacro: (macroId: string) => Promise<{ kind: 'reply' | 'note'; body: string }>;
};

/** Reply to the customer (e-mailed) or add an internal note, optionally setting the status after it; a macro fills it in. */
export function TicketComposer({ onSend, canReply, onApplyMacro }: ComposerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: users = [] } = useUsers();
  const [kind, setKind] = useState<'reply' | 'note'>(canReply ? 'reply' : 'note');
  const [body, setBody] = useState('');
  const [status, setStatus] = useState<TicketStatus | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const active = users.filter((u) => u.isActive !== false);
  const macros = useQuery({ queryKey: ticketKeys.macros, queryFn: ticketsApi.macros });
  const applyMacro = async (macroId: string) => {
    try {
      const applied = await onApplyMacro(macroId);
      setKind(applied.kind === 'reply' && !canReply ? 'note' : applied.kind);
      setBody((b) => (b.trim() ? `${b.trimEnd()}\n\n${applied.body}` : applied.body));
      message.success(t('tickets.macros.applied'));
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const send = async () => {
    setBusy(true);
    try {
      await onSend({ kind, body, mentions: mentionedIds(body, active), ...(status ? { status } : {}) });
      setBody('');
      setStatus(undefined);
      message.success(t(kind === 'reply' ? 'tickets.composer.sent' : 'tickets.composer.noted'));
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="ticket-composer">
      <Space style={{ marginBottom: 8, width: '100%', justifyContent: 'space-between' }} wrap>
        <Segmented
          value={kind}
          onChange={(v) => setKind(v as 'reply' | 'note')}
          options={[
            { value: 'reply', label: t('tickets.composer.reply'), disabled: !canReply },
            { value: 'note', label: t('tickets.composer.note') },
          ]}
        />
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('tickets.macros.apply')}
          value={null}
          onChange={(v: string | null) => v && void applyMacro(v)}
          style={{ minWidth: 200 }}
          loading={macros.isPending}
          data-testid="ticket-macro"
          options={(macros.data ?? []).filter((m) => m.active).map((m) => ({ value: m.id, label: m.name }))}
        />
      </Space>
      <div data-testid="ticket-composer-body">
        <Mentions
          rows={4}
          value={body}
          onChange={setBody}
          placeholder={t(kind === 'reply' ? 'tickets.composer.replyPlaceholder' : 'tickets.composer.notePlaceholder')}
          options={active.map((u) => ({ value: u.name, label: u.name, key: u.id }))}
          style={kind === 'note' ? { background: '#fffbe6' } : undefined}
        />
      </div>
      <Space style={{ marginTop: 8, justifyContent: 'flex-end', width: '100%' }} wrap>
        <Select
          allowClear
          placeholder={t('tickets.composer.thenStatus')}
          value={status}
          onChange={(v) => setStatus(v)}
          style={{ minWidth: 180 }}
          options={TICKET_STATUSES.map((s) => ({ value: s, label: t(`tickets.status.${s}`) }))}
          data-testid="ticket-composer-status"
        />
        <Button type="primary" onClick={() => void send()} loading={busy} disabled={!body.trim()} data-testid="ticket-composer-send">
          {t(kind === 'reply' ? 'tickets.composer.send' : 'tickets.composer.addNote')}
        </Button>
      </Space>
    </div>
  );
}
