import { randomBytes } from 'node:crypto';
import { inTenant } from '#db/tx.ts';
import { hashPassword } from '#platform/auth/password.ts';
import { loadConfig } from '#platform/config.ts';
import { newId } from '#platform/ids.ts';
import { findTenantBySlug } from '#platform/tenancy/tenants.ts';
import type { Command } from './commands.ts';
import { openConfiguredDatabase } from './open.ts';

export const userCommand: Command = {
  summary: 'user create --email e --name n [--role "Sales Rep"] [--password p] | user reset-password --email e [--password p]  (--tenant default)',
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    password: { type: 'string' },
    role: { type: 'string' },
    tenant: { type: 'string', default: 'default' },
  },
  run: async ({ values, positionals }) => {
    const action = positionals[0];
    const email = values.email;
    if ((action !== 'create' && action !== 'reset-password') || typeof email !== 'string') {
      throw new Error('usage: kehu user create|reset-password --email <email> [--name n] [--role r] [--password p] [--tenant slug]');
    }
    const password = typeof values.password === 'string' ? values.password : randomBytes(9).toString('base64url');
    if (password.length < 8) throw new Error('--password must have at least 8 characters');
    const db = await openConfiguredDatabase(loadConfig());
    try {
      const tenant = await findTenantBySlug(db.kysely, String(values.tenant));
      if (!tenant) throw new Error(`No tenant ${values.tenant}`);
      const hash = await hashPassword(password);
      await inTenant(db.kysely, tenant.id, async (tx) => {
        if (action === 'reset-password') {
          const updated = await tx
            .updateTable('users')
            .set({ password_hash: hash, failed_logins: 0, locked_until: null })
            .where('email', '=', email)
            .executeTakeFirst();
          if (!updated.numUpdatedRows) throw new Error(`No user ${email}`);
          await tx
            .deleteFrom('sessions')
            .where('user_id', 'in', tx.selectFrom('users').select('id').where('email', '=', email))
            .execute();
          return;
        }
        const roleName = typeof values.role === 'string' ? values.role : 'Sales Rep';
        const role = await tx.selectFrom('roles').select('id').where('name', '=', roleName).executeTakeFirst();
        if (!role) throw new Error(`No role ${roleName}`);
        const team = await tx.selectFrom('teams').select('id').where('parent_id', 'is', null).orderBy('created_at').executeTakeFirst();
        const id = newId();
        await tx
          .insertInto('users')
          .values({
            tenant_id: tenant.id,
            id,
            email,
            name: typeof values.name === 'string' ? values.name : email,
            password_hash: hash,
            team_id: team?.id ?? null,
          })
          .execute();
        await tx.insertInto('user_roles').values({ tenant_id: tenant.id, user_id: id, role_id: role.id }).execute();
      });
      process.stdout.write(`${action === 'create' ? 'Created' : 'Reset password of'} ${email}\n`);
      if (typeof values.password !== 'string') process.stdout.write(`Generated password (shown once): ${password}\n`);
    } finally {
      await db.close();
    }
  },
};
