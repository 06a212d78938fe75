// Environment → typed configuration, in one place. Invalid configuration stops start-up with one
// clear message naming the variable (see README's configuration table).
import path from 'node:path';
import { z } from 'zod';

const nodeEnv = z.enum(['development', 'production', 'test']);

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('::'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .refine((v) => v === '' || /^postgres(ql)?:\/\//.test(v) || /^sqlite:/.test(v), {
      message: 'must be a postgres:// URL, or sqlite:PATH, or empty for the SQLite file in DATA_DIR',
    })
    .default(''),
  // PostgreSQL connections per process (app or worker); SQLite has one connection
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(30),
  NODE_ENV: nodeEnv.default('development'),
  PUBLIC_URL: z.string().url().optional(),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(200).default(20),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, { message: 'must be an smtp:// or smtps:// URL' }).optional(),
  APPLY_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100000).default(20),
  // staff sign-in attempts per client address and minute; unset: 10 (1000 under NODE_ENV=test)
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100000).optional(),
  PAGE_CACHE_ENTRIES: z.coerce.number().int().min(0).max(1000000).default(5000),
  HTTP_REQUESTS_PER_TURN: z.coerce.number().int().min(0).max(10000).default(8),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(720).default(30),
  // portal: embedding and the footer of a Chinese government site (issue 7, parts 3 and 4)
  BASE_PATH: z.string().regex(/^(\/[A-Za-z0-9._~-]+)*$/, { message: 'must be empty or a path like /xxgk (no trailing slash)' }).default(''),
  PORTAL_CHROME: z.enum(['full', 'none']).default('full'),
  FRAME_ANCESTORS: z.string().regex(/^[^;,]*$/, { message: 'must be CSP sources separated by spaces' }).default("'self'"),
  SITE_ORGANIZER: z.string().default(''),
  SITE_UNDERTAKER: z.string().default(''),
  SITE_CONTACT: z.string().default(''),
  SITE_CODE: z.string().default(''),
  SITE_ICP: z.string().default(''),
  SITE_PSB: z.string().default(''),
  SITE_CONAC_URL: z.union([z.literal(''), z.string().url()]).default(''),
  SITE_ERROR_REPORT_URL: z.union([z.literal(''), z.string().url()]).default(''),
  // backups (issue 8 part 5): the daily job's directory (default DATA_DIR/backups) and how many it keeps
  BACKUP_DIR: z.string().default(''),
  BACKUP_KEEP: z.coerce.number().int().min(1).max(3650).default(7),
  // attachments on S3-compatible storage (issue 8 part 6): used when S3_BUCKET is set
  S3_BUCKET: z.string().default(''),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ENDPOINT: z.union([z.literal(''), z.string().url()]).default(''),
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('true'),
  S3_ACCESS_KEY_ID: z.string().default(''),
  S3_SECRET_ACCESS_KEY: z.string().default(''),
  S3_PREFIX: z.string().default(''),
  // names this app instance in an `x-instance` response header (two instances behind nginx)
  INSTANCE_ID: z.string().regex(/^[A-Za-z0-9._-]{0,64}$/, { message: 'must be letters, digits, . _ - (at most 64)' }).default(''),
  // operations (issue 8 part 7)
  METRICS_TOKEN: z.string().default(''),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120000).default(5000),
  // how long a worker's claim on a job lasts: a job whose worker died runs again after this
  JOB_LEASE_SECONDS: z.coerce.number().int().min(5).max(86400).default(300),
  // how long one job attempt may run (kinds that need longer set their own: backup, tamper check)
  JOB_MAX_RUN_SECONDS: z.coerce.number().int().min(1).max(86400).default(600),
  // the standalone worker's /healthz, /readyz, /metrics listener; unset or empty: none (0: any free port)
  WORKER_HTTP_PORT: z.union([z.literal(''), z.coerce.number().int().min(0).max(65535)]).optional(),
});

export type DatabaseConfig =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string; poolSize?: number };

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  attachmentsDir: string;
  database: DatabaseConfig;
  env: z.infer<typeof nodeEnv>;
  isProduction: boolean;
  publicUrl: string | undefined;
  trustProxy: boolean;
  logLevel: string;
  maxUploadBytes: number;
  /** Outgoing mail server (smtp://user:pass@host:port); unset: e-mails stay in the outbox table. */
  smtpUrl: string | undefined;
  /** Online applications accepted per client address and minute. */
  applyRatePerMinute: number;
  /** POSTs to /console/login and /console/login/totp accepted per client address and minute. */
  loginRatePerMinute: number;
  /** New HTTP requests started per event-loop iteration (0: no turns); core/http/fair-turns.ts. */
  httpRequestsPerTurn: number;
  /** Public pages kept rendered per process (0: page cache off). */
  pageCacheEntries: number;
  /** Staff sessions end after this long without a request (等保 2.0: idle timeout; default 30 minutes). */
  sessionIdleMs: number;
  /** URL prefix when the portal is a section of another site ('' or '/xxgk'). */
  basePath: string;
  /** 'none': portal pages render without header and footer (for inclusion in a county portal). */
  portalChrome: 'full' | 'none';
  /** CSP frame-ancestors sources allowed to frame portal pages. */
  frameAncestors: string;
  /** The footer facts every government site shows (empty strings are left out). */
  site: SiteInfo;
  /** Where the daily backup job writes gongkai-<date>.tar.gz. */
  backupDir: string;
  /** Daily backups kept (older ones are deleted after each new one). */
  backupKeep: number;
  /** Attachments on S3-compatible storage instead of `attachmentsDir` (S3_BUCKET set). */
  s3: S3Config | undefined;
  /** Sent as `x-instance` on every response when set, so an operator sees which instance answered. */
  instanceId: string;
  /** Bearer token that lets a remote Prometheus read /metrics ('' : only from this machine). */
  metricsToken: string;
  /** On SIGTERM, how long /readyz reports 503 while still serving, before the server stops accepting. */
  shutdownGraceMs: number;
  /** A claimed job whose worker died (SIGKILL, power loss) is claimed again after this long. */
  jobLeaseMs: number;
  /** A job attempt running longer is aborted, given up and retried (unless its kind sets its own limit). */
  jobMaxRunMs: number;
  /** src/worker.ts run standalone serves /healthz, /readyz and /metrics on this port (undefined: no listener). */
  workerHttpPort: number | undefined;
}

