import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Avatar, Button, Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CrmRecord, Ref } from '#shared/api/types';
import type { FieldDef } from '#shared/fields/field-types';
import { FieldValue } from '#shared/fields/field-value';
import type { ObjectDef } from '#shared/records/object-def';
import { UserName } from '#shared/users/user-name';
import styles from './detail.module.css';

type Props = { def: ObjectDef; record: CrmRecord; fields: FieldDef[]; canEdit: boolean; canDelete: boolean; onEdit: () => void; onDelete: () => void };

/** Name, key facts, tier, stage, tags and owner at a glance. */
export function RecordHeader({ def, record, fields, canEdit, canDelete, onEdit, onDelete }: Props) {
  const { t } = useTranslation();
  const title = def.titleOf(record);
  const f = (key: string) => fields.find((x) => x.key === key);
  const company = record.company as Ref | null | undefined;
  const subtitle =
    def.object === 'contacts' ? [record.title, record.department].filter(Boolean).join(' · ') : [record.industry, record.website].filter(Boolean).join(' · ');
  const chip = (key: string) => {
    const d = f(key);
    return d && record[key] ? <FieldValue def={d} record={record} /> : null;
  };
  return (
    <Card className={styles.header} data-testid="record-header">
      <div className={styles.headRow}>
        <Avatar size={56} className={styles.avatar} shape={def.object === 'companies' ? 'square' : 'circle'}>
          {title.slice(0, 1)}
        </Avatar>
        <div className={styles.headMain}>
          <Typography.Title level={3} className={styles.name}>
            {title}
          </Typography.Title>
          <div className={styles.sub}>
            {subtitle && <span>{subtitle}</span>}
            {company && <Link to={`/companies/${company.id}`}>{company.name}</Link>}
          </div>
          <Space size={[4, 4]} wrap className={styles.chips}>
            {record.tier ? (
              <Tag color="geekblue">
                {t('fields.tier')}: {chip('tier')}
              </Tag>
            ) : null}
            {chip('lifecycleStage')}
            {((record.tags as string[]) ?? []).map((tag) => (
              <Tag key={tag}>{tag}</Tag>
            ))}
          </Space>
        </div>
        <Space className={styles.actions} wrap>
          {canEdit && (
            <Button icon={<EditOutlined />} onClick={onEdit} data-testid="edit-record">
              {t('common.edit')}
            </Button>
          )}
          {canDelete && <Button danger icon={<DeleteOutlined />} onClick={onDelete} aria-label={t('common.delete')} />}
        </Space>
      </div>
      <div className={styles.facts}>
        <div>
          <span className={styles.factLabel}>{t('fields.owner')}</span>
          {record.owner?.name ?? (record.ownerId ? <UserName id={record.ownerId} /> : '—')}
        </div>
        {f('phones') && (
          <div>
            <span className={styles.factLabel}>{t('fields.phones')}</span>
            <FieldValue def={f('phones') as FieldDef} record={record} compact />
          </div>
        )}
        {f('emails') && (
          <div>
            <span className={styles.factLabel}>{t('fields.emails')}</span>
            <FieldValue def={f('emails') as FieldDef} record={record} compact />
          </div>
        )}
        {f('annualRevenue') && (
          <div>
            <span className={styles.factLabel}>{t('fields.annualRevenue')}</span>
            <FieldValue def={f('annualRevenue') as FieldDef} record={record} />
          </div>
        )}
      </div>
    </Card>
  );
}
