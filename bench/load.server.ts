// The server side of `npm run load`, run as a child process of bench/load.ts so that the load
// generator and the application do not share one event loop (in one process the client's own work
// showed up as server latency and, on a busy machine, as client timeouts). Seeds the catalog,
// starts the app and its in-process worker as `npm start` would, then answers the parent over IPC:
//   → { ready: { port, dialect, columnIds, itemIds } } once listening
//   ← { count: timed-out request ids, connections }
//              → { timedOut } (what became of each timed-out request on the server), then
//                { stored, slowest, loopDelayMaxMs, clientErrors, firstAcceptsMs } (applications
//                stored, the five slowest requests as the server timed them, the event loop's
//                longest delay, connections the HTTP parser refused, how long accepting the
//                first `connections` connections took)
//   ← 'stop'   → closes the app, stops the worker, drops the data, exits
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createServices } from '../src/services.ts';
import { registerJobHandlers } from '../src/worker.ts';
import { createThrowawayDatabase } from '../test/helpers/postgres.ts';
import { seedCatalog } from './catalog.seed.ts';

const ITEMS = Number(process.env.LOAD_ITEMS ?? 5000);

async function main(): Promise<void> {
  const send = (message: unknown) => process.send?.(message);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-load-'));
  const pgDb = process.env.LOAD_DATABASE_URL ? await createThrowawayDatabase(process.env.LOAD_DATABASE_URL, 'gk_load') : undefined;
  const config = loadConfig({
    NODE_ENV: 'test', DATA_DIR: dataDir, DATABASE_URL: pgDb?.url ?? '', LOG_LEVEL: 'silent', APPLY_RATE_PER_MINUTE: '100000',
    // To compare: HTTP_REQUESTS_PER_TURN=0 npm run load (no turns; core/http/fair-turns.ts).
    ...(process.env.HTTP_REQUESTS_PER_TURN ? { HTTP_REQUESTS_PER_TURN: process.env.HTTP_REQUESTS_PER_TURN } : {}),
    // To compare pool sizes on PostgreSQL: DATABASE_POOL_SIZE=10 npm run load.
    ...(process.env.DATABASE_POOL_SIZE ? { DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE } : {}),
  });
  const services = await createServices(config);
  const seeded = await seedCatalog(services, ITEMS, () => {});
  const app = await buildApp(services);
  // The slowest requests and the event loop's longest stall, reported at the end: what a client
  // timeout would be explained by.
  const slowest: { ms: number; what: string }[] = [];
  app.addHook('onResponse', async (request, reply) => {
    const ms = reply.elapsedTime;
    if (slowest.length < 5 || ms > slowest[slowest.length - 1]!.ms) {
      slowest.push({ ms, what: `${request.method} ${request.url.slice(0, 60)} → ${reply.statusCode}` });
      slowest.sort((a, b) => b.ms - a.ms).splice(5);
    }
  });
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  await registerJobHandlers(services);
  const stopWorker = services.jobs.start();
  await app.listen({ port: 0, host: '127.0.0.1' });
  // Connections Node's HTTP server gave up on (parser errors, request timeouts), by code.
  const clientErrors: Record<string, number> = {};
  app.server.on('clientError', (err: Error & { code?: string }) => void (clientErrors[err.code ?? 'unknown'] = (clientErrors[err.code ?? 'unknown'] ?? 0) + 1));
  const { port } = app.server.address() as { port: number };
  // When the server accepted each connection: Node accepts one per event-loop iteration, so the
  // spread of the first accepts shows how long a busy iteration is (core/http/fair-turns.ts).
  const accepted: number[] = [];
  app.server.on('connection', () => void accepted.push(performance.now()));
  // When each numbered request (x-load-id) was read by Node's HTTP server and when its response
  // was written out: a client timeout is then a request never read, or read and not answered.
  const seen = new Map<string, { receivedAt: number; finishedAt?: number; closedAt?: number }>();
  app.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const id = req.headers['x-load-id'];
    if (typeof id !== 'string') return;
    const entry: { receivedAt: number; finishedAt?: number; closedAt?: number } = { receivedAt: performance.now() };
    seen.set(id, entry);
    res.once('finish', () => void (entry.finishedAt = performance.now()));
    res.once('close', () => void (entry.closedAt = performance.now()));
  });
  const traceTimedOut = (ids: number[]) => {
    const verdicts: Record<string, number> = {};
    for (const id of ids) {
      const entry = seen.get(String(id));
      const verdict = !entry ? 'never read by the server'
        : entry.finishedAt !== undefined ? `answered within ${Math.ceil((entry.finishedAt - entry.receivedAt) / 100) * 100} ms of being read`
          : entry.closedAt !== undefined ? 'closed unanswered' : 'read, still open';
      verdicts[verdict] = (verdicts[verdict] ?? 0) + 1;
    }
    return verdicts;
  };

  process.on('message', (message) => {
    if (message && typeof message === 'object' && 'count' in message) {
      const { count: timedOut, connections } = message as { count: number[]; connections: number };
      send({ timedOut: traceTimedOut(timedOut) });
      void services.database.db
        .selectFrom('requests').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
        .then((row) => send({
          stored: Number(row.n), slowest, loopDelayMaxMs: loopDelay.max / 1e6, clientErrors,
          firstAcceptsMs: accepted.length >= connections ? accepted[connections - 1]! - accepted[0]! : null,
        }));
    } else if (message === 'stop') {
      void (async () => {
        await app.close();
        await stopWorker();
        await services.close();
        await pgDb?.drop();
        fs.rmSync(dataDir, { recursive: true, force: true });
        process.exit(0);
      })();
    }
  });
  send({ ready: { port, dialect: services.database.dialect, columnIds: seeded.columnIds, itemIds: seeded.itemIds } });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
