import './messages';
import { Card, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMe } from '#shared/auth/session';
import { can } from '#shared/auth/permissions';
import { hasCapability, objectLabel, useObjects } from '#shared/objects/use-objects';
import { ClusterQueue } from './cluster-queue';
import type { DedupObject } from './dedup-api';
import { MergeHistory } from './merge-history';
import { RunStatus } from './run-status';

const FIRST = ['contact', 'company', 'lead'];
const rank = (name: string) => (FIRST.includes(name) ? FIRST.indexOf(name) : FIRST.length);

/** Suspected duplicates per object: the review queue (compare, merge, dismiss, bulk merge) and the merge history with undo. */
export function DuplicatesPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  // Every object the registry marks dedup-able that the user may read: contacts, companies and leads first, then the others (custom ones) in registry order.
  const objects = useObjects()
    .objects.filter((o) => o.record && hasCapability(o, 'dedup') && can(me, o.name, 'read'))
    .sort((a, b) => rank(a.name) - rank(b.name));
  const object: DedupObject = objects.find((o) => o.name === params.get('object'))?.name ?? objects[0]?.name ?? 'contact';
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
      <Tabs
        activeKey={object}
        onChange={(k) => set('object', k)}
        items={objects.map((o) => ({ key: o.name, label: t(`dedup.objects.${o.name}`, { defaultValue: objectLabel(o, i18n.language) }) }))}
      />
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
