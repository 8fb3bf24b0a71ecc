import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Tx } from '#db/tx.ts';
import type { Row } from '#platform/records/records.repo.ts';

export type TimelineKey = { kind: 'activity' | 'change'; id: string; at: Date; at_text: string };

/** The objects activities link to, by their link column; a company's timeline also carries its people's. Others show their field history only. */
const ACTIVITY_LINKS: Record<string, string> = { contact: 'contact_id', lead: 'lead_id', deal: 'deal_id' };

export type TimelinePageOptions = {
  /** Any object with the timeline capability (`quote`, `ticket`): its audit trail, and its activities when they link to it. */
  object: string;
  id: string;
  /** Owners whose activities the user may read; null for all, undefined for none. */
  activityOwners: string[] | null | undefined;
  after: { at: string; id: string } | null;
  limit: number;
};

/**
 * One keyset page of the merged timeline (record_history: the audit log and imported rows' changes from the import journal), newest first, ordered by (at, id). Each branch is
 * limited and cut at the cursor on its own, so it walks its index instead of the whole history.
 * Audit entries that only read the record (a revealed ID number) are not changes.
 */
export async function timelinePage(tx: Tx, o: TimelinePageOptions): Promise<TimelineKey[]> {
  const before = (at: RawBuilder<unknown>) =>
    o.after ? sql<SqlBool>`(${at}, id) < (cast(${o.after.at} as timestamptz), cast(${o.after.id} as uuid))` : sql<SqlBool>`true`;
  const branches = [
    sql`(select 'change' as kind, id, at from record_history
      where object_type = ${o.object} and object_id = ${o.id} and action not in ('revealed', 'exported') and ${before(sql.ref('at'))}
      order by at desc, id desc limit ${o.limit + 1})`,
  ];
  const link = ACTIVITY_LINKS[o.object];
  if (o.activityOwners !== undefined && (link || o.object === 'company')) {
    // A company's timeline also carries what happened with its people.
    const linked = link ? sql`${sql.ref(link)} = ${o.id}` : sql`(company_id = ${o.id} or contact_id in (select id from contacts where company_id = ${o.id}))`;
    const owners = o.activityOwners ? sql`and owner_id = any(${sql`cast(${o.activityOwners} as uuid[])`})` : sql``;
    branches.push(sql`(select 'activity' as kind, id, occurred_at as at from activities
      where ${linked} and deleted_at is null ${owners} and ${before(sql.ref('occurred_at'))}
      order by occurred_at desc, id desc limit ${o.limit + 1})`);
  }
  const { rows } = await sql<TimelineKey>`
    select kind, id, at, cast(at as text) as at_text from (${sql.join(branches, sql` union all `)}) t
    order by at desc, id desc
    limit ${o.limit + 1}`.execute(tx);
  return rows;
}

export async function activitiesByIds(tx: Tx, ids: string[]): Promise<Row[]> {
  if (!ids.length) return [];
  const { rows } = await sql<Row>`select * from activities where id = any(${sql`cast(${ids} as uuid[])`})`.execute(tx);
  return rows;
}

export type ChangeRow = {
  id: string;
  at: Date;
  action: string;
  actor_id: string | null;
  actor_name: string | null;
  changes: Record<string, { from: unknown; to: unknown }>;
  import_id: string | null;
  file_name: string | null;
};

export async function changesByIds(tx: Tx, ids: string[]): Promise<ChangeRow[]> {
  if (!ids.length) return [];
  const { rows } = await sql<ChangeRow>`
    select l.id, l.at, l.action, l.actor_id, u.name as actor_name, l.changes, l.import_id, l.file_name
    from record_history l left join users u on u.tenant_id = l.tenant_id and u.id = l.actor_id
    where l.id = any(${sql`cast(${ids} as uuid[])`})`.execute(tx);
  return rows;
}

/** Names of the users a change points at (an owner before and after), so the timeline reads "Li Na -> Zhou Jie". */
export async function userNames(tx: Tx, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const { rows } = await sql<{ id: string; name: string }>`select id, name from users where id = any(${sql`cast(${ids} as uuid[])`})`.execute(tx);
  return new Map(rows.map((r) => [r.id, r.name]));
}
