import pg from 'pg';
import type { Database } from '#db/database.ts';
import type { Logger } from '../jobs/job-types.ts';

const CHANNEL = 'kehu_outbox';
const RECONNECT_MS = 5000;

/**
 * Calls `onCommit` when any transaction that wrote outbox rows commits (the outbox trigger
 * NOTIFYs). Best effort: the relay still polls, so a lost connection only delays delivery.
 */
export async function listenForOutbox(db: Database, onCommit: () => void, log: Logger): Promise<() => Promise<void>> {
  if (db.pglite) {
    // LISTEN through `raw` so it runs under the connection lock, never inside someone's transaction.
    await db.raw(`listen ${CHANNEL}`);
    const off = db.pglite.onNotification((channel) => {
      if (channel === CHANNEL) onCommit();
    });
    // No UNLISTEN: another runner on this same PGlite may still be listening.
    return async () => off();
  }
  if (!db.url) return async () => {};
  return listenOnServer(db.url, onCommit, log);
}

async function listenOnServer(url: string, onCommit: () => void, log: Logger): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async () => {
    const next = new pg.Client({ connectionString: url, application_name: 'kehu-outbox-listener' });
    client = next;
    next.on('notification', (message) => {
      if (message.channel === CHANNEL) onCommit();
    });
    next.on('error', (error) => {
      log.warn({ err: error }, 'outbox listener lost its connection; polling until it reconnects');
      void next.end().catch(() => {});
    });
    next.on('end', later);
    await next.connect();
    await next.query(`listen ${CHANNEL}`);
  };
  const attempt = () =>
    connect().catch((error: unknown) => {
      log.warn({ err: error }, 'outbox listener could not connect; polling meanwhile');
      void client?.end().catch(() => {});
      later();
    });
  function later() {
    clearTimeout(retry);
    if (!stopped) retry = setTimeout(() => void attempt(), RECONNECT_MS);
  }
  await attempt();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => {});
  };
}
