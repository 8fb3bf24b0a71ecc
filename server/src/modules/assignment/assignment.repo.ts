import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';
import type { Row } from '#platform/records/records.repo.ts';

export type RuleRow = {
  id: string;
  name: string;
  position: number;
  active: boolean;
  match: string;
  conditions: unknown;
  method: string;
  user_ids: string[];
  team_id: string | null;
  capacity: number | null;
  working_days_only: boolean;
  last_user_id: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
};
const RULE_COLUMNS = [
  'id',
  'name',
  'position',
  'active',
  'match',
  'conditions',
  'method',
  'user_ids',
  'team_id',
  'capacity',
  'working_days_only',
  'last_user_id',
  'created_at',
  'updated_at',
  'version',
] as const;

/** Rules in order. `lock` serializes assignments within a tenant, so round-robin never hands two leads the same turn. */
export function listRules(tx: Tx, o: { activeOnly?: boolean; lock?: boolean } = {}): Promise<RuleRow[]> {
  const q = tx
    .selectFrom('assignment_rules')
    .select(RULE_COLUMNS)
    .$if(!!o.activeOnly, (q) => q.where('active', '=', true))
    .orderBy('position')
    .orderBy('created_at');
  return (o.lock ? q.forUpdate() : q).execute();
}

export const findRule = (tx: Tx, id: string): Promise<RuleRow | undefined> =>
  tx.selectFrom('assignment_rules').select(RULE_COLUMNS).where('id', '=', id).forUpdate().executeTakeFirst();

export async function nextRulePosition(tx: Tx): Promise<number> {
  const row = await tx
    .selectFrom('assignment_rules')
    .select((eb) => eb.fn.max('position').as('max'))
    .executeTakeFirst();
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}

export const insertRule = (tx: Tx, values: Record<string, unknown>) =>
  tx
    .insertInto('assignment_rules')
    .values(values as never)
    .returning(RULE_COLUMNS)
    .executeTakeFirstOrThrow();

export const updateRule = (tx: Tx, id: string, values: Record<string, unknown>) =>
  tx
    .updateTable('assignment_rules')
    .set({ ...values, updated_at: sql`now()`, version: sql`version + 1` } as never)
    .where('id', '=', id)
    .returning(RULE_COLUMNS)
    .executeTakeFirstOrThrow();

/** Moving the round-robin pointer is not an edit of the rule: its version stays. */
export const setLastUser = (tx: Tx, id: string, userId: string) =>
  tx.updateTable('assignment_rules').set({ last_user_id: userId }).where('id', '=', id).execute();

export const deleteRule = (tx: Tx, id: string) => tx.deleteFrom('assignment_rules').where('id', '=', id).execute();

export const setPosition = (tx: Tx, id: string, position: number) =>
  tx.updateTable('assignment_rules').set({ position, updated_at: sql`now()`, version: sql`version + 1` }).where('id', '=', id).execute();

export type SettingsRow = { assign_on_capture: boolean; assign_on_hot: boolean; working_days: number[]; holidays: (Date | string)[]; version: number };
const DEFAULT_SETTINGS: SettingsRow = { assign_on_capture: true, assign_on_hot: false, working_days: [1, 2, 3, 4, 5], holidays: [], version: 0 };

export async function findSettings(tx: Tx): Promise<SettingsRow> {
  const { rows } = await sql<SettingsRow>`
    select assign_on_capture, assign_on_hot, working_days, array(select to_char(d, 'YYYY-MM-DD') from unnest(holidays) d) as holidays, version
    from assignment_settings`.execute(tx);
  return rows[0] ?? DEFAULT_SETTINGS;
}

export async function upsertSettings(tx: Tx, tenantId: string, v: Omit<SettingsRow, 'version'>, userId: string | null): Promise<void> {
  await sql`
    insert into assignment_settings (tenant_id, assign_on_capture, assign_on_hot, working_days, holidays, updated_by)
    values (${tenantId}, ${v.assign_on_capture}, ${v.assign_on_hot}, ${v.working_days}, cast(${v.holidays} as date[]), ${userId})
    on conflict (tenant_id) do update set assign_on_capture = excluded.assign_on_capture, assign_on_hot = excluded.assign_on_hot,
      working_days = excluded.working_days, holidays = excluded.holidays, updated_by = excluded.updated_by,
      updated_at = now(), version = assignment_settings.version + 1`.execute(tx);
}

