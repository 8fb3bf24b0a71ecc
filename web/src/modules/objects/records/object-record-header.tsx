import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Avatar, Button, Card, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CrmRecord } from '#shared/api/types';
import { formatDateTime } from '#shared/format/format';
import { type ObjectDef, objectText, pagePath } from '#shared/records/object-def';
import { UserName } from '#shared/users/user-name';
import styles from './objects.module.css';

type Props = { def: ObjectDef; record: CrmRecord; canEdit: boolean; canDelete: boolean; onEdit: () => void; onDelete: () => void };

/** Name, object, owner and times of a custom object's record, with edit and delete. */
export function ObjectRecordHeader({ def, record, canEdit, canDelete, onEdit, onDelete }: Props) {
  const { t, i18n } = useTranslation();
  const title = def.titleOf(record);
  const fact = (label: string, value: ReactNode) => (
    <div>
      <span className={styles.factLabel}>{label}</span>
      {value}
    </div>
  );
  return (
    <Card className={styles.header} data-testid="record-header">
      <div className={styles.headRow}>
        <Avatar size={56} shape="square" className={styles.avatar}>
          {title.slice(0, 1)}
        </Avatar>
        <div className={styles.headMain}>
          <Link to={pagePath(def)} className={styles.objectLink}>
            {objectText(def, t, 'title')}
          </Link>
          <Typography.Title level={3} className={styles.name}>
            {title}
          </Typography.Title>
        </div>
        <Space wrap>
          {canEdit && (
            <Button icon={<EditOutlined />} onClick={onEdit} data-testid="edit-record">
              {t('common.edit')}
            </Button>
          )}
          {canDelete && <Button danger icon={<DeleteOutlined />} onClick={onDelete} aria-label={t('common.delete')} data-testid="delete-record" />}
        </Space>
      </div>
      <div className={styles.facts}>
        {fact(t('fields.owner'), record.owner?.name ?? (record.ownerId ? <UserName id={record.ownerId} /> : '—'))}
        {fact(t('fields.createdAt'), formatDateTime(record.createdAt, i18n.language))}
        {fact(t('fields.updatedAt'), formatDateTime(record.updatedAt, i18n.language))}
      </div>
    </Card>
  );
}
