import { useSortable } from '@dnd-kit/sortable';
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatMoney } from '#shared/format/format';
import type { Deal } from '../deals-api';
import styles from './kanban.module.css';

/** One draggable card: name (links to the deal), company, amount, close date, owner. */
export function DealCard({ deal, disabled }: { deal: Deal; disabled: boolean }) {
  const { t, i18n } = useTranslation();
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: deal.id, disabled });
  return (
    <div
      ref={setNodeRef}
      className={styles.card}
      style={{ transform: transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : undefined, transition, opacity: isDragging ? 0.4 : 1 }}
      data-testid="deal-card"
      data-deal-id={deal.id}
      {...attributes}
      {...listeners}
    >
      <Link to={`/deals/${deal.id}`} className={styles.cardTitle} onPointerDown={(e) => e.stopPropagation()}>
        {deal.name}
      </Link>
      {deal.company && <Typography.Text type="secondary">{deal.company.name}</Typography.Text>}
      <div className={styles.cardMeta}>
        <strong>{formatMoney(deal.amount, deal.currency, i18n.language)}</strong>
        {deal.isOverdue && <Tag color="red">{t('deals.overdue')}</Tag>}
      </div>
      <div className={styles.cardMeta}>
        <Typography.Text type={deal.isOverdue ? 'danger' : 'secondary'}>{formatDate(deal.expectedCloseDate, i18n.language)}</Typography.Text>
        <Typography.Text type="secondary">{deal.owner?.name}</Typography.Text>
      </div>
    </div>
  );
}
