import { existsSync, statSync } from 'node:fs';
import { type Database, openDatabase } from '#db/database.ts';
import { writeDatadirBackup } from '#db/backup/datadir.ts';
import { SECRET_NOTE } from '#db/backup/format.ts';
import { writeLogicalBackup } from '#db/backup/write-backup.ts';
import { acquireStoreLock } from '#db/store-lock.ts';
import { loadConfig } from '#platform/config.ts';
import { defaultBackupName, embeddedStore, formatBytes, userPath } from './backup-paths.ts';
import type { Command } from './commands.ts';

export const backupCommand: Command = {
  summary: 'backup [--out file] [--format logical|datadir]: a consistent, portable backup of the database (KEHU_SECRET not included)',
  options: { out: { type: 'string' }, format: { type: 'string', default: 'logical' } },
  run: async ({ values }) => {
    const format = values.format;
    if (format !== 'logical' && format !== 'datadir') throw new Error('--format is logical (default, any engine) or datadir (embedded store only)');
    const config = loadConfig();
    const out = userPath(typeof values.out === 'string' ? values.out : defaultBackupName(format));
    const started = Date.now();
    let detail: string;
    if (config.databaseUrl) {
      if (format === 'datadir') throw new Error('--format datadir backs up the embedded store; a PostgreSQL server takes the logical format');
      detail = await logical(await openDatabase({ url: config.databaseUrl, poolSize: 1 }), out);
    } else {
      const pgdata = embeddedStore(config);
      if (!existsSync(pgdata)) throw new Error(`No embedded store at ${pgdata} (set KEHU_DATA_DIR or DATABASE_URL)`);
      // PGlite has no lock of its own: a running `kehu serve` on this store must be stopped first.
      const release = acquireStoreLock(pgdata, 'kehu backup');
      try {
        if (format === 'datadir') {
          const db = await openDatabase({ dataDir: pgdata });
          await writeDatadirBackup({ db, out }).finally(() => db.close());
          detail = 'PGlite data directory';
        } else {
          detail = await logical(await openDatabase({ dataDir: pgdata }), out);
        }
      } finally {
        release();
      }
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(`Backup written to ${out} (${detail}, ${formatBytes(statSync(out).size)}, ${seconds} s)\n${SECRET_NOTE}\n`);
  },
};

async function logical(db: Database, out: string): Promise<string> {
  try {
    const summary = await writeLogicalBackup({ db, out });
    const rows = Object.values(summary.rows).reduce((a, b) => a + b, 0);
    return `${db.kind}, ${rows} rows in ${Object.keys(summary.rows).length} tables, migration level ${summary.migrations.at(-1)}`;
  } finally {
    await db.close();
  }
}
