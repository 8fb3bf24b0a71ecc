import './messages';
import { Card, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMe } from '#app/auth/auth-context';
import { can } from '#app/auth/permissions';
import { ClusterQueue } from './cluster-queue';
import type { DedupObject } from './dedup-api';
import { MergeHistory } from './merge-history';
import { RunStatus } from './run-status';

const OBJECTS: DedupObject[] = ['contact', 'company', 'lead'];

/** Suspected duplicates per object: the review queue (compare, merge, dismiss, bulk merge) and the merge history with undo. */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const objects = OBJECTS.filter((o) => can(me, o, 'read'));
  const object = (objects.find((o) => o === params.get('object')) ?? objects[0] ?? 'contact') as DedupObject;
  const tab = params.get('tab') === 'history' ? 'history' : 'queue';
  const set = (key: string, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set(key, value);
        return next;
      },
      { replace: true },
    );
  return (
    <div>
      <Typography.Title level={3}>{t('dedup.title')}</Typography.Title>
      <Tabs activeKey={object} onChange={(k) => set('object', k)} items={objects.map((o) => ({ key: o, label: t(`dedup.objects.${o}`) }))} />
      <RunStatus object={object} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => set('tab', k)}
          items={[
            { key: 'queue', label: t('dedup.tabs.queue'), children: <ClusterQueue object={object} /> },
            { key: 'history', label: t('dedup.tabs.history'), children: <MergeHistory object={object} /> },
          ]}
        />
      </Card>
    </div>
  );
}
