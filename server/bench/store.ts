import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import pg from 'pg';

/** A throwaway database on DATABASE_URL's server (or the local one), dropped by `drop`. */
export async function throwawayPostgres(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const server = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `${prefix}_${Date.now()}`;
  const run = async (q: string) => {
    const c = new pg.Client({ connectionString: server });
    await c.connect();
    try {
      await c.query(q);
    } finally {
      await c.end();
    }
  };
  await run(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}

/** Replaces (or appends) the `<!-- bench:key -->` section of the report. */
export function writeBenchSection(file: string, key: string, lines: string[]): void {
  const section = [`<!-- bench:${key} -->`, ...lines, `<!-- /bench:${key} -->`].join('\n');
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const pattern = new RegExp(`<!-- bench:${key} -->[\\s\\S]*?<!-- /bench:${key} -->`);
  text = pattern.test(text) ? text.replace(pattern, () => section) : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, text);
}
