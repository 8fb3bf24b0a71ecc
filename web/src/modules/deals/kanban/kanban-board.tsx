import { DndContext, type DragEndEvent, KeyboardSensor, PointerSensor, TouchSensor, closestCorners, useSensor, useSensors } from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BoardColumn, dealKeys, dealsApi, nameOf, type Pipeline } from '../deals-api';
import { LostReasonModal, type LostAnswer } from '../lost-reason-modal';
import { type Drop, dropCard } from './board-moves';
import styles from './kanban.module.css';
import { KanbanColumn } from './kanban-column';

/** The pipeline as columns of cards; dragging a card moves the deal (lost asks why first). */
export function KanbanBoard({ pipeline, q }: { pipeline: Pipeline; q: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const key = dealKeys.board(pipeline.id, q);
  const board = useQuery({ queryKey: key, queryFn: () => dealsApi.board(pipeline.id, q) });
  const [columns, setColumns] = useState<BoardColumn[]>([]);
  const [pendingLost, setPendingLost] = useState<Drop | null>(null);
  const [moreLoading, setMoreLoading] = useState<string | null>(null);
  useEffect(() => {
    if (board.data) setColumns(board.data.columns);
  }, [board.data]);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const send = async (drop: Drop, lost?: LostAnswer) => {
    setColumns(drop.columns);
    try {
      await dealsApi.move(drop.dealId, { stageId: drop.toStageId, afterId: drop.afterId, beforeId: drop.beforeId, ...lost });
      if (drop.fromStageId !== drop.toStageId) {
        const stage = pipeline.stages.find((s) => s.id === drop.toStageId);
        message.success(t('deals.moved', { stage: nameOf(stage?.name, i18n.language) }));
      }
    } catch (err) {
      message.error((err as Error).message);
    }
    await qc.invalidateQueries({ queryKey: dealKeys.all });
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over) return;
    const drop = dropCard(columns, String(active.id), String(over.id));
    if (!drop) return;
    const target = pipeline.stages.find((s) => s.id === drop.toStageId);
    if (target?.type === 'lost' && drop.fromStageId !== drop.toStageId) setPendingLost(drop);
    else void send(drop);
  };

  const more = async (column: BoardColumn) => {
    if (!column.nextCursor) return;
    setMoreLoading(column.stageId);
    try {
      const page = await dealsApi.column(column.stageId, column.nextCursor, q);
      setColumns((cols) => cols.map((c) => (c.stageId === column.stageId ? { ...c, deals: [...c.deals, ...page.deals], nextCursor: page.nextCursor } : c)));
    } finally {
      setMoreLoading(null);
    }
  };

  if (board.isPending) return <Spin />;
  if (board.isError) return <Alert type="error" message={board.error.message} />;
  return (
    <>
      {pipeline.closed && <Alert type="warning" showIcon message={t('deals.closedPipeline')} style={{ marginBottom: 12 }} />}
      <DndContext sensors={sensors} collisionDetection={closestCorners} onDragEnd={onDragEnd}>
        <div className={styles.board} data-testid="kanban">
          {pipeline.stages.map((stage) => {
            const column = columns.find((c) => c.stageId === stage.id);
            return column ? (
              <KanbanColumn
                key={stage.id}
                stage={stage}
                column={column}
                baseCurrency={board.data.baseCurrency}
                locked={pipeline.closed}
                loadingMore={moreLoading === stage.id}
                onMore={() => void more(column)}
              />
            ) : null;
          })}
        </div>
      </DndContext>
      <LostReasonModal
        open={!!pendingLost}
        onCancel={() => setPendingLost(null)}
        onOk={(answer) => {
          const drop = pendingLost;
          setPendingLost(null);
          if (drop) void send(drop, answer);
        }}
      />
    </>
  );
}
