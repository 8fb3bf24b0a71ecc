import { migrateToLatest } from '#db/migrator.ts';
import { loadConfig } from '#platform/config.ts';
import type { Command } from './commands.ts';
import { openConfiguredDatabase } from './open.ts';

export const migrateCommand: Command = {
  summary: 'Apply pending database migrations',
  run: async () => {
    const db = await openConfiguredDatabase(loadConfig(), { migrate: false });
    const applied = await migrateToLatest(db);
    process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Database is up to date\n');
    await db.close();
  },
};
