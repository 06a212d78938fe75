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
  NODE_ENV: nodeEnv.default('development'),
  PUBLIC_URL: z.string().url().optional(),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(200).default(20),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, { message: 'must be an smtp:// or smtps:// URL' }).optional(),
  APPLY_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100000).default(20),
  PAGE_CACHE_ENTRIES: z.coerce.number().int().min(0).max(1000000).default(5000),
});

export type DatabaseConfig =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string };

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
  /** Public pages kept rendered per process (0: page cache off). */
  pageCacheEntries: number;
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
  if (e.DATABASE_URL.startsWith('postgres')) database = { kind: 'postgres', url: e.DATABASE_URL };
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
    pageCacheEntries: e.PAGE_CACHE_ENTRIES,
  };
}
