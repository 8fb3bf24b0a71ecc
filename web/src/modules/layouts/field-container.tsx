import { useDroppable } from '@dnd-kit/core';
import { rectSortingStrategy, SortableContext } from '@dnd-kit/sortable';
import { MoreOutlined } from '@ant-design/icons';
import { Button, Dropdown, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldLabel } from '#shared/fields/field-label';
import type { FieldDef } from '#shared/fields/field-types';
import styles from './layouts.module.css';
import { SortableRow } from './sortable-row';

export type MoveTarget = { id: string; label: string };

type Props = {
  id: string;
  keys: string[];
  fields: ReadonlyMap<string, FieldDef>;
  /** Where a field can be sent without dragging (the other sections, or no section). */
  targets: MoveTarget[];
  onMove: (key: string, to: string) => void;
  header: ReactNode;
  footer?: ReactNode;
  testId: string;
  label?: string;
};

/** One section (or the fields in none): a drop target whose fields can be dragged into order or elsewhere. */
export function FieldContainer({ id, keys, fields, targets, onMove, header, footer, testId, label }: Props) {
  const { t, i18n } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: `container:${id}` });
  return (
    <section className={`${styles.container} ${isOver ? styles.over : ''}`} data-testid={testId} data-id={id} data-label={label}>
      {header}
      <div ref={setNodeRef} className={styles.fieldGrid}>
        <SortableContext items={keys} strategy={rectSortingStrategy}>
          {keys.map((k) => {
            const f = fields.get(k);
            if (!f) return null;
            return (
              <SortableRow key={k} id={k} testId="layout-field" className={styles.chip}>
                <span className={styles.grow}>{fieldLabel(f, t, i18n.language)}</span>
                <Dropdown
                  trigger={['click']}
                  menu={{
                    items: targets.filter((x) => x.id !== id).map((x) => ({ key: x.id, label: x.label })),
                    onClick: ({ key }) => onMove(k, key),
                  }}
                >
                  <Button size="small" type="text" icon={<MoreOutlined />} aria-label={t('layouts.moveTo')} data-testid="layout-field-move" />
                </Dropdown>
              </SortableRow>
            );
          })}
        </SortableContext>
        {keys.length === 0 && (
          <Typography.Text type="secondary" className={styles.empty}>
            {t('layouts.emptySection')}
          </Typography.Text>
        )}
      </div>
      {footer}
    </section>
  );
}
