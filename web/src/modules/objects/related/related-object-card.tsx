import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '#shared/auth/session';
import { can } from '#shared/auth/permissions';
import { api } from '#shared/api/client';
import { formatDateTime } from '#shared/format/format';
import { pickLabel } from '#shared/format/localized';
import { objectLabel } from '#shared/objects/use-objects';
import { recordsApi } from '#shared/records/records-api';
import { customObjectPath } from '../records/custom-object-def';
import { type RelatedLookup, pointingAt } from './related-lookups';

const SHOWN = 10;

type Props = { lookup: RelatedLookup; id: string; showField: boolean };

/** The records of one custom object whose lookup field points at record `id`, with a shortcut to add one. */
export function RelatedObjectCard({ lookup: { object, field }, id, showField }: Props) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const filter = pointingAt(field.key, id);
  // Keyed under the object's path, so creating or editing its records refreshes this card too.
  const list = useQuery({
    queryKey: [object.path, 'list', 'related', field.key, id],
    queryFn: () => recordsApi.list(object.path, { filter, sort: '-createdAt', limit: SHOWN }),
  });
  const count = useQuery({
    queryKey: [object.path, 'count', filter],
    queryFn: () => api<{ count: number }>(`/${object.path}/count`, { query: { filter: JSON.stringify(filter) } }),
  });
  const base = customObjectPath(object.path);
  const label = objectLabel(object, i18n.language);
  const fieldName = pickLabel({ zh: field.label.zh ?? '', en: field.label.en ?? '' }, i18n.language);
  const rows = list.data?.data ?? [];
  const total = count.data?.count;
  return (
    <Card
      size="small"
      data-testid={`related-${object.path}-${field.key}`}
      title={
        <span>
          {label}
          {showField && <Typography.Text type="secondary"> · {fieldName}</Typography.Text>}{' '}
          {total !== undefined && (
            <Tag bordered={false} data-testid="related-count">
              {total}
            </Tag>
          )}
        </span>
      }
      extra={
        can(me, object.name, 'create') && (
          <Button
            size="small"
            type="link"
            icon={<PlusOutlined />}
            onClick={() => navigate(`${base}/new?${new URLSearchParams({ [`custom.${field.key}`]: id })}`)}
            data-testid="related-new"
          >
            {t('objects.related.new')}
          </Button>
        )
      }
    >
      <List
        size="small"
        loading={list.isPending}
        dataSource={rows}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('objects.related.empty', { label })} /> }}
        renderItem={(r) => (
          <List.Item extra={<Typography.Text type="secondary">{formatDateTime(r.createdAt, i18n.language)}</Typography.Text>}>
            <Link to={`${base}/${r.id}`}>{String(r.name ?? '') || '—'}</Link>
          </List.Item>
        )}
      />
      {total !== undefined && total > rows.length && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
          {t('objects.related.more', { shown: rows.length, total })}
        </Typography.Text>
      )}
    </Card>
  );
}
