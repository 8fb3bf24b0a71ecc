import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { detectBackupKind, moveAside, restoreDatadirBackup } from '#db/backup/datadir.ts';
import { type RestoreSummary, restoreLogicalBackup } from '#db/backup/restore-backup.ts';
import { openDatabase } from '#db/database.ts';
import { acquireStoreLock } from '#db/store-lock.ts';
import { loadConfig } from '#platform/config.ts';
import { embeddedStore, userPath } from './backup-paths.ts';
import type { Command } from './commands.ts';

const SECRET_REMINDER =
  'Run Kehu with the same KEHU_SECRET (or data/secret.key) as the installation that made the backup, or encrypted fields cannot be read. `kehu serve` applies any newer migrations.';

export const restoreCommand: Command = {
  summary: 'restore --in file [--force]: load a backup into an empty database (--force replaces existing data)',
  options: { in: { type: 'string' }, force: { type: 'boolean', default: false } },
  run: async ({ values }) => {
    if (typeof values.in !== 'string') throw new Error('usage: kehu restore --in <backup file> [--force]');
    const file = userPath(values.in);
    if (!existsSync(file)) throw new Error(`No such file: ${file}`);
    const force = values.force === true;
    const kind = await detectBackupKind(file);
    const config = loadConfig();
    let report: string;
    if (config.databaseUrl) {
      if (kind === 'datadir')
        throw new Error(
          'This is a PGlite data directory backup: it restores only into the embedded store. Back up with the default logical format to move to PostgreSQL.',
        );
      const db = await openDatabase({ url: config.databaseUrl, poolSize: 1 });
      try {
        report = describe(await restoreLogicalBackup({ db, file, force }));
      } finally {
        await db.close();
      }
    } else {
      report = await restoreEmbedded(embeddedStore(config), file, kind, force);
    }
    process.stdout.write(`${report}\n${SECRET_REMINDER}\n`);
  },
};

async function restoreEmbedded(pgdata: string, file: string, kind: 'logical' | 'datadir', force: boolean): Promise<string> {
  // PGlite has no lock of its own: a running `kehu serve` on this store must be stopped first.
  const release = acquireStoreLock(pgdata, 'kehu restore');
  try {
    const occupied = existsSync(pgdata) && readdirSync(pgdata).length > 0;
    if (kind === 'datadir') {
      if (occupied && !force) throw new Error(`${pgdata} already holds a store: pass --force to replace it (the old one is kept aside)`);
      const aside = await restoreDatadirBackup({ pgdataDir: pgdata, file });
      return `Restored the embedded store from ${file}${aside ? `; the previous store was moved to ${aside}` : ''}`;
    }
    // --force on the embedded store starts from a fresh directory, keeping the old one aside.
    const aside = force ? moveAside(pgdata) : null;
    try {
      const db = await openDatabase({ dataDir: pgdata });
      try {
        const summary = await restoreLogicalBackup({ db, file });
        return `${describe(summary)}${aside ? `; the previous store was moved to ${aside}` : ''}`;
      } finally {
        await db.close();
      }
    } catch (error) {
      if (aside) {
        rmSync(pgdata, { recursive: true, force: true });
        renameSync(aside, pgdata);
      }
      throw error;
    }
  } finally {
    release();
  }
}

function describe({ header, rows, migrated }: RestoreSummary): string {
  const total = Object.values(rows).reduce((a, b) => a + b, 0);
  const level = header.migrations.at(-1)?.name;
  return [
    `Restored ${total} rows into ${Object.keys(rows).length} tables from a ${header.engine} backup made ${header.createdAt} by Kehu ${header.kehuVersion}`,
    `Migration level ${level}${migrated.length ? ` (applied ${migrated.length} migrations first)` : ''}`,
  ].join('\n');
}
