import { App, Checkbox, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatRelative } from '#shared/format/format';
import type { TimelineItem } from '#shared/records/records-api';
import { activitiesApi } from './activities-api';
import styles from './timeline.module.css';

/** One activity in the timeline; open tasks can be ticked off in place. */
/** Timeline entries carry the activity under `activity`; older shapes put its fields on the entry. */
export function activityOf(item: TimelineItem): Record<string, unknown> {
  const nested = item.activity;
  return nested && typeof nested === 'object' ? (nested as Record<string, unknown>) : item;
}

export function ActivityItem({ item: entry, onChanged }: { item: TimelineItem; onChanged: () => void }) {
  const item = activityOf(entry);
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const lang = i18n.language;
  const type = String(item.type ?? 'note');
  const isTask = type === 'task';
  const done = !!item.doneAt;
  const owner = (item.owner as { name?: string } | null)?.name;
  const toggle = async (checked: boolean) => {
    try {
      await activitiesApi.update(String(item.id), { doneAt: checked ? new Date().toISOString() : null }, Number(item.version ?? 1));
      onChanged();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className={styles.item} data-testid="timeline-activity">
      <div className={styles.head}>
        {isTask && <Checkbox checked={done} onChange={(e) => void toggle(e.target.checked)} aria-label={t('activities.markDone')} />}
        <Tag>{t(`activities.types.${type}`, type)}</Tag>
        <Typography.Text strong delete={isTask && done}>
          {String(item.subject ?? '')}
        </Typography.Text>
      </div>
      {typeof item.body === 'string' && item.body && (
        <Typography.Paragraph className={styles.body} ellipsis={{ rows: 4, expandable: true }}>
          {item.body}
        </Typography.Paragraph>
      )}
      <div className={styles.meta}>
        <span title={formatDateTime(entry.at, lang)}>{formatRelative(entry.at, lang)}</span>
        {owner && <span>· {owner}</span>}
        {isTask && typeof item.dueAt === 'string' && <span>· {t('activities.due', { when: formatDateTime(item.dueAt, lang) })}</span>}
        {typeof item.durationSeconds === 'number' && item.durationSeconds > 0 && (
          <span>· {t('activities.minutes', { count: Math.round(item.durationSeconds / 60) })}</span>
        )}
        {typeof item.outcome === 'string' && item.outcome && <span>· {t(`activities.outcomes.${item.outcome}`, item.outcome)}</span>}
      </div>
    </div>
  );
}
