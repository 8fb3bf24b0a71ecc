import { resolve } from 'node:path';
import { z } from 'zod';

const ZEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).default(10),
  KEHU_DATA_DIR: z.string().default('./data'),
  KEHU_SECRET: z.string().min(16).optional(),
  KEHU_ADMIN_EMAIL: z.string().email().default('admin@kehu.local'),
  KEHU_ADMIN_PASSWORD: z.string().min(8).optional(),
  KEHU_DEMO_DATA: z.enum(['0', '1']).default('1'),
  KEHU_DEMO_PASSWORD: z.string().min(8).optional(),
  KEHU_JOBS: z.enum(['0', '1']).default('1'),
  KEHU_API_RATE_LIMIT: z.coerce.number().int().min(1).default(1200),
  KEHU_SESSION_DAYS: z.coerce.number().int().min(1).default(14),
  KEHU_CREDENTIAL_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  KEHU_TRUST_PROXY: z.string().max(1000).optional(),
  KEHU_FILES_S3_BUCKET: z.string().optional(),
  KEHU_FILES_S3_ENDPOINT: z.string().url().optional(),
  KEHU_FILES_S3_REGION: z.string().default('us-east-1'),
  KEHU_FILES_S3_PREFIX: z.string().optional(),
  KEHU_FILES_S3_FORCE_PATH_STYLE: z.enum(['0', '1']).default('1'),
  KEHU_FILES_S3_ACCESS_KEY_ID: z.string().optional(),
  KEHU_FILES_S3_SECRET_ACCESS_KEY: z.string().optional(),
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
  /** The demo users' password; unset: generated on first start and printed once with their e-mails. */
  demoPassword: string | undefined;
  runJobs: boolean;
  apiRateLimit: number;
  sessionDays: number;
  /** How long a resolved token may be reused (auth/credential-cache.ts); 0 asks the database on every request. */
  credentialCacheSeconds: number;
  logLevel: string;
  /** Fastify's trustProxy: whose X-Forwarded-For/-Proto/-Host to believe (see trustProxyFrom). */
  trustProxy: TrustProxy;
  /** Set (KEHU_FILES_S3_BUCKET): uploaded files go to this S3-compatible bucket instead of `<dataDir>/files`. */
  filesS3?: FilesS3Config;
};

/** An S3-compatible bucket for uploaded files; credentials fall back to the AWS SDK's usual chain (AWS_ACCESS_KEY_ID...). */
export type FilesS3Config = {
  bucket: string;
  endpoint?: string | undefined;
  region: string;
  prefix?: string | undefined;
  forcePathStyle: boolean;
  accessKeyId?: string | undefined;
  secretAccessKey?: string | undefined;
};

export type TrustProxy = boolean | string | ((address: string, hop: number) => boolean);

/**
 * KEHU_TRUST_PROXY: unset, `false` or `0`: no proxy (the socket's address and scheme count);
 * `true`: any peer (only when nothing reaches the server but the proxy); a number: that many
 * proxy hops; otherwise addresses and CIDRs, comma-separated (`127.0.0.1,10.0.0.0/8`).
 */
export function trustProxyFrom(value: string | undefined): TrustProxy {
  const v = value?.trim() ?? '';
  if (v === '' || v === 'false' || v === '0') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    return (_address, hop) => hop < hops;
  }
  return v;
}

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
    demoPassword: e.KEHU_DEMO_PASSWORD,
    runJobs: e.KEHU_JOBS === '1',
    apiRateLimit: e.KEHU_API_RATE_LIMIT,
    sessionDays: e.KEHU_SESSION_DAYS,
    credentialCacheSeconds: e.KEHU_CREDENTIAL_CACHE_SECONDS,
    logLevel: e.LOG_LEVEL,
    trustProxy: trustProxyFrom(e.KEHU_TRUST_PROXY),
    ...(e.KEHU_FILES_S3_BUCKET
      ? {
          filesS3: {
            bucket: e.KEHU_FILES_S3_BUCKET,
            endpoint: e.KEHU_FILES_S3_ENDPOINT,
            region: e.KEHU_FILES_S3_REGION,
            prefix: e.KEHU_FILES_S3_PREFIX,
            forcePathStyle: e.KEHU_FILES_S3_FORCE_PATH_STYLE === '1',
            accessKeyId: e.KEHU_FILES_S3_ACCESS_KEY_ID,
            secretAccessKey: e.KEHU_FILES_S3_SECRET_ACCESS_KEY,
          },
        }
      : {}),
  };
}
