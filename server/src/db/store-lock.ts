import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';

type Holder = { pid: number; host: string; purpose: string; since: string };

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * An exclusive lock on an embedded store (`<pgdata>.lock`). PGlite takes no lock of its own and
 * two processes writing one data directory corrupt it, so every opener should hold this one.
 * A lock left by a dead process on this host is taken over. Returns the release function.
 */
export function acquireStoreLock(pgdataDir: string, purpose: string): () => void {
  const path = `${pgdataDir}.lock`;
  mkdirSync(dirname(path), { recursive: true });
  const mine: Holder = { pid: process.pid, host: hostname(), purpose, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, JSON.stringify(mine), { flag: 'wx' });
      return () => {
        if (readHolder(path)?.pid === mine.pid) rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(path);
      // Our own pid in a lock we never took is a previous life (a container restarted as pid 1).
      if (holder && (holder.host !== mine.host || (holder.pid !== process.pid && alive(holder.pid)))) {
        throw new Error(
          `The embedded store ${pgdataDir} is in use by ${holder.purpose} (pid ${holder.pid} on ${holder.host} since ${holder.since}); stop it first`,
        );
      }
      rmSync(path, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`Could not lock ${pgdataDir}`);
}

function readHolder(path: string): Holder | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Holder;
  } catch {
    return null;
  }
}
