import type { Tx } from '#db/tx.ts';
import type { DedupObject } from './objects.definition.ts';

/**
 * How one kind of related row follows a merge. `move` re-points rows from the merged-away
 * record to the survivor and returns their ids (kept in the merge's snapshot); `restore` puts
 * exactly those rows back on unmerge. Modules register theirs through `#modules/dedup`.
 */
export type MergeRelation = {
  name: string;
  object: DedupObject;
  move: (tx: Tx, o: { fromId: string; toId: string }) => Promise<string[]>;
  restore: (tx: Tx, o: { ids: string[]; fromId: string; toId: string }) => Promise<void>;
};

const relations: MergeRelation[] = [];

export function registerMergeRelation(relation: MergeRelation): void {
  if (relations.some((r) => r.name === relation.name && r.object === relation.object)) return;
  relations.push(relation);
}

export const relationsOf = (object: DedupObject): MergeRelation[] => relations.filter((r) => r.object === object);
