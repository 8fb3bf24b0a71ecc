import type { BoardColumn, Deal } from '../deals-api';

export type Drop = { dealId: string; fromStageId: string; toStageId: string; afterId: string | null; beforeId: string | null; columns: BoardColumn[] };

/** Which column a card or column id lives in. */
export function columnOf(columns: BoardColumn[], id: string): BoardColumn | undefined {
  return columns.find((c) => `col:${c.stageId}` === id || c.deals.some((d) => d.id === id));
}

/**
 * Where a dragged card lands: over another card it takes that card's place (as dnd-kit's sortable
 * shows it), over a column's empty space it goes to the end. Returns the new columns (counts and
 * totals are left to the server) and the neighbours the server ranks it between; null for no move.
 */
export function dropCard(columns: BoardColumn[], dealId: string, overId: string): Drop | null {
  const from = columnOf(columns, dealId);
  const to = columnOf(columns, overId);
  if (!from || !to) return null;
  const deal = from.deals.find((d) => d.id === dealId) as Deal;
  const target = to.deals.filter((d) => d.id !== dealId);
  const overIndex = to.deals.findIndex((d) => d.id === overId);
  let index: number;
  if (overIndex < 0) index = target.length;
  else if (from === to)
    index = overIndex; // arrayMove semantics within a column
  else index = target.findIndex((d) => d.id === overId);
  const order = [...target.slice(0, index), deal, ...target.slice(index)];
  if (from === to && order.every((d, i) => d.id === from.deals[i]?.id)) return null;
  const next = columns.map((c) => {
    if (c === to) return { ...c, deals: order };
    if (c === from) return { ...c, deals: c.deals.filter((d) => d.id !== dealId) };
    return c;
  });
  return {
    dealId,
    fromStageId: from.stageId,
    toStageId: to.stageId,
    afterId: order[index - 1]?.id ?? null,
    beforeId: order[index + 1]?.id ?? null,
    columns: next,
  };
}
