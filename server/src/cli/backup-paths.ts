import { join, resolve } from 'node:path';
import type { Config } from '#platform/config.ts';

/** Paths on the command line are the user's: npm runs workspace scripts in server/, INIT_CWD is where they typed. */
export const userPath = (path: string) => resolve(process.env.INIT_CWD ?? process.cwd(), path);

/** The embedded store's directory, as cli/open.ts lays it out. */
export const embeddedStore = (config: Config) => join(config.dataDir, 'pgdata');

export const defaultBackupName = (kind: 'logical' | 'datadir') =>
  `backups/kehu-${new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}${kind === 'logical' ? '.jsonl.gz' : '.pgdata.tar.gz'}`;

export const formatBytes = (bytes: number) => (bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
