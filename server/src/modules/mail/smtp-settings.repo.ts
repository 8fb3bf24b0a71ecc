import type { Tx } from '#db/tx.ts';

export type SmtpSettingsRow = {
  host: string;
  port: number;
  secure: boolean;
  username: string | null;
  password_sealed: string | null;
  from_address: string;
  version: number;
};

const COLUMNS = ['host', 'port', 'secure', 'username', 'password_sealed', 'from_address', 'version'] as const;

export async function findSmtpSettings(tx: Tx): Promise<SmtpSettingsRow | undefined> {
  return tx.selectFrom('mail_settings').select(COLUMNS).executeTakeFirst();
}

export async function upsertSmtpSettings(tx: Tx, o: Omit<SmtpSettingsRow, 'version'> & { tenantId: string; userId: string | null }): Promise<SmtpSettingsRow> {
  const { tenantId, userId, ...values } = o;
  return tx
    .insertInto('mail_settings')
    .values({ tenant_id: tenantId, ...values, updated_by: userId })
    .onConflict((c) =>
      c.column('tenant_id').doUpdateSet((eb) => ({
        ...values,
        updated_by: userId,
        updated_at: new Date(),
        version: eb('mail_settings.version', '+', 1),
      })),
    )
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function deleteSmtpSettings(tx: Tx): Promise<void> {
  await tx.deleteFrom('mail_settings').execute();
}