export interface S3Config {
  bucket: string;
  region: string;
  endpoint: string | undefined;
  forcePathStyle: boolean;
  /** From the environment only; unset: the SDK's default credential chain. */
  accessKeyId: string | undefined;
  secretAccessKey: string | undefined;
  prefix: string;
}

export interface SiteInfo {
  /** 主办单位 (default: the agency's name). */
  organizer: string;
  /** 承办单位. */
  undertaker: string;
  contact: string;
  /** 网站标识码. */
  siteCode: string;
  /** ICP备案号. */
  icp: string;
  /** 公安机关备案号, e.g. 京公网安备11010502030143号. */
  psb: string;
  /** 党政机关网站标识 verification link (conac.cn). */
  conacUrl: string;
  /** 我为政府网站找错 link; default: the national platform with the site code. */
  errorReportUrl: string;
}

export class ConfigError extends Error {
  constructor(readonly variable: string, detail: string) {
    super(`Invalid configuration: ${variable} ${detail}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue.path[0] ?? 'environment');
    throw new ConfigError(variable, `(value ${JSON.stringify(env[variable] ?? '')}): ${issue.message}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  let database: DatabaseConfig;
  if (e.DATABASE_URL.startsWith('postgres')) database = { kind: 'postgres', url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE };
  else if (e.DATABASE_URL.startsWith('sqlite:'))
    database = { kind: 'sqlite', file: e.DATABASE_URL.slice('sqlite:'.length) };
  else database = { kind: 'sqlite', file: path.join(dataDir, 'gongkai.sqlite') };
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    attachmentsDir: path.join(dataDir, 'attachments'),
    database,
    env: e.NODE_ENV,
    isProduction: e.NODE_ENV === 'production',
    publicUrl: e.PUBLIC_URL,
    trustProxy: e.TRUST_PROXY === 'true',
    logLevel: e.LOG_LEVEL,
    maxUploadBytes: e.MAX_UPLOAD_MB * 1024 * 1024,
    smtpUrl: e.SMTP_URL,
    applyRatePerMinute: e.APPLY_RATE_PER_MINUTE,
    // Tests sign in many times per file from one address; the lockout (5 failures) still applies.
    loginRatePerMinute: e.LOGIN_RATE_PER_MINUTE ?? (e.NODE_ENV === 'test' ? 1000 : 10),
    pageCacheEntries: e.PAGE_CACHE_ENTRIES,
    httpRequestsPerTurn: e.HTTP_REQUESTS_PER_TURN,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    basePath: e.BASE_PATH,
    portalChrome: e.PORTAL_CHROME,
    frameAncestors: e.FRAME_ANCESTORS.trim() || "'self'",
    metricsToken: e.METRICS_TOKEN,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    jobLeaseMs: e.JOB_LEASE_SECONDS * 1000,
    jobMaxRunMs: e.JOB_MAX_RUN_SECONDS * 1000,
    workerHttpPort: e.WORKER_HTTP_PORT === '' ? undefined : e.WORKER_HTTP_PORT,
    backupDir: e.BACKUP_DIR ? path.resolve(e.BACKUP_DIR) : path.join(dataDir, 'backups'),
    backupKeep: e.BACKUP_KEEP,
    site: {
      organizer: e.SITE_ORGANIZER, undertaker: e.SITE_UNDERTAKER, contact: e.SITE_CONTACT, siteCode: e.SITE_CODE,
      icp: e.SITE_ICP, psb: e.SITE_PSB, conacUrl: e.SITE_CONAC_URL, errorReportUrl: e.SITE_ERROR_REPORT_URL,
    },
    s3: e.S3_BUCKET
      ? {
          bucket: e.S3_BUCKET, region: e.S3_REGION, endpoint: e.S3_ENDPOINT || undefined, forcePathStyle: e.S3_FORCE_PATH_STYLE === 'true',
          accessKeyId: e.S3_ACCESS_KEY_ID || undefined, secretAccessKey: e.S3_SECRET_ACCESS_KEY || undefined, prefix: e.S3_PREFIX,
        }
      : undefined,
    instanceId: e.INSTANCE_ID,
  };
}
