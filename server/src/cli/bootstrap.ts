import { randomBytes } from 'node:crypto';
import type { Database } from '#db/database.ts';
import type { Config } from '#platform/config.ts';
import { rewrapDataKeys } from '#platform/crypto/ciphers.ts';
import { masterKeyFrom } from '#platform/crypto/field-crypto.ts';
import { syncObjectGrants } from '#platform/tenancy/object-grants.service.ts';
import { countTenants, createTenant } from '#platform/tenancy/tenants.ts';
import { STANDARD_OBJECTS } from '../modules.ts';
import { DEMO_USERS } from './demo-data.ts';
import { seedDemoData } from './seed.ts';

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

/**
 * Every start: existing tenants' default roles get the grants of objects new to them.
 * First start: the default tenant and its administrator (password from the environment or
 * generated and printed once), then the bilingual demo data unless KEHU_DEMO_DATA=0, whose
 * users get KEHU_DEMO_PASSWORD or a generated password printed once with their e-mails.
 */
export async function bootstrap(db: Database, config: Config, secret: string, say: (line: string) => void) {
  const rewrapped = await rewrapDataKeys(db.kysely, masterKeyFrom(secret));
  if (rewrapped) say(`Tenant data keys wrapped again with the current wrapping key: ${rewrapped}`);
  for (const g of await syncObjectGrants({ db: db.kysely, objects: STANDARD_OBJECTS })) {
    say(`Default roles of tenant ${g.tenantId} granted the new objects: ${g.objects.join(', ')}`);
  }
  if ((await countTenants(db.kysely)) > 0) return;
  const password = config.adminPassword ?? generatedPassword();
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
    const demoPassword = config.demoPassword ?? generatedPassword();
    const counts = await seedDemoData(db, { tenantId: created.tenantId, adminId: created.adminId, masterKey: masterKeyFrom(secret), password: demoPassword });
    say(
      `Demo data: ${counts.companies} companies, ${counts.contacts} contacts, ${counts.activities} activities, ${counts.leads} leads, ${counts.deals} deals, ${counts.poolCustomers} pool customers, ${counts.rules} workflow rules, ${counts.users} users`,
    );
    for (const line of demoLoginLines(config.demoPassword ? null : demoPassword)) say(line);
  }
}

/** A random password for a first-start account (12 characters, base64url). */
export const generatedPassword = () => randomBytes(9).toString('base64url');

/** The demo users' sign-ins; the password is printed only when it was generated (null: from KEHU_DEMO_PASSWORD). */
export function demoLoginLines(generated: string | null): string[] {
  const logins = DEMO_USERS.map((u) => `  ${u.email} (${u.role})`);
  return generated === null
    ? ['Demo users (password from KEHU_DEMO_PASSWORD):', ...logins]
    : [`Demo users (generated password, shown once: ${generated}):`, ...logins];
}
