import { resolve } from 'node:path';
import { z } from 'zod';

const ZEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).default(10),
  KEHU_DATA_DIR: z.string().default('./data'),
  KEHU_SECRET: z.string().min(16).optional(),
  KEHU_ADMIN_EMAIL: z.string().email().default('admin@kehu.local'),
  KEHU_ADMIN_PASSWORD: z.string().min(8).optional(),
  KEHU_DEMO_DATA: z.enum(['0', '1']).default('1'),
  KEHU_JOBS: z.enum(['0', '1']).default('1'),
  KEHU_API_RATE_LIMIT: z.coerce.number().int().min(1).default(1200),
  KEHU_SESSION_DAYS: z.coerce.number().int().min(1).default(14),
  KEHU_CREDENTIAL_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  poolSize: number;
  dataDir: string;
  secret: string | undefined;
  adminEmail: string;
  adminPassword: string | undefined;
  demoData: boolean;
  runJobs: boolean;
  apiRateLimit: number;
  sessionDays: number;
  /** How long a resolved token may be reused (auth/credential-cache.ts); 0 asks the database on every request. */
  credentialCacheSeconds: number;
  logLevel: string;
};

/** Reads the environment once; a bad value stops start-up with the variable's name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ZEnv.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    poolSize: e.DATABASE_POOL_SIZE,
    // npm runs workspace scripts inside server/; resolve against where the user typed the command.
    dataDir: resolve(env.INIT_CWD ?? process.cwd(), e.KEHU_DATA_DIR),
    secret: e.KEHU_SECRET,
    adminEmail: e.KEHU_ADMIN_EMAIL,
    adminPassword: e.KEHU_ADMIN_PASSWORD,
    demoData: e.KEHU_DEMO_DATA === '1',
    runJobs: e.KEHU_JOBS === '1',
    apiRateLimit: e.KEHU_API_RATE_LIMIT,
    sessionDays: e.KEHU_SESSION_DAYS,
    credentialCacheSeconds: e.KEHU_CREDENTIAL_CACHE_SECONDS,
    logLevel: e.LOG_LEVEL,
  };
}
