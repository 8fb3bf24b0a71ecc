import { Card, Checkbox, Flex, List, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '#shared/format/format';
import { type Cluster, type DedupObject, recordPath } from './dedup-api';

type Props = { object: DedupObject; cluster: Cluster; selected: boolean; onSelect: (on: boolean) => void; actions: ReactNode[] };

/** One group of suspected duplicates: its best score and each record's identifying fields. */
export function ClusterCard({ object, cluster, selected, onSelect, actions }: Props) {
  const { t, i18n } = useTranslation();
  const score = Math.round(cluster.score * 100);
  return (
    <Card
      size="small"
      data-testid="dedup-cluster"
      title={
        <Flex gap={8} align="center">
          <Checkbox checked={selected} onChange={(e) => onSelect(e.target.checked)} />
          <Tag color={score >= 95 ? 'red' : score >= 80 ? 'orange' : 'gold'}>{t('dedup.score', { score })}</Tag>
        </Flex>
      }
      extra={<Flex gap={8}>{actions}</Flex>}
    >
      <List
        size="small"
        dataSource={cluster.records}
        renderItem={(r) => (
          <List.Item>
            <Flex vertical gap={2} style={{ minWidth: 0 }}>
              <Link to={recordPath(object, r.id)}>
                <Typography.Text strong>{r.name}</Typography.Text>
              </Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
                {[...r.phones, ...r.emails, r.company, r.owner?.name, t('dedup.created', { when: formatDate(r.createdAt, i18n.language) })]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
