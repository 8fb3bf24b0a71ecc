import { inTenant } from '#db/tx.ts';
import { buildObjectRegistry } from '#platform/objects/objects.service.ts';
import { STANDARD_OBJECTS } from '../modules.ts';
import type { Database } from '#db/database.ts';
import { hashPassword } from '#platform/auth/password.ts';
import type { RequestContext } from '#platform/context.ts';
import { cipherRegistry } from '#platform/crypto/ciphers.ts';
import type { Deps } from '#platform/deps.ts';
import { createSubscribers } from '#platform/events/subscribers.ts';
import { newId } from '#platform/ids.ts';
import { createRecord } from '#platform/records/record-service.ts';
import { companyDefinition, contactDefinition } from '#modules/customers/index.ts';
import { seedDemoApprovals } from '#modules/approvals/index.ts';
import { seedDemoDeals } from '#modules/deals/index.ts';
import { seedDemoPool } from '#modules/pool/index.ts';
import { seedDemoOrders } from '#modules/orders/index.ts';
import { seedDemoProducts } from '#modules/products/index.ts';
import { seedDemoQuotes } from '#modules/quotes/index.ts';
import { seedDemoContracts } from '#modules/contracts/index.ts';
import { seedDemoRules } from '#modules/workflows/index.ts';
import { seedDemoTemplates } from '#modules/mail/index.ts';
import { seedDemoTickets } from '#modules/tickets/index.ts';
import { seedDemoLeads } from './demo-leads.ts';
import { DEMO_COMPANIES, DEMO_NOTES, DEMO_PEOPLE, DEMO_USERS } from './demo-data.ts';

/** `password`: the demo users' password (there is no default: a published one would let anyone in). */
export type SeedOptions = { tenantId: string; adminId: string; masterKey: Buffer; password: string };

export type SeedCounts = {
  companies: number;
  contacts: number;
  activities: number;
  users: number;
  leads: number;
  deals: number;
  products: number;
  quotes: number;
  orders: number;
  contracts: number;
  poolCustomers: number;
  rules: number;
  approvalProcesses: number;
  mailTemplates: number;
  tickets: number;
};

/**
 * Loads the bilingual demo data through the same services the API uses (so search text,
 * phones, audit and events are real), with demo users sharing the admin's team: customers,
 * activities, leads, a pipeline with deals (some closed months ago) and a public pool.
 * A tenant that already has the demo users is left alone, so a second run adds nothing.
 */
export async function seedDemoData(db: Database, o: SeedOptions): Promise<SeedCounts> {
  const deps = {
    db,
    ciphers: cipherRegistry(db.kysely, o.masterKey),
    subscribers: createSubscribers(),
    objects: buildObjectRegistry(STANDARD_OBJECTS),
  } as unknown as Deps;
  const ctx: RequestContext = {
    tenantId: o.tenantId,
    userId: o.adminId,
    requestId: 'seed',
    ip: null,
    locale: 'zh-CN',
    access: { userId: o.adminId, isAdmin: true, permissions: {}, fields: {}, teamUserIds: [o.adminId] },
  };
  if (await hasDemoUsers(db, o.tenantId))
    return {
      companies: 0,
      contacts: 0,
      activities: 0,
      users: 0,
      leads: 0,
      deals: 0,
      products: 0,
      quotes: 0,
      orders: 0,
      contracts: 0,
      poolCustomers: 0,
      rules: 0,
      approvalProcesses: 0,
      mailTemplates: 0,
      tickets: 0,
    };
  const userIds = await createDemoUsers(db, o);
  const owners = [o.adminId, ...userIds];
  const companies = [];
  for (const [i, c] of DEMO_COMPANIES.entries()) {
    companies.push(
      await createRecord({
        deps,
        ctx,
        def: companyDefinition,
        input: {
          name: c.name,
          industry: c.industry,
          website: c.website,
          tier: c.tier,
          lifecycleStage: c.stage,
          address: { city: c.city, province: c.province },
          ownerId: owners[i % owners.length],
          tags: i % 2 ? ['重点客户'] : ['key account'],
        },
      }),
    );
  }
  const contacts = [];
  for (const [i, p] of DEMO_PEOPLE.entries()) {
    const company = p.company === null ? null : companies[p.company];
    contacts.push(
      await createRecord({
        deps,
        ctx,
        def: contactDefinition,
        input: {
          familyName: p.family,
          givenName: p.given,
          ...(p.title ? { title: p.title } : {}),
          companyId: company?.id ?? null,
          phones: [{ label: 'mobile', number: p.phone }],
          emails: [{ label: 'work', address: p.email }],
          lifecycleStage: company ? DEMO_COMPANIES[p.company as number]?.stage : 'subscriber',
          ownerId: company?.ownerId ?? owners[i % owners.length],
          source: i % 3 === 0 ? '官网' : i % 3 === 1 ? 'referral' : '展会',
        },
      }),
    );
  }
  const activities = await createDemoActivities(db, o, contacts);
  const deals = await seedDemoDeals({ deps, ctx, companies, contacts });
  const leads = await seedDemoLeads({ deps, ctx, owners });
  const catalog = await seedDemoProducts({ deps, ctx });
  const quotes = await seedDemoQuotes({ deps, ctx, priceBookId: catalog.priceBookId });
  const orders = await seedDemoOrders({ deps, ctx });
  const contracts = await seedDemoContracts({ deps, ctx });
  // The first company, a key account, is locked so the pool's Locked list has an example.
  const poolCustomers = await seedDemoPool({ deps, ctx, ownerId: userIds[1] ?? o.adminId, ...(companies[0] ? { lockCompanyId: companies[0].id } : {}) });
  const rules = await seedDemoRules({ deps, ctx });
  const approvalProcesses = await seedDemoApprovals({ deps, tenantId: o.tenantId, adminId: o.adminId });
  const mailTemplates = await seedDemoTemplates({ deps, ctx });
  const tickets = await seedDemoTickets({ deps, ctx, contacts, agents: userIds });
  return {
    companies: companies.length,
    contacts: contacts.length,
    activities,
    users: userIds.length,
    leads,
    deals,
    products: catalog.products,
    quotes,
    orders,
    contracts,
    poolCustomers,
    rules,
    approvalProcesses,
    mailTemplates,
    tickets,
  };
}

