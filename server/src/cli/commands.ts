import type { ParseArgsConfig } from 'node:util';
import { migrateCommand } from './migrate.command.ts';
import { serveCommand } from './serve.command.ts';
import { tenantCommand } from './tenant.command.ts';
import { userCommand } from './user.command.ts';

export type CommandInput = { values: Record<string, string | boolean | undefined>; positionals: string[] };
export type Command = { summary: string; options?: ParseArgsConfig['options']; run: (input: CommandInput) => Promise<void> };

export const COMMANDS: Record<string, Command> = {
  serve: serveCommand,
  migrate: migrateCommand,
  user: userCommand,
  tenant: tenantCommand,
};

export function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `Usage: kehu <command> [options]\n\n${lines.join('\n')}\n`;
}