export async function tenantTimeZone(tx: Tx, tenantId: string): Promise<string> {
  const row = await tx.selectFrom('tenants').select('timezone').where('id', '=', tenantId).executeTakeFirst();
  return row?.timezone ?? 'UTC';
}

export async function lockLead(tx: Tx, id: string): Promise<Row | undefined> {
  return (await tx.selectFrom('leads').selectAll().where('id', '=', id).where('deleted_at', 'is', null).forUpdate().executeTakeFirst()) as Row | undefined;
}

export async function leadScore(tx: Tx, leadId: string): Promise<{ score: number; band: string } | undefined> {
  return tx.selectFrom('lead_scores').select(['score', 'band']).where('lead_id', '=', leadId).executeTakeFirst();
}

/** Active members of a team, in a stable order (the round-robin order for a team rule). */
export async function teamMembers(tx: Tx, teamId: string): Promise<string[]> {
  const rows = await tx.selectFrom('users').select('id').where('team_id', '=', teamId).where('is_active', '=', true).orderBy('name').orderBy('id').execute();
  return rows.map((r) => r.id);
}

export type CandidateRow = { id: string; available: boolean; open_leads: number; assigned_30d: number };

/**
 * Per user: active and not away today (in the tenant's zone), open leads owned (not converted
 * or unqualified), and leads assigned to them in the last 30 days (the capacity window).
 */
export async function candidateStats(tx: Tx, o: { userIds: string[]; today: string; now: Date }): Promise<CandidateRow[]> {
  if (o.userIds.length === 0) return [];
  const { rows } = await sql<CandidateRow>`
    select u.id,
      u.is_active and not exists (select 1 from assignment_away a where a.user_id = u.id and (a.until is null or a.until >= cast(${o.today} as date))) as available,
      (select count(*)::int from leads l where l.owner_id = u.id and l.deleted_at is null and l.status not in ('converted', 'unqualified')) as open_leads,
      (select count(*)::int from lead_assignments la where la.user_id = u.id and la.assigned_at > ${o.now}::timestamptz - interval '30 days') as assigned_30d
    from users u where u.id = any(${sql`cast(${o.userIds} as uuid[])`})`.execute(tx);
  return rows;
}

export async function activeUserIds(tx: Tx, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx.selectFrom('users').select('id').where('id', 'in', ids).where('is_active', '=', true).execute();
  return rows.map((r) => r.id);
}

export const teamExists = async (tx: Tx, id: string) => !!(await tx.selectFrom('teams').select('id').where('id', '=', id).executeTakeFirst());

export async function setLeadOwner(tx: Tx, leadId: string, ownerId: string, by: string | null): Promise<Row | undefined> {
  return (await tx
    .updateTable('leads')
    .set({ owner_id: ownerId, updated_by: by, updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', leadId)
    .returningAll()
    .executeTakeFirst()) as Row | undefined;
}

export const insertAssignment = (tx: Tx, values: Record<string, unknown>) =>
  tx
    .insertInto('lead_assignments')
    .values(values as never)
    .execute();

export type QueueRow = { reason: string; rule_id: string | null; attempts: number };
export const findQueued = (tx: Tx, leadId: string): Promise<QueueRow | undefined> =>
  tx.selectFrom('lead_assignment_queue').select(['reason', 'rule_id', 'attempts']).where('lead_id', '=', leadId).executeTakeFirst();

export async function enqueue(tx: Tx, v: { tenant_id: string; lead_id: string; reason: string; rule_id: string | null }): Promise<void> {
  await tx
    .insertInto('lead_assignment_queue')
    .values({ ...v, attempts: 1 })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'lead_id']).doUpdateSet((eb) => ({
        reason: eb.ref('excluded.reason'),
        rule_id: eb.ref('excluded.rule_id'),
        attempts: sql`lead_assignment_queue.attempts + 1`,
      })),
    )
    .execute();
}

export const dequeue = (tx: Tx, leadId: string) => tx.deleteFrom('lead_assignment_queue').where('lead_id', '=', leadId).execute();

export type QueueListRow = {
  lead_id: string;
  name: string;
  company_name: string | null;
  region: string | null;
  source: string | null;
  owner_id: string | null;
  score: number | null;
  band: string | null;
  reason: string;
  rule_id: string | null;
  queued_at: Date;
  attempts: number;
};

