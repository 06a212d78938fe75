// `npm run bench:portal` (issue 7 part 7): item-page and column-page throughput of the portal at
// 100,000 published items, with the page cache cold (off: every request renders) and warm (every
// request a hit), against the same HTML saved to files and served by a bare node:http static
// server on the same machine. Prints requests per second and the ratio to the static server.
// Environment: BENCH_ITEMS (default 100000), BENCH_HTTP_SECONDS (default 8).
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createServices, type Services } from '../src/services.ts';
import { seedCatalog, type Seeded } from './catalog.seed.ts';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const HTTP_SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 8);
/** URLs requested in rotation when warm and static (each warmed once beforehand). */
const WARM_URLS = 1000;

const spread = (ids: string[], n: number) => Array.from({ length: Math.min(n, ids.length) }, (_, i) => ids[Math.floor((i * ids.length) / Math.min(n, ids.length))]!);

async function hammer(base: string, urls: string[], headers: Record<string, string> = {}) {
  let n = 0;
  const result = await autocannon({
    url: base,
    connections: 10,
    duration: HTTP_SECONDS,
    requests: [{ method: 'GET', headers, setupRequest: (req) => ({ ...req, path: urls[(n++ * 7919) % urls.length]! }) }],
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, bad: result.non2xx + result.errors + result.timeouts };
}

async function listen(server: http.Server | { listen: (o: object) => Promise<string>; server: http.Server }): Promise<string> {
  if ('server' in server && !(server instanceof http.Server)) {
    await server.listen({ host: '127.0.0.1', port: 0 });
    return `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  }
  const s = server as http.Server;
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

/** A bare static file server: the file named by the path, read from disk on every request. */
function staticServer(dir: string): http.Server {
  return http.createServer((req, res) => {
    const file = path.join(dir, encodeURIComponent(req.url ?? '/'));
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length }).end(body);
    });
  });
}

async function run(services: Services, seeded: Seeded) {
  const pages = [
    { page: 'item page', urls: (ids: string[]) => ids.map((id) => `/items/${id}`), ids: seeded.itemIds },
    { page: 'column page', urls: (ids: string[]) => ids.map((id) => `/columns/${id}`), ids: seeded.columnIds },
  ];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-static-'));
  const cold = await buildApp({ ...services, config: { ...services.config, pageCacheEntries: 0 } });
  const warm = await buildApp({ ...services, config: { ...services.config, pageCacheEntries: Math.max(services.config.pageCacheEntries, WARM_URLS * 2) } });
  const statik = staticServer(dir);
  const [coldBase, warmBase, staticBase] = [await listen(cold), await listen(warm), await listen(statik)];
  const rows: Record<string, string>[] = [];
  try {
    for (const { page, urls, ids } of pages) {
      const all = urls(ids);
      const rotation = urls(spread(ids, WARM_URLS));
      for (const url of rotation) {
        const res = await warm.inject({ method: 'GET', url });
        fs.writeFileSync(path.join(dir, encodeURIComponent(url)), res.body);
      }
      const figures = {
        'cold (cache off)': await hammer(coldBase, all),
        'warm (cache hit)': await hammer(warmBase, rotation),
        'warm, brotli': await hammer(warmBase, rotation, { 'accept-encoding': 'br' }),
        'static file (node:http)': await hammer(staticBase, rotation),
      };
      const reference = figures['static file (node:http)'].rps;
      for (const [mode, f] of Object.entries(figures))
        rows.push({ page, mode, 'req/s': f.rps.toFixed(0), 'p50 ms': String(f.p50), 'p99 ms': String(f.p99), 'vs static': `${((f.rps / reference) * 100).toFixed(0)} %`, 'non-2xx': String(f.bad) });
    }
  } finally {
    await cold.close();
    await warm.close();
    statik.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

function printTable(title: string, rows: Record<string, string>[]): void {
  const keys = Object.keys(rows[0]!);
  const widths = keys.map((k) => Math.max(k.length, ...rows.map((r) => r[k]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(`\n${title}\n${line(keys)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(keys.map((k) => r[k]!)));
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-portal-'));
const services = await createServices(loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
try {
  const started = Date.now();
  const seeded = await seedCatalog(services, ITEMS, (done) => process.stdout.write(`\rseeding ${done}/${ITEMS}`));
  console.log(`\nseeded ${ITEMS} items in ${((Date.now() - started) / 1000).toFixed(0)} s (SQLite)`);
  const rows = await run(services, seeded);
  printTable(`portal throughput at ${ITEMS} items: autocannon, 10 connections, ${HTTP_SECONDS} s each; ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}`, rows);
} finally {
  await services.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
