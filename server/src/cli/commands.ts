import type { ParseArgsConfig } from 'node:util';
import { backupCommand } from './backup.command.ts';
import { importCommand } from './import.command.ts';
import { migrateCommand } from './migrate.command.ts';
import { restoreCommand } from './restore.command.ts';
import { seedCommand } from './seed.command.ts';
import { serveCommand } from './serve.command.ts';
import { tenantCommand } from './tenant.command.ts';
import { userCommand } from './user.command.ts';
import { workerCommand } from './worker.command.ts';

export type CommandInput = { values: Record<string, string | boolean | undefined>; positionals: string[] };
export type Command = { summary: string; options?: ParseArgsConfig['options']; run: (input: CommandInput) => Promise<void> };

export const COMMANDS: Record<string, Command> = {
  serve: serveCommand,
  worker: workerCommand,
  migrate: migrateCommand,
  seed: seedCommand,
  user: userCommand,
  tenant: tenantCommand,
  backup: backupCommand,
  restore: restoreCommand,
  import: importCommand,
};

export function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `Usage: kehu <command> [options]\n\n${lines.join('\n')}\n`;
}
