// Background-job entry point: claims due jobs from the jobs table and runs them. Several worker
// processes can run at once (PostgreSQL: FOR UPDATE SKIP LOCKED).
import { fileURLToPath } from 'node:url';
import { loadConfig } from './config.ts';
import { scheduleDaily } from './core/jobs/recurring.ts';
import { anchorAuditChain, deriveAnchorKeys } from './core/audit/anchor.ts';
import { dailyBackup } from './core/backup/backup.ts';
import { legalDate } from './core/time/clock.ts';
import { loadSecretKey } from './core/crypto/secret-key.ts';
import { purgeExpiredSessions } from './modules/accounts/index.ts';
import { purgeExpiredRateLimitCounters } from './core/http/rate-limit-store.ts';
import { registerRequestJobs } from './modules/requests/index.ts';
import { registerMonitorJobs } from './modules/monitor/index.ts';
import { registerParticipationJobs } from './modules/participation/index.ts';
import { registerOfficeRecordsJobs } from './modules/office-records/index.ts';
import { createServices, type Services } from './services.ts';
import { installGracefulShutdown } from './core/ops/shutdown.ts';
import { createLifecycle } from './core/ops/readiness.ts';
import { startWorkerHttp } from './core/ops/worker-http.ts';

/** Login attempts are kept 90 days: long enough for a security review of past logins. */
const LOGIN_ATTEMPT_RETENTION_MS = 90 * 86_400_000;
/** The daily backup copies the database and every attachment (hours on a large S3 store), not the default 10 minutes. */
export const BACKUP_MAX_RUN_MS = 3 * 60 * 60_000;

/** Every job kind the platform knows, with its handler (modules add theirs below). */
export async function registerJobHandlers(services: Services): Promise<void> {
  const { db } = services.database;
  const { clock, jobs } = services;
  await scheduleDaily(db, clock, jobs, 'accounts.purgeSessions', 19, () =>
    purgeExpiredSessions(db, clock.now().toISOString(), new Date(clock.now().getTime() - LOGIN_ATTEMPT_RETENTION_MS).toISOString()),
  );
  // Lapsed rate-limit windows (the app instances also purge every 10 minutes while they count).
  await scheduleDaily(db, clock, jobs, 'rateLimits.purge', 19, async () => void (await purgeExpiredRateLimitCounters(db, clock.now().toISOString())));
  // 15:00 UTC is 23:00 Beijing: the day's head is anchored near the end of its legal date.
  const anchorKeys = deriveAnchorKeys(loadSecretKey(services.config));
  await scheduleDaily(db, clock, jobs, 'audit.anchor', 15, async () => {
    await anchorAuditChain({ db, clock, keys: anchorKeys });
  });
  // 18:00 UTC is 02:00 Beijing, the quietest hour: BACKUP_DIR/gongkai-<date>.tar.gz, BACKUP_KEEP kept.
  await scheduleDaily(db, clock, jobs, 'backup.daily', 18, async (signal) => {
    await dailyBackup(services.config, clock, services.config.backupDir, legalDate(clock.now()), services.config.backupKeep, signal);
  }, { maxRunMs: BACKUP_MAX_RUN_MS });
  await registerRequestJobs({ db, clock, jobs, requests: services.requests });
  await registerMonitorJobs({ db, clock, jobs, monitor: services.monitor, tamper: services.tamper });
  await registerParticipationJobs({ db, clock, jobs, participation: services.participation });
  await registerOfficeRecordsJobs({ db, clock, jobs, officeRecords: services.officeRecords });
}

async function main(): Promise<void> {
  const config = loadConfig();
  const services = await createServices(config);
  await registerJobHandlers(services);
  const stop = services.jobs.start();
  console.log('gongkai worker started');
  // WORKER_HTTP_PORT: /healthz, /readyz and /metrics for this process (core/ops/worker-http.ts).
  const lifecycle = createLifecycle();
  const http = config.workerHttpPort === undefined ? undefined
    : await startWorkerHttp({ db: services.database.db, runner: services.jobs, lifecycle, metricsToken: config.metricsToken, port: config.workerHttpPort, host: config.host });
  if (http) console.log(`gongkai worker HTTP on port ${http.port}: /healthz /readyz /metrics`);
  // SIGTERM: /readyz 503 at once, finish the running job, claim no further one, close the listener
  // (after the job: /readyz keeps saying why the worker is draining), then exit (core/ops/shutdown.ts).
  installGracefulShutdown({
    lifecycle,
    graceMs: 0,
    drain: [async () => {
      await stop();
      await http?.close();
    }],
    close: () => services.close(),
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
