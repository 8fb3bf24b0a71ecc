import type { Tx } from '#db/tx.ts';
import type { RequestContext } from '../context.ts';
import type { AppError } from '../errors/app-error.ts';

/** The writes a guard is asked about; a restore from the recycle bin is its own (not a `delete`). */
export type GuardAction = 'update' | 'delete' | 'restore';

/** What a write guard is asked: may `ctx` change these records of `object`? */
export type GuardQuestion = { tx: Tx; ctx: RequestContext; object: string; ids: readonly string[]; action: GuardAction };

/** Returns the refused ids with the error to answer; an empty map lets every write through. */
export type WriteGuard = (q: GuardQuestion) => Promise<Map<string, AppError>>;

/**
 * Checks a module registers against record writes (a record locked by a pending approval), which
 * the record service asks before every update, delete and restore; the platform names no module.
 */
export type WriteGuards = {
  add: (guard: WriteGuard) => void;
  /** The refusals of every guard, the first guard's error winning for an id. */
  refusals: (q: GuardQuestion) => Promise<Map<string, AppError>>;
};

export function createWriteGuards(): WriteGuards {
  const guards: WriteGuard[] = [];
  return {
    add: (guard) => {
      guards.push(guard);
    },
    refusals: async (q) => {
      const refused = new Map<string, AppError>();
      for (const guard of guards) for (const [id, error] of await guard(q)) if (!refused.has(id)) refused.set(id, error);
      return refused;
    },
  };
}

/** Throws the refusal of one record's write, if any guard refuses it. */
export async function guardWrite(guards: WriteGuards | undefined, q: Omit<GuardQuestion, 'ids'> & { id: string }): Promise<void> {
  if (!guards) return;
  const refused = (await guards.refusals({ ...q, ids: [q.id] })).get(q.id);
  if (refused) throw refused;
}