export async function listQueue(tx: Tx, owners: string[] | null, limit: number): Promise<QueueListRow[]> {
  const { rows } = await sql<QueueListRow>`
    select q.lead_id, l.name, l.company_name, l.region, l.source, l.owner_id, s.score, s.band, q.reason, q.rule_id, q.queued_at, q.attempts
    from lead_assignment_queue q
    join leads l on l.tenant_id = q.tenant_id and l.id = q.lead_id and l.deleted_at is null
    left join lead_scores s on s.tenant_id = q.tenant_id and s.lead_id = q.lead_id
    where ${owners === null ? sql`true` : sql`l.owner_id = any(${sql`cast(${owners} as uuid[])`})`}
    order by q.queued_at, q.lead_id
    limit ${limit}`.execute(tx);
  return rows;
}

export const queuedLeadIds = async (tx: Tx, limit: number) =>
  (await tx.selectFrom('lead_assignment_queue').select('lead_id').orderBy('queued_at').limit(limit).execute()).map((r) => r.lead_id);

export const tenantsWithQueue = async (tx: Tx) =>
  (await tx.selectFrom('lead_assignment_queue').select('tenant_id').distinct().execute()).map((r) => r.tenant_id);

export type AwayRow = { user_id: string; user_name: string; until: string | null; note: string | null };
export async function listAway(tx: Tx): Promise<AwayRow[]> {
  const { rows } = await sql<AwayRow>`
    select a.user_id, u.name as user_name, to_char(a.until, 'YYYY-MM-DD') as until, a.note
    from assignment_away a join users u on u.tenant_id = a.tenant_id and u.id = a.user_id order by u.name`.execute(tx);
  return rows;
}

export async function setAway(tx: Tx, v: { tenant_id: string; user_id: string; until: string | null; note: string | null }): Promise<void> {
  await sql`insert into assignment_away (tenant_id, user_id, until, note) values (${v.tenant_id}, ${v.user_id}, cast(${v.until} as date), ${v.note})
    on conflict (tenant_id, user_id) do update set until = excluded.until, note = excluded.note`.execute(tx);
}

export const clearAway = (tx: Tx, userId: string) => tx.deleteFrom('assignment_away').where('user_id', '=', userId).returning('user_id').executeTakeFirst();

export async function assignmentLog(tx: Tx, leadId: string) {
  const { rows } = await sql<{
    id: string;
    user_id: string;
    user_name: string;
    previous_owner_id: string | null;
    rule_id: string | null;
    rule_name: string | null;
    method: string;
    trigger: string;
    assigned_at: Date;
  }>`
    select la.id, la.user_id, u.name as user_name, la.previous_owner_id, la.rule_id, r.name as rule_name, la.method, la.trigger, la.assigned_at
    from lead_assignments la
    join users u on u.tenant_id = la.tenant_id and u.id = la.user_id
    left join assignment_rules r on r.tenant_id = la.tenant_id and r.id = la.rule_id
    where la.lead_id = ${leadId} order by la.assigned_at desc, la.id desc limit 100`.execute(tx);
  return rows;
}

export type RecentRow = {
  id: string;
  lead_id: string;
  lead_name: string;
  owner_id: string | null;
  user_id: string;
  user_name: string;
  rule_name: string | null;
  method: string;
  trigger: string;
  assigned_at: Date;
  score: number | null;
  band: string | null;
};

/** The latest assignments the caller may see (by the lead's owner), newest first. */
export async function recentAssignments(tx: Tx, owners: string[] | null, limit: number): Promise<RecentRow[]> {
  const { rows } = await sql<RecentRow>`
    select la.id, la.lead_id, l.name as lead_name, l.owner_id, la.user_id, u.name as user_name, r.name as rule_name, la.method, la.trigger, la.assigned_at, s.score, s.band
    from lead_assignments la
    join leads l on l.tenant_id = la.tenant_id and l.id = la.lead_id and l.deleted_at is null
    join users u on u.tenant_id = la.tenant_id and u.id = la.user_id
    left join assignment_rules r on r.tenant_id = la.tenant_id and r.id = la.rule_id
    left join lead_scores s on s.tenant_id = la.tenant_id and s.lead_id = la.lead_id
    where ${owners === null ? sql`true` : sql`l.owner_id = any(${sql`cast(${owners} as uuid[])`})`}
    order by la.assigned_at desc, la.id desc
    limit ${limit}`.execute(tx);
  return rows;
}
