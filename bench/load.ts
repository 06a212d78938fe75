// `npm run load` (issue 8, "Done when"): autocannon at 200 concurrent connections for 60 s against
// the portal (home, column, item, search) and the application endpoint (POST /api/v1/requests, a
// fresh idempotency key each time) of one app process with its worker, on SQLite or, with
// LOAD_DATABASE_URL (an admin URL; a throwaway database is made), PostgreSQL. The app runs in a
// child process (bench/load.server.ts): the load generator gets its own event loop and core.
// Prints requests/s, p50/p99 latency, errors and non-2xx; exits 1 on any error, timeout or non-2xx.
// For a client timeout it prints what the server did with that request (each request carries its
// number in x-load-id), and how long the server took to accept the connections opened at the start.
// Environment: LOAD_SECONDS (default 60), LOAD_CONNECTIONS (default 200), LOAD_ITEMS (default 5000);
// LOAD_PROF=1 writes a CPU profile of the server process to /tmp/prof.
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { application } from '../test/requests/request-helpers.ts';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 200);
const SEARCH_TERMS = ['土地', '规划', '征收', '不动产登记', '矿产', '国土空间', '耕地保护', '测绘'];

type Kind = 'home' | 'column' | 'item' | 'search' | 'apply';
/** Out of every 10 requests: 2 home, 2 column, 3 item, 2 search, 1 application. */
const MIX: Kind[] = ['home', 'column', 'item', 'search', 'apply', 'home', 'column', 'item', 'search', 'item'];

interface Ready { port: number; dialect: string; columnIds: string[]; itemIds: string[] }

/** The next message from the server child that has `key`. */
function nextMessage<T>(child: ChildProcess, key: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown) => {
      if (message && typeof message === 'object' && key in message) {
        child.off('message', onMessage);
        resolve((message as Record<string, T>)[key]!);
      }
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`load server exited with ${code}`)));
  });
}

async function main(): Promise<void> {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'load.server.ts');
  const server = fork(script, [], { execArgv: ['--import', 'tsx', ...(process.env.LOAD_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : [])], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  process.stdout.write('seeding published items and starting the server… ');
  const ready = await nextMessage<Ready>(server, 'ready');
  console.log('done');
  console.log(`database: ${ready.dialect}; ${os.cpus().length} CPUs; Node ${process.version}; ${CONNECTIONS} connections for ${SECONDS} s`);

  const body = JSON.stringify({ ...application(), agencyCode: 'bench' });
  const sent = new Map<Kind, number>();
  const answered = new Map<Kind, number>();
  let n = 0;
  // Applications acknowledged (2xx with a tracking code): each must be stored afterwards.
  let acknowledged = 0;
  const pick = (list: string[], i: number) => list[(i * 7919) % list.length]!;
  // Each request carries its number (x-load-id); a timed-out one is looked up on the server.
  const timedOut: number[] = [];
  const result = await autocannon({
    url: `http://127.0.0.1:${ready.port}`, connections: CONNECTIONS, duration: SECONDS,
    setupClient: (client) => {
      // The context (reset for every request) holds the outstanding request's id until the next
      // request is set up; 'request' is emitted just before that, also when a timeout reconnects.
      let outstanding: number | undefined;
      client.on('request', () => void (outstanding = client.requestIterator.context.id as number | undefined));
      client.on('timeout', () => void (outstanding !== undefined && timedOut.push(outstanding)));
    },
    requests: [{
      method: 'GET',
      onResponse: (status, body, context) => {
        const kind = context.kind as Kind;
        answered.set(kind, (answered.get(kind) ?? 0) + 1);
        if (status < 300 && body.startsWith('{') && 'trackingCode' in (JSON.parse(body) as object)) acknowledged++;
      },
      setupRequest: (req, context) => {
        const i = n++;
        const kind = MIX[i % MIX.length]!;
        context.kind = kind;
        context.id = i;
        req = { ...req, headers: { ...req.headers, 'x-load-id': String(i) } };
        sent.set(kind, (sent.get(kind) ?? 0) + 1);
        switch (kind) {
          case 'home': return { ...req, method: 'GET', path: '/' };
          case 'column': return { ...req, method: 'GET', path: `/columns/${pick(ready.columnIds, i)}` };
          case 'item': return { ...req, method: 'GET', path: `/items/${pick(ready.itemIds, i)}` };
          case 'search': return { ...req, method: 'GET', path: `/search?q=${encodeURIComponent(pick(SEARCH_TERMS, i))}` };
          case 'apply': return {
            ...req, method: 'POST', path: '/api/v1/requests', body,
            headers: { ...req.headers, 'content-type': 'application/json', 'idempotency-key': `load-${process.pid}-${i}` },
          } as typeof req;
        }
      },
    }],
  });
  server.send({ count: timedOut, connections: CONNECTIONS });
  const report = nextMessage<{ ms: number; what: string }[]>(server, 'slowest');
  const loopDelay = nextMessage<number>(server, 'loopDelayMaxMs');
  const firstAccepts = nextMessage<number | null>(server, 'firstAcceptsMs');
  const clientErrors = nextMessage<Record<string, number>>(server, 'clientErrors');
  const traced = nextMessage<Record<string, number>>(server, 'timedOut');
  const stored = await nextMessage<number>(server, 'stored');
  console.log(`\nrequests/s ${result.requests.average.toFixed(0)} (total ${result.requests.total}); latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`);
  console.log(`errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}`);
  // "sent" counts requests set up, including those still in flight when the run ended.
  // Set up but not answered: in flight when the run ended, or timed out.
  console.log(`mix set up (unanswered): ${[...sent].map(([k, v]) => `${k} ${v} (${v - (answered.get(k) ?? 0)})`).join(', ')}`);
  console.log(`applications acknowledged ${acknowledged}, stored ${stored}${stored < acknowledged ? ' — ACKNOWLEDGED APPLICATIONS MISSING' : ''}`);
  console.log(`timed-out requests as the server saw them: ${JSON.stringify(await traced)}`);
  const acceptMs = await firstAccepts;
  console.log(`server: accepted the ${CONNECTIONS} connections opened at the start within ${acceptMs === null ? '?' : acceptMs.toFixed(0)} ms`);
  console.log(`server: connections refused by the HTTP parser ${JSON.stringify(await clientErrors)}`);
  console.log(`server: longest event-loop delay ${(await loopDelay).toFixed(0)} ms; slowest requests: ${(await report).map((r) => `${r.ms.toFixed(0)} ms ${r.what}`).join('; ')}`);
  server.send('stop');
  await new Promise((resolve) => server.once('exit', resolve));
  if (result.errors + result.timeouts + result.non2xx > 0 || stored < acknowledged || acknowledged === 0) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
