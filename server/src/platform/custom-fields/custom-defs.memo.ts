import type { Tx } from '#db/tx.ts';
import { txMemo } from '#db/tx-memo.ts';
import { listDefs } from './custom-fields.repo.ts';
import type { CustomFieldDef } from './custom-fields.types.ts';

const memo = txMemo<CustomFieldDef[]>();

/**
 * An object's custom field definitions, read once per transaction: writes validate with them and
 * reads mask with them (an import writes and presents thousands of records in one transaction).
 */
export const customDefsOf = (tx: Tx, object: string): Promise<CustomFieldDef[]> => memo(tx, object, () => listDefs(tx, object));
