import { randomBytes } from 'node:crypto';
import type { Database } from '#db/database.ts';
import type { Config } from '#platform/config.ts';
import { masterKeyFrom } from '#platform/crypto/field-crypto.ts';
import { countTenants, createTenant } from '#platform/tenancy/tenants.ts';
import { STANDARD_OBJECTS } from '../modules.ts';
import { seedDemoData } from './seed.ts';

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

/**
 * First start: the default tenant and its administrator (password from the environment or
 * generated and printed once), then the bilingual demo data unless KEHU_DEMO_DATA=0.
 */
export async function bootstrap(db: Database, config: Config, secret: string, say: (line: string) => void) {
  if ((await countTenants(db.kysely)) > 0) return;
  const password = config.adminPassword ?? randomBytes(9).toString('base64url');
  let created: Awaited<ReturnType<typeof createTenant>>;
  try {
    created = await createTenant(db.kysely, {
      objects: STANDARD_OBJECTS,
      slug: 'default',
      name: 'Kehu',
      adminEmail: config.adminEmail,
      adminPassword: password,
      adminName: '管理员 Admin',
      masterKey: masterKeyFrom(secret),
    });
  } catch (error) {
    if (isUniqueViolation(error)) return; // another instance bootstrapped at the same moment
    throw error;
  }
  say(`Administrator: ${config.adminEmail}`);
  if (!config.adminPassword) say(`Generated password (shown once): ${password}`);
  if (config.demoData) {
    const counts = await seedDemoData(db, { tenantId: created.tenantId, adminId: created.adminId, masterKey: masterKeyFrom(secret) });
    say(
      `Demo data: ${counts.companies} companies, ${counts.contacts} contacts, ${counts.activities} activities, ${counts.leads} leads, ${counts.deals} deals, ${counts.poolCustomers} pool customers, ${counts.users} users`,
    );
  }
}
