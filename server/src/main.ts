import { parseArgs } from 'node:util';
import { COMMANDS, usage } from './cli/commands.ts';

/** `kehu <verb> [options]`: serve, worker, migrate, seed, user, tenant, backup, restore, import. */
const [verb = 'serve', ...rest] = process.argv.slice(2);
const command = COMMANDS[verb];
if (!command) {
  process.stderr.write(usage());
  process.exit(verb === 'help' || verb === '--help' ? 0 : 2);
}
try {
  const { values, positionals } = parseArgs({ args: rest, options: command.options ?? {}, allowPositionals: true, strict: true });
  await command.run({ values: values as Record<string, string | boolean | undefined>, positionals });
} catch (error) {
  process.stderr.write(`kehu ${verb}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
