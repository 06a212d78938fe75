// `npm run bench:catalog`: 100,000 published items in a fresh SQLite database (and PostgreSQL when
// BENCH_DATABASE_URL names a server: a throwaway database is created there and dropped), then
// search latency, item-page and list-page throughput against the real app (page cache off, then
// warm), and memory.
// Environment: BENCH_ITEMS (default 100000), BENCH_HTTP_SECONDS (default 8), BENCH_DATABASE_URL.
import { createThrowawayDatabase } from '../test/helpers/postgres.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createServices, type Services } from '../src/services.ts';
import { seedCatalog, type Seeded } from './catalog.seed.ts';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const HTTP_SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 8);
const SEARCH_RUNS = 40;

type Row = Record<string, string>;

function printTable(title: string, rows: Row[]): void {
  if (rows.length === 0) return;
  const keys = Object.keys(rows[0]!);
  const width = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const widths = keys.map((k) => Math.max(width(k), ...rows.map((r) => width(r[k] ?? ''))));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => c + ' '.repeat(widths[i]! - width(c))).join(' | ') + ' |';
  console.log(`\n${title}`);
  console.log(line(keys));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const r of rows) console.log(line(keys.map((k) => r[k] ?? '')));
}

const ms = (v: number) => v.toFixed(2);
/** Other work on the machine skews every figure: print the load average next to them. */
const load = () => `load average ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function searchLatency(services: Services, seeded: Seeded): Promise<Row[]> {
  const queries: Array<{ label: string; q: string; extra?: object }> = [
    { label: '公开', q: '公开' },
    { label: '土地', q: '土地' },
    { label: '公告', q: '公告' },
    { label: '征地补偿', q: '征地补偿' },
    { label: '采矿权', q: '采矿权' },
    { label: '基准地价', q: '基准地价' },
    { label: '国土空间规划', q: '国土空间规划' },
    { label: '城关镇 征收土地', q: '城关镇 征收土地' },
    { label: 'doc number', q: seeded.docNumbers[Math.floor(seeded.docNumbers.length / 2)] ?? '示自然资规〔2024〕3号' },
    { label: '宅基地 (page 5)', q: '宅基地', extra: { page: 5 } },
    { label: '土地 + column + year', q: '土地', extra: { columnIds: [seeded.columnIds[4]!], year: 2023 } },
    { label: '公开 + validity', q: '公开', extra: { validity: 'repealed' } },
  ];
  const rows: Row[] = [];
  for (const { label, q, extra } of queries) {
    const query = { q, page: 1, pageSize: 20, agencyId: seeded.agencyId, ...extra };
    for (let i = 0; i < 3; i++) await services.search.search(query);
    const times: number[] = [];
    let last = await services.search.search(query);
    for (let i = 0; i < SEARCH_RUNS; i++) {
      const t0 = performance.now();
      last = await services.search.search(query);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    rows.push({
      query: label,
      total: `${last.totalCapped ? '≥' : ''}${last.total}`,
      hits: String(last.hits.length),
      'p50 ms': ms(percentile(times, 50)),
      'p95 ms': ms(percentile(times, 95)),
      'max ms': ms(times[times.length - 1]!),
    });
  }
  return rows;
}

async function firstWorkingUrl(services: Services, candidates: string[]): Promise<string | undefined> {
  const app = await buildApp(services);
  try {
    for (const url of candidates) {
      const res = await app.inject({ method: 'GET', url });
      if (res.statusCode === 200) return url;
    }
    return undefined;
  } finally {
    await app.close();
  }
}

/** URLs a warm cache holds: 1,000 items spread over the catalog (or every id when fewer). */
const WARM_URLS = 1_000;

function spread(ids: string[], n: number): string[] {
  if (ids.length <= n) return ids;
  return Array.from({ length: n }, (_, i) => ids[Math.floor((i * ids.length) / n)]!);
}

/**
 * Throughput without the page cache (PAGE_CACHE_ENTRIES=0: every request renders, random ids over
 * the whole catalog) and with it warm (a set of URLs requested once beforehand, then requested in
 * rotation: every request is a hit, checked against the database version stamp).
 */
async function httpThroughput(services: Services, seeded: Seeded): Promise<Row[]> {
  const item = (id: string) => [`/items/${id}`, `/api/v1/items/${id}`];
  const list = (id: string) => [`/columns/${id}`, `/api/v1/items?column=${id}`];
  const pages = [
    { page: 'item page', candidates: item, ids: seeded.itemIds },
    { page: 'list page', candidates: list, ids: seeded.columnIds },
  ];
  const modes = [
    { mode: 'cold (cache off)', entries: 0, warm: false },
    { mode: 'warm (cached)', entries: Math.max(services.config.pageCacheEntries, WARM_URLS), warm: true },
  ];
  const rows: Row[] = [];
  for (const { mode, entries, warm } of modes) {
    const app = await buildApp({ ...services, config: { ...services.config, pageCacheEntries: entries } });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const base = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
    try {
      for (const { page, candidates, ids } of pages) {
        const found = await firstWorkingUrl(services, candidates(ids[0]!));
        if (!found) {
          rows.push({ page, mode, url: candidates(':id').join(' or '), 'req/s': 'n/a (no route answered 200 yet)', 'p50 ms': '', 'p99 ms': '', 'non-2xx': '' });
          continue;
        }
        const template = found.replace(ids[0]!, ':id');
        const urls = (warm ? spread(ids, WARM_URLS) : ids).map((id) => template.replace(':id', id));
        if (warm) for (const url of urls) await app.inject({ method: 'GET', url });
        let n = 0;
        const result = await autocannon({
          url: base,
          connections: 10,
          duration: HTTP_SECONDS,
          requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: urls[(n++ * 7919) % urls.length]! }) }],
        });
        rows.push({
          page,
          mode,
          url: `${template} (${urls.length} URLs)`,
          'req/s': result.requests.average.toFixed(0),
          'p50 ms': String(result.latency.p50),
          'p99 ms': String(result.latency.p99),
          'non-2xx': String(result.non2xx + result.errors + result.timeouts),
        });
      }
    } finally {
      await app.close();
    }
  }
  return rows;
}

async function runOn(label: string, databaseUrl: string): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-'));
  const memory: Row[] = [];
  const snapshot = (stage: string) => {
    const m = process.memoryUsage();
    memory.push({ stage, rss: mb(m.rss), 'heap used': mb(m.heapUsed), 'heap total': mb(m.heapTotal) });
  };
  const services = await createServices(loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' }));
  try {
    console.log(`\n== ${label}: loading ${ITEMS} items (indexed through the search service, one bulk call per transaction)`);
    const t0 = performance.now();
    const seeded = await seedCatalog(services, ITEMS, (done) => {
      if (done % 20_000 === 0 || done === ITEMS) console.log(`   ${done} items, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    });
    const loadSeconds = (performance.now() - t0) / 1000;
    if (global.gc) global.gc();
    snapshot('after loading');
    const searchLoad = load();
    const search = await searchLatency(services, seeded);
    snapshot('after search');
    const httpLoad = load();
    const http = await httpThroughput(services, seeded);
    snapshot('after HTTP');
    const dbFile = path.join(dataDir, 'gongkai.sqlite');
    const size = fs.existsSync(dbFile) ? ` (database file ${mb(fs.statSync(dbFile).size)})` : '';
    console.log(`\n${label}: ${ITEMS} items loaded and indexed in ${loadSeconds.toFixed(1)} s${size}`);
    printTable(`${label}: search latency (page size 20, ${SEARCH_RUNS} runs each after warm-up; ${searchLoad})`, search);
    printTable(`${label}: HTTP (autocannon, 10 connections, ${HTTP_SECONDS} s each, ids in rotation; ${httpLoad})`, http);
    printTable(`${label}: memory (this process: app + benchmark)`, memory);
  } finally {
    await services.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function withPostgresDatabase(adminUrl: string, run: (url: string) => Promise<void>): Promise<void> {
  const database = await createThrowawayDatabase(adminUrl, 'gk_bench');
  try {
    await run(database.url);
  } finally {
    await database.drop();
  }
}

const started = performance.now();
console.log(`gongkai catalog benchmark: ${os.cpus().length} CPUs, Node ${process.version}, ${load()}`);
await runOn('SQLite', '');
if (process.env.BENCH_DATABASE_URL) {
  await withPostgresDatabase(process.env.BENCH_DATABASE_URL, (url) => runOn('PostgreSQL', url));
} else {
  console.log('\n(PostgreSQL skipped: set BENCH_DATABASE_URL=postgres://… to run it too)');
}
console.log(`\ntotal ${((performance.now() - started) / 1000).toFixed(0)} s (${load()})`);
