// `npm run bench:dashboard`: the console dashboard and the assessment over a realistic year: 100,000
// requests received over the 365 days up to "today" across ten departments, with their timelines
// (assignment, reply drafts and returns, approval, delivery, closing), deadline reminders, and
// 20,000 catalog items with their review records; plus a supervised county bureau with a tenth
// of that, so that every query has to pick out its agency. Times the service calls over several
// runs (p50/min/max) and each console page once over HTTP (app.inject, signed in as the office).
// SQLite by default; PostgreSQL when BENCH_DATABASE_URL names a server (a throwaway database).
// Environment: BENCH_REQUESTS (default 100000), BENCH_ITEMS (default 20000), BENCH_RUNS (default 7),
// BENCH_DATABASE_URL.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { buildApp } from '../src/app.ts';
import { systemActor } from '../src/core/audit/audit.ts';
import { loadConfig } from '../src/config.ts';
import { FakeClock } from '../src/core/time/clock.ts';
import { createServices, type Services } from '../src/services.ts';
import { createThrowawayDatabase } from '../test/helpers/postgres.ts';
import { createColumn, createFixture, type Fixture } from '../test/factories.ts';
import { loadItems, loadRequests, type YearSpec } from './dashboard.data.ts';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100_000);
const ITEMS = Number(process.env.BENCH_ITEMS ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const TODAY = '2025-12-17';
const TARGET_MS = 1000;
const MORE_DEPARTMENTS = ['地籍管理科', '不动产登记中心', '矿产资源管理科', '执法监察支队', '测绘地理信息科', '国土空间生态修复科', '国土空间用途管制科'];

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  let last: T | undefined;
  const times: number[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const t = performance.now();
    last = await fn();
    if (i > 0) times.push(performance.now() - t); // the first run warms the statement cache
  }
  times.sort((a, b) => a - b);
  const p50 = times[Math.floor(times.length / 2)];
  console.log(`${label}: p50 ${p50.toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times.at(-1)!.toFixed(0)} ms over ${RUNS} runs (target < ${TARGET_MS} ms)`);
  return last as T;
}

async function load(services: Services, fx: Fixture): Promise<void> {
  const actor = systemActor('bench');
  const calendar = await services.calendar.get();
  const t = performance.now();
  for (const [agencyId, departments, share, prefix] of [
    [fx.agency.id, fx.departments, 1, 'a'],
    [fx.otherAgency.id, fx.otherDepartments, 0.1, 'b'],
  ] as const) {
    const extra = [];
    for (const [i, name] of MORE_DEPARTMENTS.entries()) extra.push(await services.accounts.createDepartment(actor, agencyId, name, { sortOrder: 10 + i }));
    const departmentIds = [departments.planning.id, departments.farmland.id, ...extra.map((d) => d.id)];
    const column = agencyId === fx.agency.id
      ? await createColumn(services, fx, '政策文件')
      : await services.catalog.createColumn(fx.otherActor('officer'), {
        parentId: null, code: 'bench-other', name: '政策文件', description: '', sortOrder: 1, updateIntervalDays: null, departmentIds: [departments.planning.id],
      });
    const spec: YearSpec = {
      agencyId, departmentIds, columnId: column.id, todayOn: TODAY, calendar, prefix,
      requests: Math.round(REQUESTS * share), items: Math.round(ITEMS * share),
    };
    const r = await loadRequests(services.database.db, spec);
    const i = await loadItems(services.database.db, spec);
    console.log(`Loaded ${prefix === 'a' ? 'the bureau' : 'a county bureau'}: ${r.requests} requests, ${r.assignments} assignments, ${r.events} timeline events, ` +
      `${r.notifications} reminders, ${i.items} items, ${i.reviewRecords} review records`);
  }
  // PostgreSQL's autovacuum would analyze after a load like this; SQLite is never analyzed in production.
  if (services.database.dialect === 'postgres') await sql`analyze`.execute(services.database.db);
  console.log(`Load: ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-dashboard-'));
  const pgDb = process.env.BENCH_DATABASE_URL ? await createThrowawayDatabase(process.env.BENCH_DATABASE_URL, 'gk_bench') : undefined;
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, DATABASE_URL: pgDb?.url ?? '' });
  const services = await createServices(config, { clock: new FakeClock(`${TODAY}T02:00:00Z`) });
  try {
    const fx = await createFixture(services);
    console.log(`database: ${services.database.dialect}; ${os.cpus().length} CPUs; Node ${process.version}; today ${TODAY}`);
    await load(services, fx);
    const officer = fx.actor('officer');

    const d = await timed('Dashboard (service)', () => services.dashboards.dashboard(officer));
    console.log(`  open ${d.requests.open}, due this week ${d.requests.dueThisWeek}, overdue ${d.requests.overdue}, ${d.requests.byDepartment.length} departments, ` +
      `average ${d.averageReplyWorkingDays} working days over ${d.repliesCounted} replies, awaiting review ${d.items.awaitingReview.reduce((s, x) => s + x.count, 0)}`);
    if (d.repliesCounted === 0 || d.requests.open === 0) throw new Error('the dashboard found no data: the generator and the queries disagree');
    for (const period of ['2025', '2025-Q4', '2025-11']) {
      const a = await timed(`Assessment ${period} (service)`, () => services.assessment.assess(officer, { period }));
      const sum = (k: 'itemsPublished' | 'repliesApproved' | 'remindersSent' | 'reviewSubmissions') => a.departments.reduce((s, x) => s + x[k], 0);
      console.log(`  ${a.departments.length} departments: ${sum('itemsPublished')} items published, ${sum('repliesApproved')} replies approved, ` +
        `${sum('remindersSent')} reminders, ${sum('reviewSubmissions')} review submissions`);
    }

    const app = await buildApp(services);
    try {
      const { token } = await services.accounts.login({ username: fx.users.officer.username, password: fx.password }, '127.0.0.1', 'bench');
      for (const url of ['/console/dashboard', '/console/assessment?period=2025']) {
        const t = performance.now();
        const res = await app.inject({ method: 'GET', url, headers: { cookie: `gk_session=${token}` } });
        const ms = performance.now() - t;
        if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}`);
        console.log(`Page ${url} (HTTP, once): ${ms.toFixed(0)} ms, ${(res.body.length / 1024).toFixed(0)} KiB`);
      }
    } finally {
      await app.close();
    }
  } finally {
    await services.close();
    await pgDb?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
