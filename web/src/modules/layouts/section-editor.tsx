import {
  type CollisionDetection,
  closestCorners,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  pointerWithin,
  PointerSensor,
  TouchSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Checkbox, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldDef } from '#shared/fields/field-types';
import { pickLabel } from '#shared/format/localized';
import { FieldContainer, type MoveTarget } from './field-container';
import { type Draft, type DraftSection, dropField, moveField, removeSection, shiftSection, UNPLACED, unplacedFields, updateSection } from './layout-draft';
import styles from './layouts.module.css';

/** The field under the pointer, else the section under it (an empty one too), else the nearest. */
const pointerFirst: CollisionDetection = (args) => {
  const within = pointerWithin(args);
  const fieldsWithin = within.filter((c) => !String(c.id).startsWith('container:'));
  if (fieldsWithin.length) return fieldsWithin;
  return within.length ? within : closestCorners(args);
};

type Props = { fields: FieldDef[]; draft: Draft; onChange: (draft: Draft) => void; onRename: (section: DraftSection) => void };

/** The detail page's sections and the fields in none; fields are dragged (or sent with their menu) between them. */
export function SectionEditor({ fields, draft, onChange, onRename }: Props) {
  const { t, i18n } = useTranslation();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const targets: MoveTarget[] = [
    ...draft.sections.map((s) => ({ id: s.id, label: pickLabel(s.label, i18n.language) })),
    { id: UNPLACED, label: t('layouts.noSection') },
  ];
  const move = (key: string, to: string) => onChange(moveField(draft, key, to));
  // Fields move on drop only: moving them while dragging over other sections makes the collisions flip back and forth.
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (over) onChange(dropField(draft, String(active.id), String(over.id)));
  };

  const header = (s: DraftSection, i: number) => {
    const other = i18n.language.startsWith('zh') ? s.label.en : s.label.zh;
    return (
      <div className={styles.sectionHeader}>
        <div className={styles.sectionName}>
          <Typography.Text strong ellipsis data-testid="layout-section-title">
            {pickLabel(s.label, i18n.language)}
          </Typography.Text>
          {other && (
            <Typography.Text type="secondary" ellipsis className={styles.otherLabel}>
              {other}
            </Typography.Text>
          )}
        </div>
        <Tooltip title={t('layouts.moveUp')}>
          <Button
            size="small"
            type="text"
            icon={<ArrowUpOutlined />}
            disabled={i === 0}
            aria-label={t('layouts.moveUp')}
            onClick={() => onChange(shiftSection(draft, s.id, -1))}
          />
        </Tooltip>
        <Tooltip title={t('layouts.moveDown')}>
          <Button
            size="small"
            type="text"
            icon={<ArrowDownOutlined />}
            disabled={i === draft.sections.length - 1}
            aria-label={t('layouts.moveDown')}
            onClick={() => onChange(shiftSection(draft, s.id, 1))}
          />
        </Tooltip>
        <Tooltip title={t('layouts.renameSection')}>
          <Button
            size="small"
            type="text"
            icon={<EditOutlined />}
            aria-label={t('layouts.renameSection')}
            onClick={() => onRename(s)}
            data-testid="rename-section"
          />
        </Tooltip>
        <Tooltip title={t('layouts.deleteSection')}>
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('layouts.deleteSection')}
            onClick={() => onChange(removeSection(draft, s.id))}
            data-testid="delete-section"
          />
        </Tooltip>
      </div>
    );
  };

  return (
    <DndContext sensors={sensors} collisionDetection={pointerFirst} onDragEnd={onDragEnd}>
      <div className={styles.sectionsLayout}>
        <div className={styles.sectionList}>
          {draft.sections.length === 0 && (
            <div className={styles.noSections} data-testid="layout-no-sections">
              <Typography.Text type="secondary">{t('layouts.noSections')}</Typography.Text>
            </div>
          )}
          {draft.sections.map((s, i) => (
            <FieldContainer
              key={s.id}
              id={s.id}
              keys={s.fields}
              fields={byKey}
              targets={targets}
              onMove={move}
              header={header(s, i)}
              footer={
                <Checkbox
                  className={styles.collapsedToggle}
                  checked={s.collapsed}
                  onChange={(e) => onChange(updateSection(draft, s.id, { collapsed: e.target.checked }))}
                >
                  {t('layouts.collapsed')}
                </Checkbox>
              }
              testId="layout-section"
              label={pickLabel(s.label, i18n.language)}
            />
          ))}
        </div>
        <FieldContainer
          id={UNPLACED}
          keys={unplacedFields(draft, fields)}
          fields={byKey}
          targets={targets}
          onMove={move}
          header={
            <div className={styles.sectionHeader}>
              <Typography.Text strong>{t('layouts.unplaced')}</Typography.Text>
            </div>
          }
          testId="layout-unplaced"
        />
      </div>
    </DndContext>
  );
}
