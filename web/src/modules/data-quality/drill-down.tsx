import { useQuery } from '@tanstack/react-query';
import { Drawer, List } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type DrillDown, dataQualityApi } from './data-quality-api';

/** The records behind a figure (first 50), each linking to its detail page. */
export function DrillDownDrawer({ drill, title, onClose }: { drill: DrillDown | null; title: string; onClose: () => void }) {
  const { t } = useTranslation();
  const records = useQuery({ queryKey: ['data-quality', 'records', drill], queryFn: () => dataQualityApi.records(drill as DrillDown), enabled: !!drill });
  return (
    <Drawer open={!!drill} onClose={onClose} title={`${title} · ${t('dataQuality.records')}`} width={Math.min(480, window.innerWidth)}>
      <List
        loading={records.isPending}
        dataSource={records.data?.data ?? []}
        renderItem={(r) => (
          <List.Item>
            <Link to={`${drill?.path}/${r.id}`}>{r.name}</Link>
          </List.Item>
        )}
        data-testid="data-quality-records"
      />
    </Drawer>
  );
}
