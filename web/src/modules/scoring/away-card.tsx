import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Input, List, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UserSelect } from '#shared/users/user-select';
import { ASSIGNMENT_KEY, assignmentApi, useAway } from './assignment-api';

/** Users who take no new leads (leave, trips) until a date or until marked back. */
export function AwayCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { data = [], isPending } = useAway();
  const [userId, setUserId] = useState<string | null>(null);
  const [until, setUntil] = useState<Dayjs | null>(null);
  const [note, setNote] = useState('');
  const refresh = () => qc.invalidateQueries({ queryKey: ASSIGNMENT_KEY });
  const add = async () => {
    if (!userId) return;
    try {
      await assignmentApi.setAway(userId, { until: until ? until.format('YYYY-MM-DD') : null, note: note.trim() || null });
      setUserId(null);
      setUntil(null);
      setNote('');
      await refresh();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Card title={t('assignment.away')} loading={isPending}>
      <Space wrap style={{ marginBottom: 12 }}>
        <div style={{ width: 200 }}>
          <UserSelect value={userId} onChange={setUserId} placeholder={t('assignment.user')} />
        </div>
        <DatePicker value={until} onChange={setUntil} placeholder={t('assignment.until')} />
        <Input value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('assignment.note')} maxLength={200} style={{ width: 180 }} />
        <Button onClick={() => void add()} disabled={!userId}>
          {t('assignment.markAway')}
        </Button>
      </Space>
      <List
        dataSource={data}
        locale={{ emptyText: t('assignment.nobodyAway') }}
        renderItem={(a) => (
          <List.Item
            actions={[
              <Button key="back" type="link" onClick={() => void assignmentApi.clearAway(a.userId).then(refresh)}>
                {t('assignment.markBack')}
              </Button>,
            ]}
          >
            {a.userName} · {a.until ? t('assignment.awayUntil', { date: a.until }) : t('assignment.awayOpen')}
            {a.note ? ` · ${a.note}` : ''}
          </List.Item>
        )}
      />
    </Card>
  );
}
