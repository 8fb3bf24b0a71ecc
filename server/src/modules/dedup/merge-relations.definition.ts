import type { Tx } from '#db/tx.ts';
import type { Deps } from '#platform/deps.ts';
import { dedupTarget } from './dedup-objects.service.ts';
import { listDefs } from '#platform/custom-fields/custom-fields.repo.ts';
import { columnRelation, lookupRelation } from './relations.repo.ts';

/**
 * How one kind of related row follows a merge. `move` re-points rows from the merged-away
 * record to the survivor and returns their ids (kept in the merge's snapshot); `restore` puts
 * exactly those rows back on unmerge. The object's dedup spec names its followers (a table and column);
 * modules may register other kinds through `#modules/dedup`.
 */
export type MergeRelation = {
  name: string;
  object: string;
  move: (tx: Tx, o: { fromId: string; toId: string }) => Promise<string[]>;
  restore: (tx: Tx, o: { ids: string[]; fromId: string; toId: string }) => Promise<void>;
};

const relations: MergeRelation[] = [];

export function registerMergeRelation(relation: MergeRelation): void {
  if (relations.some((r) => r.name === relation.name && r.object === relation.object)) return;
  relations.push(relation);
}

/** Lookup custom fields of any object (standard or custom) that point at this object: their values follow a merge too. */
async function lookupsTo(deps: Pick<Deps, 'objects'>, tx: Tx, object: string): Promise<MergeRelation[]> {
  const defs = (await listDefs(tx)).filter((d) => d.type === 'lookup' && d.target === object);
  const found: MergeRelation[] = [];
  for (const d of defs) {
    const table = await deps.objects.tableOf(tx, d.object);
    if (table) found.push(lookupRelation(object, { owner: d.object, table, key: d.key }));
  }
  return found;
}

/** The object's followers (its dedup spec), the lookups pointing at it, then the relations registered for it. */
export const relationsOf = async (deps: Pick<Deps, 'objects'>, tx: Tx, object: string): Promise<MergeRelation[]> => [
  ...((await dedupTarget({ deps, tx, object })).spec.followers ?? []).map((f) => columnRelation(object, f.table, f.column)),
  ...(await lookupsTo(deps, tx, object)),
  ...relations.filter((r) => r.object === object),
];
