import { Button, Card, Checkbox, List } from 'antd';
import { useEffect, useRef } from 'react';
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
  // Scrolling near the end loads the next page (the button stays for keyboards and old browsers).
  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasMore || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && onMore(), { rootMargin: '400px' });
    io.observe(el);
    return () => io.disconnect();
  }, [hasMore, onMore]);
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
          <div ref={sentinel}>
            <Button block onClick={onMore} loading={loading}>
              {t('list.loadMore')}
            </Button>
          </div>
        ) : null
      }
    />
  );
}
