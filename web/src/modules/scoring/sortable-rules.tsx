import { closestCenter, DndContext, type DragEndEvent, KeyboardSensor, PointerSensor, useSensor, useSensors } from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { DeleteOutlined, EditOutlined, HolderOutlined } from '@ant-design/icons';
import { Button, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUsers } from '#shared/users/users-api';
import type { AssignmentRule } from './assignment-api';
import { useFieldLabel } from './condition-editor';
import styles from './scoring.module.css';
import { useRuleFields } from './scoring-api';

type Props = { rules: AssignmentRule[]; onReorder: (ids: string[]) => void; onEdit: (r: AssignmentRule) => void; onDelete: (r: AssignmentRule) => void };

function RuleItem({ rule, index, onEdit, onDelete }: { rule: AssignmentRule; index: number } & Pick<Props, 'onEdit' | 'onDelete'>) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, transform, transition } = useSortable({ id: rule.id });
  const { data: users = [] } = useUsers();
  const { data: fields = [] } = useRuleFields(true);
  const label = useFieldLabel(fields);
  const names = rule.userIds.map((id) => users.find((u) => u.id === id)?.name ?? '…');
  const when = rule.conditions.length
    ? rule.conditions
        .map((c) => `${label(c.field)} ${t(`scoring.operators.${c.operator}`)} ${Array.isArray(c.value) ? c.value.join(', ') : (c.value ?? '')}`)
        .join(rule.match === 'all' ? ` ${t('assignment.and')} ` : ` ${t('assignment.or')} `)
    : t('assignment.everyLead');
  return (
    <div
      ref={setNodeRef}
      style={{ transform: transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : undefined, transition }}
      className={styles.sortable}
      data-testid="assignment-rule"
    >
      <button type="button" className={styles.handle} {...attributes} {...listeners} aria-label={t('assignment.dragToReorder')}>
        <HolderOutlined />
      </button>
      <div className={styles.grow}>
        <Space wrap>
          <Typography.Text strong>
            {index + 1}. {rule.name}
          </Typography.Text>
          <Tag color="blue">{t(`assignment.methods.${rule.method}`)}</Tag>
          {rule.capacity !== null && <Tag>{t('assignment.capacityOf', { n: rule.capacity })}</Tag>}
          {rule.workingDaysOnly && <Tag>{t('assignment.workingDaysOnly')}</Tag>}
          {!rule.active && <Tag>{t('scoring.inactive')}</Tag>}
        </Space>
        <div>
          <Typography.Text type="secondary">{t('assignment.whenText', { when })}</Typography.Text>
        </div>
        <div>
          <Typography.Text type="secondary">{rule.teamId ? t('assignment.toTeamText') : t('assignment.toText', { names: names.join('、') })}</Typography.Text>
        </div>
      </div>
      <Button type="text" icon={<EditOutlined />} aria-label={t('assignment.editRule')} onClick={() => onEdit(rule)} />
      <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('assignment.deleteRule')} onClick={() => onDelete(rule)} />
    </div>
  );
}

/** The ordered rule list; drag (or keyboard) to reorder: the first matching rule wins. */
export function SortableRules({ rules, onReorder, onEdit, onDelete }: Props) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const end = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const ids = rules.map((r) => r.id);
    onReorder(arrayMove(ids, ids.indexOf(String(active.id)), ids.indexOf(String(over.id))));
  };
  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={end}>
      <SortableContext items={rules.map((r) => r.id)} strategy={verticalListSortingStrategy}>
        {rules.map((r, i) => (
          <RuleItem key={r.id} rule={r} index={i} onEdit={onEdit} onDelete={onDelete} />
        ))}
      </SortableContext>
    </DndContext>
  );
}