async function hasDemoUsers(db: Database, tenantId: string): Promise<boolean> {
  const emails = DEMO_USERS.map((u) => u.email);
  return inTenant(db.kysely, tenantId, async (tx) => !!(await tx.selectFrom('users').select('id').where('email', 'in', emails).limit(1).executeTakeFirst()));
}

async function createDemoUsers(db: Database, o: SeedOptions): Promise<string[]> {
  const hash = await hashPassword(o.password);
  return inTenant(db.kysely, o.tenantId, async (tx) => {
    const team = await tx.selectFrom('users').select('team_id').where('id', '=', o.adminId).executeTakeFirstOrThrow();
    const ids: string[] = [];
    for (const u of DEMO_USERS) {
      const id = newId();
      const role = await tx.selectFrom('roles').select('id').where('name', '=', u.role).executeTakeFirstOrThrow();
      await tx.insertInto('users').values({ tenant_id: o.tenantId, id, email: u.email, name: u.name, password_hash: hash, team_id: team.team_id }).execute();
      await tx.insertInto('user_roles').values({ tenant_id: o.tenantId, user_id: id, role_id: role.id }).execute();
      ids.push(id);
      // The Sales Manager (孙经理) manages the demo team, so the demo approval's "owner's manager" is a real person.
      if (u.role === 'Sales Manager' && team.team_id) {
        await tx.updateTable('teams').set({ manager_id: id }).where('id', '=', team.team_id).where('manager_id', 'is', null).execute();
      }
    }
    return ids;
  });
}

async function createDemoActivities(db: Database, o: SeedOptions, contacts: { id: string; companyId: string | null; ownerId: string | null }[]) {
  return inTenant(db.kysely, o.tenantId, async (tx) => {
    let n = 0;
    for (const [i, c] of contacts.entries()) {
      const note = DEMO_NOTES[i % DEMO_NOTES.length] as (typeof DEMO_NOTES)[number];
      const occurredAt = new Date(Date.now() - (i + 1) * 36e5 * 7);
      await tx
        .insertInto('activities')
        .values({
          tenant_id: o.tenantId,
          id: newId(),
          type: i % 2 ? 'call' : 'note',
          subject: note.subject,
          body: note.body,
          contact_id: c.id,
          company_id: c.companyId,
          owner_id: c.ownerId,
          occurred_at: occurredAt,
          created_by: o.adminId,
          ...(i % 2 ? { outcome: 'connected', duration_seconds: 300 + i * 10 } : {}),
        })
        .execute();
      await tx
        .insertInto('activities')
        .values({
          tenant_id: o.tenantId,
          id: newId(),
          type: 'task',
          subject: i % 2 ? 'Send proposal' : '跟进报价',
          contact_id: c.id,
          company_id: c.companyId,
          owner_id: c.ownerId,
          due_at: new Date(Date.now() + (i + 1) * 864e5),
          created_by: o.adminId,
        })
        .execute();
      await tx.updateTable('contacts').set({ last_activity_at: occurredAt }).where('id', '=', c.id).execute();
      n += 2;
    }
    return n;
  });
}
