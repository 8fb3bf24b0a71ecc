import { Button, Card, Checkbox, List } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CrmRecord } from '#shared/api/types';
import type { FieldDef } from '#shared/fields/field-types';
import { FieldValue } from '#shared/fields/field-value';
import { getValue, type ObjectDef } from '../object-def';

const isBlank = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
import styles from './record-list.module.css';

type Props = {
  def: ObjectDef;
  fields: FieldDef[];
  columns: string[];
  rows: CrmRecord[];
  loading: boolean;
  hasMore: boolean;
  onMore: () => void;
  selected: string[];
  onSelect: (ids: string[]) => void;
  basePath: string;
};

/** The list on a phone: one card per record with its first few columns. */
export function RecordCards({ def, fields, columns, rows, loading, hasMore, onMore, selected, onSelect, basePath }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const shown = columns.filter((k) => k !== def.titleKey && byKey.has(k));
  return (
    <List
      loading={loading}
      dataSource={rows}
      rowKey="id"
      data-testid="record-cards"
      renderItem={(r) => (
        <Card size="small" className={styles.card} onClick={() => navigate(`${basePath}/${r.id}`)}>
          <div className={styles.cardHead}>
            <Checkbox
              checked={selected.includes(r.id)}
              onClick={(e) => e.stopPropagation()}
              onChange={(e) => onSelect(e.target.checked ? [...selected, r.id] : selected.filter((x) => x !== r.id))}
            />
            <span className={styles.cardTitle}>{def.titleOf(r) || '—'}</span>
          </div>
          {shown
            .filter((k) => !isBlank(getValue(r, k)))
            .slice(0, 3)
            .map((k) => {
              const f = byKey.get(k);
              return f ? (
                <div key={k} className={styles.cardLine}>
                  <FieldValue def={f} record={r} compact />
                </div>
              ) : null;
            })}
        </Card>
      )}
      loadMore={
        hasMore ? (
          <Button block onClick={onMore} loading={loading}>
            {t('list.loadMore')}
          </Button>
        ) : null
      }
    />
  );
}
