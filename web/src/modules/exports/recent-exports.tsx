import { useQuery } from '@tanstack/react-query';
import { List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '#shared/format/format';
import { formatSize } from './export-progress';
import { exportsApi } from './exports-api';
import './messages';

const COLORS: Record<string, string> = { done: 'green', failed: 'red', running: 'blue', queued: 'blue', cancelled: 'default', expired: 'default' };

/** The user's last exports of this object, downloadable until they expire. */
export function RecentExports({ object }: { object: string }) {
  const { t, i18n } = useTranslation();
  const recent = useQuery({ queryKey: ['exports'], queryFn: exportsApi.list });
  const rows = (recent.data?.data ?? []).filter((e) => e.object === object).slice(0, 5);
  if (!rows.length) return null;
  return (
    <List
      size="small"
      header={<Typography.Text strong>{t('exports.recent')}</Typography.Text>}
      dataSource={rows}
      renderItem={(e) => (
        <List.Item
          extra={
            e.status === 'done' ? (
              <a href={exportsApi.downloadUrl(e.id)} download={e.fileName}>
                {t('exports.download')}
              </a>
            ) : null
          }
        >
          <span>
            <Tag color={COLORS[e.status]}>{e.format.toUpperCase()}</Tag>
            {formatDateTime(e.createdAt, i18n.language)} · {e.progress.written.toLocaleString(i18n.language)}
            {e.status === 'done' ? ` · ${formatSize(e.sizeBytes)}` : ''}
          </span>
        </List.Item>
      )}
    />
  );
}
