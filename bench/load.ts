// `npm run load` (issue 8, "Done when"): autocannon at 200 concurrent connections for 60 s against
// the portal (home, column, item, search) and the application endpoint (POST /api/v1/requests, a
// fresh idempotency key each time) of one app process with its worker, on SQLite or, with
// LOAD_DATABASE_URL (an admin URL; a throwaway database is made), PostgreSQL. Prints requests/s,
// p50/p99 latency, errors and non-2xx per kind of request; exits 1 on any error or non-2xx.
// Environment: LOAD_SECONDS (default 60), LOAD_CONNECTIONS (default 200), LOAD_ITEMS (default 5000).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createServices } from '../src/services.ts';
import { registerJobHandlers } from '../src/worker.ts';
import { createThrowawayDatabase } from '../test/helpers/postgres.ts';
import { application } from '../test/requests/request-helpers.ts';
import { seedCatalog } from './catalog.seed.ts';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 200);
const ITEMS = Number(process.env.LOAD_ITEMS ?? 5000);
const SEARCH_TERMS = ['土地', '规划', '征收', '不动产登记', '矿产', '国土空间', '耕地保护', '测绘'];

type Kind = 'home' | 'column' | 'item' | 'search' | 'apply';
/** Out of every 10 requests: 2 home, 2 column, 3 item, 2 search, 1 application. */
const MIX: Kind[] = ['home', 'column', 'item', 'search', 'apply', 'home', 'column', 'item', 'search', 'item'];

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-load-'));
  const pgDb = process.env.LOAD_DATABASE_URL ? await createThrowawayDatabase(process.env.LOAD_DATABASE_URL, 'gk_load') : undefined;
  const config = loadConfig({
    NODE_ENV: 'test', DATA_DIR: dataDir, DATABASE_URL: pgDb?.url ?? '', LOG_LEVEL: 'silent', APPLY_RATE_PER_MINUTE: '100000',
  });
  const services = await createServices(config);
  let stopWorker: (() => Promise<void>) | undefined;
  try {
    process.stdout.write(`seeding ${ITEMS} published items… `);
    const seeded = await seedCatalog(services, ITEMS, () => {});
    console.log('done');
    const app = await buildApp(services);
    await registerJobHandlers(services);
    stopWorker = services.jobs.start();
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    console.log(`database: ${services.database.dialect}; ${os.cpus().length} CPUs; Node ${process.version}; ${CONNECTIONS} connections for ${SECONDS} s`);

    const body = JSON.stringify({ ...application(), agencyCode: 'bench' });
    const sent = new Map<Kind, number>();
    let n = 0;
    const pick = (list: string[], i: number) => list[(i * 7919) % list.length]!;
    const result = await autocannon({
      url: `http://127.0.0.1:${port}`, connections: CONNECTIONS, duration: SECONDS,
      requests: [{
        method: 'GET',
        setupRequest: (req) => {
          const i = n++;
          const kind = MIX[i % MIX.length]!;
          sent.set(kind, (sent.get(kind) ?? 0) + 1);
          switch (kind) {
            case 'home': return { ...req, method: 'GET', path: '/' };
            case 'column': return { ...req, method: 'GET', path: `/columns/${pick(seeded.columnIds, i)}` };
            case 'item': return { ...req, method: 'GET', path: `/items/${pick(seeded.itemIds, i)}` };
            case 'search': return { ...req, method: 'GET', path: `/search?q=${encodeURIComponent(pick(SEARCH_TERMS, i))}` };
            case 'apply': return {
              ...req, method: 'POST', path: '/api/v1/requests', body,
              headers: { 'content-type': 'application/json', 'idempotency-key': `load-${process.pid}-${i}` },
            } as typeof req;
          }
        },
      }],
    });
    const stored = Number((await services.database.db.selectFrom('requests').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    console.log(`\nrequests/s ${result.requests.average.toFixed(0)} (total ${result.requests.total}); latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`);
    console.log(`errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}`);
    console.log(`mix sent: ${[...sent].map(([k, v]) => `${k} ${v}`).join(', ')}; applications stored ${stored}`);
    await app.close();
    if (result.errors + result.timeouts + result.non2xx > 0) process.exitCode = 1;
  } finally {
    await stopWorker?.();
    await services.close();
    await pgDb?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
