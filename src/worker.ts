// Background-job entry point: claims due jobs from the jobs table and runs them. Several worker
// processes can run at once (PostgreSQL: FOR UPDATE SKIP LOCKED).
import { fileURLToPath } from 'node:url';
import { loadConfig } from './config.ts';
import { createServices, type Services } from './services.ts';

/** Every job kind the platform knows, with its handler. */
export function registerJobHandlers(_services: Services): void {
  // Modules register their job kinds here (see each module's index.ts).
}

async function main(): Promise<void> {
  const services = await createServices(loadConfig());
  registerJobHandlers(services);
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
