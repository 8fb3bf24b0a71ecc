import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '#shared/format/format';
import { type BoardColumn, nameOf, type Stage } from '../deals-api';
import { DealCard } from './deal-card';
import styles from './kanban.module.css';

type Props = { stage: Stage; column: BoardColumn; baseCurrency: string; locked: boolean; loadingMore: boolean; onMore: () => void };

/** A stage column: name, probability, count and totals in the base currency, then its cards in rank order. */
export function KanbanColumn({ stage, column, baseCurrency, locked, loadingMore, onMore }: Props) {
  const { t, i18n } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: `col:${stage.id}`, disabled: locked });
  return (
    <section className={styles.column} data-testid="kanban-column" data-stage-id={stage.id} aria-label={nameOf(stage.name, i18n.language)}>
      <header className={`${styles.columnHeader} ${stage.type === 'won' ? styles.won : stage.type === 'lost' ? styles.lost : ''}`}>
        <div className={styles.columnTitle}>
          <span>{nameOf(stage.name, i18n.language)}</span>
          <span data-testid="column-count">{column.count}</span>
        </div>
        <div className={styles.columnTotals}>
          <span data-testid="column-total">{formatMoney(column.total, baseCurrency, i18n.language)}</span>
          {stage.type === 'open' && (
            <Tooltip title={t('deals.weighted')}>
              <span>
                {' · '}
                {stage.probability}% → {formatMoney(column.weighted, baseCurrency, i18n.language)}
              </span>
            </Tooltip>
          )}
        </div>
      </header>
      <SortableContext items={column.deals.map((d) => d.id)} strategy={verticalListSortingStrategy}>
        <div ref={setNodeRef} className={`${styles.cards} ${isOver ? styles.over : ''}`}>
          {column.deals.map((d) => (
            <DealCard key={d.id} deal={d} disabled={locked} />
          ))}
          {column.deals.length === 0 && <div className={styles.empty}>{t('deals.emptyColumn')}</div>}
          {column.nextCursor && (
            <Button size="small" type="link" loading={loadingMore} onClick={onMore}>
              {t('deals.loadMore')}
            </Button>
          )}
        </div>
      </SortableContext>
    </section>
  );
}
