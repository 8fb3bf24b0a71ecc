import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '#db/database.ts';
import type { CredentialCache } from './auth/credential-cache.ts';
import type { Config } from './config.ts';
import type { CipherRegistry } from './crypto/ciphers.ts';
import type { Subscribers } from './events/subscribers.ts';
import type { JobRegistry } from './jobs/job-registry.ts';
import type { ObjectRegistry } from './objects/object-registry.ts';
import type { WriteGuards } from './records/write-guards.ts';

/** Everything a service needs, built once in app.ts and passed down (no container). */
export type Deps = {
  db: Database;
  config: Config;
  masterKey: Buffer;
  ciphers: CipherRegistry;
  subscribers: Subscribers;
  log: FastifyBaseLogger;
  /** Every object: the modules' standard ones and each tenant's custom ones. */
  objects: ObjectRegistry;
  /** Resolved sessions and tokens (auth/credential-cache.ts); absent in apps built by hand, which then always ask the database. */
  credentials?: CredentialCache;
  /** Cron jobs and queues; use `jobsOf(deps)`, which creates it on first use (absent in apps built by hand). */
  jobs?: JobRegistry;
  /** Checks modules register against record updates and deletes (a record locked by a pending approval); absent in apps built by hand (the demo seeder), which then guard nothing. */
  writeGuards?: WriteGuards;
  /** The notification kinds modules declare (KehuModule.notificationKinds), beyond the notifications module's own. */
  notificationKinds?: readonly string[];
};
