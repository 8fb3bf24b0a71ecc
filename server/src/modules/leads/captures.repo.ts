import type { Tx } from '#db/tx.ts';
import { newId } from '#platform/ids.ts';

export type CaptureRow = {
  id: string;
  lead_id: string;
  channel: string;
  outcome: string;
  form_id: string | null;
  matched_rule: string | null;
  data: Record<string, unknown>;
  ip: string | null;
  user_agent: string | null;
  created_at: Date;
  created_by: string | null;
};

export async function insertCapture(tx: Tx, tenantId: string, c: Omit<CaptureRow, 'id' | 'created_at' | 'data'> & { data: unknown }): Promise<string> {
  const id = newId();
  await tx
    .insertInto('lead_captures')
    .values({ ...c, tenant_id: tenantId, id, data: JSON.stringify(c.data) })
    .execute();
  return id;
}

export async function listCaptures(tx: Tx, leadId: string): Promise<CaptureRow[]> {
  return (await tx.selectFrom('lead_captures').selectAll().where('lead_id', '=', leadId).orderBy('created_at', 'desc').limit(100).execute()) as CaptureRow[];
}
