import { loadConfig } from '#platform/config.ts';
import { masterKeyFrom } from '#platform/crypto/field-crypto.ts';
import { resolveSecret } from '#platform/crypto/secret.ts';
import { findTenantBySlug } from '#platform/tenancy/tenants.ts';
import type { Command } from './commands.ts';
import { openConfiguredDatabase } from './open.ts';
import { demoLoginLines, generatedPassword } from './bootstrap.ts';
import { seedDemoData } from './seed.ts';

export const seedCommand: Command = {
  summary: 'seed [--tenant default] [--admin email]: load the bilingual demo data into a tenant',
  options: { tenant: { type: 'string', default: 'default' }, admin: { type: 'string' } },
  run: async ({ values }) => {
    const config = loadConfig();
    const secret = resolveSecret(config.secret, config.dataDir);
    const db = await openConfiguredDatabase(config);
    try {
      const tenant = await findTenantBySlug(db.kysely, String(values.tenant));
      if (!tenant) throw new Error(`No tenant ${values.tenant}`);
      const adminEmail = typeof values.admin === 'string' ? values.admin : config.adminEmail;
      const admin = await db.kysely.selectFrom('users').select('id').where('tenant_id', '=', tenant.id).where('email', '=', adminEmail).executeTakeFirst();
      if (!admin) throw new Error(`No user ${adminEmail} in ${tenant.slug}; pass --admin`);
      const password = config.demoPassword ?? generatedPassword();
      const counts = await seedDemoData(db, { tenantId: tenant.id, adminId: admin.id, masterKey: masterKeyFrom(secret), password });
      process.stdout.write(
        `Demo data: ${counts.companies} companies, ${counts.contacts} contacts, ${counts.activities} activities, ${counts.leads} leads, ${counts.deals} deals, ${counts.poolCustomers} pool customers, ${counts.rules} workflow rules, ${counts.users} users\n`,
      );
      if (counts.users > 0) process.stdout.write(`${demoLoginLines(config.demoPassword ? null : password).join('\n')}\n`);
    } finally {
      await db.close();
    }
  },
};
