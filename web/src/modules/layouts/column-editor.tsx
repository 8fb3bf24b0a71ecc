import { closestCenter, DndContext, type DragEndEvent, KeyboardSensor, PointerSensor, TouchSensor, useSensor, useSensors } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { Checkbox, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fieldLabel } from '#shared/fields/field-label';
import type { FieldDef } from '#shared/fields/field-types';
import { moveColumnTo, toggleColumn } from './layout-draft';
import styles from './layouts.module.css';
import { SortableRow } from './sortable-row';

type Props = { fields: FieldDef[]; columns: string[]; titleKey: string; onChange: (columns: string[]) => void };

/** The list's columns: ticked ones in the order dragged, then the fields not shown. The title column stays. */
export function ColumnEditor({ fields, columns, titleKey, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const shown = columns.filter((k) => byKey.has(k));
  const hidden = fields.filter((f) => !shown.includes(f.key));
  const label = (f: FieldDef) => fieldLabel(f, t, i18n.language);
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (over) onChange(moveColumnTo(shown, String(active.id), String(over.id)));
  };
  return (
    <div data-testid="layout-columns">
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
        <SortableContext items={shown} strategy={verticalListSortingStrategy}>
          {shown.map((k) => {
            const f = byKey.get(k) as FieldDef;
            return (
              <SortableRow key={k} id={k} testId="layout-column">
                <Checkbox checked disabled={k === titleKey} onChange={() => onChange(toggleColumn(shown, k, false))} className={styles.grow}>
                  {label(f)}
                </Checkbox>
              </SortableRow>
            );
          })}
        </SortableContext>
      </DndContext>
      {hidden.length > 0 && (
        <>
          <Typography.Text type="secondary" className={styles.subhead}>
            {t('layouts.moreColumns')}
          </Typography.Text>
          <div className={styles.hiddenColumns}>
            {hidden.map((f) => (
              <div key={f.key} data-testid="layout-hidden-column" data-key={f.key}>
                <Checkbox checked={false} onChange={() => onChange(toggleColumn(shown, f.key, true))}>
                  {label(f)}
                </Checkbox>
              </div>
            ))}
          </div>
        </>
      )}
    </div>
  );
}
