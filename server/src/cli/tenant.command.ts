import { randomBytes } from 'node:crypto';
import { loadConfig } from '#platform/config.ts';
import { masterKeyFrom } from '#platform/crypto/field-crypto.ts';
import { resolveSecret } from '#platform/crypto/secret.ts';
import { createTenant } from '#platform/tenancy/tenants.ts';
import type { Command } from './commands.ts';
import { STANDARD_OBJECTS } from '../modules.ts';
import { openConfiguredDatabase } from './open.ts';

export const tenantCommand: Command = {
  summary: 'tenant create --slug acme --name "Acme" --admin-email a@acme.com [--admin-password ...]',
  options: {
    slug: { type: 'string' },
    name: { type: 'string' },
    'admin-email': { type: 'string' },
    'admin-password': { type: 'string' },
    locale: { type: 'string' },
  },
  run: async ({ values, positionals }) => {
    if (positionals[0] !== 'create') throw new Error('usage: kehu tenant create --slug <slug> --name <name> --admin-email <email>');
    const { slug, name } = values;
    const adminEmail = values['admin-email'];
    if (typeof slug !== 'string' || !/^[a-z0-9][a-z0-9-]{1,62}$/.test(slug)) throw new Error('--slug must be 2-63 lowercase letters, digits or dashes');
    if (typeof adminEmail !== 'string') throw new Error('--admin-email is required');
    const config = loadConfig();
    const secret = resolveSecret(config.secret, config.dataDir);
    const db = await openConfiguredDatabase(config);
    const password = typeof values['admin-password'] === 'string' ? values['admin-password'] : randomBytes(9).toString('base64url');
    try {
      const { tenantId } = await createTenant(db.kysely, {
        objects: STANDARD_OBJECTS,
        slug,
        name: typeof name === 'string' ? name : slug,
        adminEmail,
        adminPassword: password,
        masterKey: masterKeyFrom(secret),
        locale: values.locale === 'en' ? 'en' : 'zh-CN',
      });
      process.stdout.write(`Tenant ${slug} created (${tenantId}); administrator ${adminEmail}\n`);
      if (typeof values['admin-password'] !== 'string') process.stdout.write(`Generated password (shown once): ${password}\n`);
    } finally {
      await db.close();
    }
  },
};
