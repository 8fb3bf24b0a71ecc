import { describe, expect, it } from 'vitest';
import type { BoardColumn, Deal } from '../deals-api';
import { dropCard } from './board-moves';

const deal = (id: string) => ({ id, name: id }) as Deal;
const col = (stageId: string, ids: string[]): BoardColumn => ({
  stageId,
  count: ids.length,
  total: '0',
  weighted: '0',
  deals: ids.map(deal),
  nextCursor: null,
});
const ids = (c: BoardColumn[] | undefined, i: number) => c?.[i]?.deals.map((d) => d.id);

describe('dropping a card', () => {
  const board = [col('s1', ['a', 'b', 'c']), col('s2', ['x', 'y'])];

  it('moves down within a column and names its new neighbours', () => {
    const drop = dropCard(board, 'a', 'c');
    expect(ids(drop?.columns, 0)).toEqual(['b', 'c', 'a']);
    expect(drop).toMatchObject({ toStageId: 's1', afterId: 'c', beforeId: null });
  });

  it('moves up within a column', () => {
    const drop = dropCard(board, 'c', 'a');
    expect(ids(drop?.columns, 0)).toEqual(['c', 'a', 'b']);
    expect(drop).toMatchObject({ afterId: null, beforeId: 'a' });
  });

  it('takes the place of the card it is dropped on in another column', () => {
    const drop = dropCard(board, 'b', 'y');
    expect(ids(drop?.columns, 0)).toEqual(['a', 'c']);
    expect(ids(drop?.columns, 1)).toEqual(['x', 'b', 'y']);
    expect(drop).toMatchObject({ fromStageId: 's1', toStageId: 's2', afterId: 'x', beforeId: 'y' });
  });

  it('goes to the end of a column dropped on its empty space', () => {
    const drop = dropCard(board, 'a', 'col:s2');
    expect(ids(drop?.columns, 1)).toEqual(['x', 'y', 'a']);
    expect(drop).toMatchObject({ afterId: 'y', beforeId: null });
  });

  it('is no move when dropped where it was', () => {
    expect(dropCard(board, 'b', 'b')).toBeNull();
    expect(dropCard(board, 'zzz', 'a')).toBeNull();
  });
});
