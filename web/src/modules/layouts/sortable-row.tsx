import { useSortable } from '@dnd-kit/sortable';
import { HolderOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './layouts.module.css';

type Props = { id: string; children: ReactNode; testId: string; className?: string };

/** A row that can be dragged by its handle (pointer, touch or keyboard: space, arrows, space). */
export function SortableRow({ id, children, testId, className }: Props) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id });
  return (
    <div
      ref={setNodeRef}
      style={{ transform: transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : undefined, transition }}
      className={`${className ?? styles.row} ${isDragging ? styles.dragging : ''}`}
      data-testid={testId}
      data-key={id}
    >
      <button type="button" ref={setActivatorNodeRef} className={styles.handle} aria-label={t('layouts.drag')} {...attributes} {...listeners}>
        <HolderOutlined />
      </button>
      {children}
    </div>
  );
}
