import { DeleteOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '#shared/auth/session';
import { canOnRecord, recordFieldAccess } from '#shared/auth/permissions';
import { formatMoney } from '#shared/format/format';
import { RecordFields } from '#shared/records/detail/record-fields';
import { useRecordDetail } from '#shared/records/detail/use-record-detail';
import { pagePath } from '#shared/records/object-def';
import { recordKeys, recordsApi } from '#shared/records/records-api';
import { productObject } from './product-object';

/** One product: its fields (editable in place by those who may), delete to the recycle bin. */
export function ProductDetailPage() {
  const def = productObject;
  const { id, q, fields, layout, blocker } = useRecordDetail(def, 'product');
  const { t, i18n } = useTranslation();
  const { modal, message } = App.useApp();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  if (blocker || !q.data) return blocker;
  const record = q.data;
  const canEdit = canOnRecord(me, 'product', 'update', record.ownerId);
  const onDelete = () =>
    modal.confirm({
      title: t('detail.deleteConfirm', { name: def.titleOf(record) }),
      okButtonProps: { danger: true },
      onOk: async () => {
        await recordsApi.remove(def.object, id);
        await qc.invalidateQueries({ queryKey: recordKeys.all(def.object) });
        message.success(t('detail.deleted'));
        navigate(pagePath(def));
      },
    });
  return (
    <div data-testid="product-detail">
      <Card style={{ marginBottom: 16 }}>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <div>
            <Link to={pagePath(def)}>{t('nav.products')}</Link>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {String(record.name ?? '')} <Typography.Text type="secondary">{String(record.sku ?? '')}</Typography.Text>{' '}
              {record.active === false && <Tag>{t('common.inactive', { defaultValue: i18n.language === 'en' ? 'Inactive' : '已停用' })}</Tag>}
            </Typography.Title>
            <Typography.Text strong>{formatMoney(record.listPrice as string, record.currency as string, i18n.language)}</Typography.Text>
          </div>
          {canOnRecord(me, 'product', 'delete', record.ownerId) && (
            <Button danger icon={<DeleteOutlined />} onClick={onDelete} aria-label={t('common.delete')} />
          )}
        </Space>
      </Card>
      <Card title={t('detail.overview')}>
        <RecordFields
          def={def}
          record={record}
          fields={fields}
          {...recordFieldAccess(me, 'product', canEdit)}
          onReload={() => q.refetch()}
          sections={layout?.sections}
          onSaved={(saved) => {
            qc.setQueryData(recordKeys.one(def.object, id), saved);
            void qc.invalidateQueries({ queryKey: [def.object, 'list'] });
            message.success(t('common.saved'));
          }}
        />
      </Card>
    </div>
  );
}
