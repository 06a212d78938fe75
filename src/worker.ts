// Background-job entry point: claims due jobs from the jobs table and runs them. Several worker
// processes can run at once (PostgreSQL: FOR UPDATE SKIP LOCKED).
import { fileURLToPath } from 'node:url';
import { loadConfig } from './config.ts';
import { scheduleDaily } from './core/jobs/recurring.ts';
import { purgeExpiredSessions } from './modules/accounts/index.ts';
import { registerRequestJobs } from './modules/requests/index.ts';
import { registerMonitorJobs } from './modules/monitor/index.ts';
import { registerParticipationJobs } from './modules/participation/index.ts';
import { registerOfficeRecordsJobs } from './modules/office-records/index.ts';
import { createServices, type Services } from './services.ts';

/** Login attempts are kept 90 days: long enough for a security review of past logins. */
const LOGIN_ATTEMPT_RETENTION_MS = 90 * 86_400_000;

/** Every job kind the platform knows, with its handler (modules add theirs below). */
export async function registerJobHandlers(services: Services): Promise<void> {
  const { db } = services.database;
  const { clock, jobs } = services;
  await scheduleDaily(db, clock, jobs, 'accounts.purgeSessions', 19, () =>
    purgeExpiredSessions(db, clock.now().toISOString(), new Date(clock.now().getTime() - LOGIN_ATTEMPT_RETENTION_MS).toISOString()),
  );
  await registerRequestJobs({ db, clock, jobs, requests: services.requests });
  await registerMonitorJobs({ db, clock, jobs, monitor: services.monitor });
  await registerParticipationJobs({ db, clock, jobs, participation: services.participation });
  await registerOfficeRecordsJobs({ db, clock, jobs, officeRecords: services.officeRecords });
}

async function main(): Promise<void> {
  const services = await createServices(loadConfig());
  await registerJobHandlers(services);
  const stop = services.jobs.start();
  console.log('gongkai worker started');
  const shutdown = async () => {
    stop();
    await services.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
