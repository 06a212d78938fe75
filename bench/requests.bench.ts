// `npm run bench:requests`: sustained online application submissions per second (autocannon
// against the real app on 127.0.0.1, a unique idempotency key per request), then the p95 latency
// of the office register (page 1, default filters and 'overdue') with 100,000 requests.
// SQLite by default; PostgreSQL when BENCH_DATABASE_URL names a server (a throwaway database).
// Environment: BENCH_REQUESTS (default 100000), BENCH_HTTP_SECONDS (default 10), BENCH_DATABASE_URL.
import { createThrowawayDatabase, type ThrowawayDatabase } from '../test/helpers/postgres.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createFieldCipher } from '../src/core/crypto/field-cipher.ts';
import { loadSecretKey } from '../src/core/crypto/secret-key.ts';
import type { RequestTable } from '../src/core/db/schema.ts';
import { newId } from '../src/core/ids.ts';
import { maskIdNumber } from '../src/core/text/mask.ts';
import { addCalendarDays } from '../src/core/time/dates.ts';
import { correctionNoticeDeadline, replyDeadline } from '../src/modules/requests/index.ts';
import { createServices } from '../src/services.ts';
import { createFixture } from '../test/factories.ts';
import { application } from '../test/requests/request-helpers.ts';

const TOTAL = Number(process.env.BENCH_REQUESTS ?? 100_000);
const HTTP_SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const RUNS = 100;

const STATUSES: [string, number][] = [
  ['closed', 0.7], ['received', 0.04], ['accepted', 0.03], ['assigned', 0.05], ['drafting', 0.08], ['consulting', 0.02],
  ['officeReview', 0.03], ['approved', 0.01], ['delivered', 0.02], ['withdrawn', 0.01], ['abandoned', 0.01],
];

function pickStatus(i: number): string {
  let x = ((i * 2654435761) % 1000) / 1000;
  for (const [s, w] of STATUSES) {
    if (x < w) return s;
    x -= w;
  }
  return 'closed';
}

async function throwawayPostgres(): Promise<ThrowawayDatabase | undefined> {
  const admin = process.env.BENCH_DATABASE_URL;
  return admin ? createThrowawayDatabase(admin, 'gk_bench') : undefined;
}

const p95 = (times: number[]) => [...times].sort((a, b) => a - b)[Math.ceil(0.95 * times.length) - 1]!;

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-requests-'));
  const pgDb = await throwawayPostgres();
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, DATABASE_URL: pgDb?.url ?? '', APPLY_RATE_PER_MINUTE: '100000' });
  const services = await createServices(config);
  try {
    const fx = await createFixture(services);
    const app = await buildApp(services);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    const base = `http://127.0.0.1:${port}`;
    console.log(`database: ${services.database.dialect}; ${os.cpus().length} CPUs; Node ${process.version}`);

    // 1. Sustained submissions: every request a new idempotency key, so every one is a new application.
    const body = JSON.stringify({ ...application(), agencyCode: fx.agency.code });
    let n = 0;
    const result = await autocannon({
      url: base, connections: 10, duration: HTTP_SECONDS,
      requests: [{
        method: 'POST', path: '/api/v1/requests',
        setupRequest: (req) => ({ ...req, headers: { 'content-type': 'application/json', 'idempotency-key': `bench-${process.pid}-${++n}` }, body }) as typeof req,
      }],
    });
    const created = Number((await services.database.db.selectFrom('requests').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    console.log(`\nApplications: ${result.requests.average.toFixed(0)} submissions/s sustained over ${HTTP_SECONDS} s (10 connections), ` +
      `latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; non-2xx ${result.non2xx}, errors ${result.errors}; ${created} requests stored`);

    // 2. 100,000 requests bulk-inserted with computed due dates, then the register's latency.
    const calendar = await services.calendar.get();
    const cipher = createFieldCipher(loadSecretKey(config));
    const started = performance.now();
    const now = new Date().toISOString();
    const idNumber = application().idNumber;
    const enc = cipher.encrypt(idNumber);
    const toInsert = TOTAL - created;
    for (let i = 0; i < toInsert; ) {
      const batch: RequestTable[] = [];
      for (let j = 0; j < 200 && i < toInsert; j++, i++) {
        const receivedOn = addCalendarDays('2025-01-02', Math.floor((i / toInsert) * 680));
        const status = pickStatus(i);
        const replyDueOn = replyDeadline(calendar, { receivedOn, extensionDays: 0, pauses: [] }, receivedOn).dueOn;
        batch.push({
          id: newId(), agencyId: fx.agency.id, trackingCode: `B${String(i).padStart(11, '0')}`.replace(/(.{4})(.{4})(.{4})/, '$1-$2-$3'), idempotencyKey: null,
          channel: i % 5 === 0 ? 'post' : 'online', applicantType: i % 7 === 0 ? 'business' : 'person', applicantName: `申请人${i}`, idType: 'residentId',
          idNumberEnc: enc, idNumberIndex: cipher.blindIndex(idNumber), idNumberMasked: maskIdNumber(idNumber), orgCreditCode: '', legalRepresentative: '',
          agentName: '', agentIdNumberEnc: '', agentIdNumberMasked: '', phone: '13812346333', phoneLast4: '6333', email: '', address: '赣州市章贡区', postcode: '',
          infoDescription: `请提供第 ${i} 号地块的征地批复、补偿安置方案和听证材料。`, infoTitle: '', infoDocNumber: '', purpose: '', deliveryMethod: 'paper',
          feeWaiverRequested: 0, feeWaiverReason: '', status, outcome: null, outcomeReason: null, originalReceivedOn: receivedOn, receivedOn,
          receivedAt: `${receivedOn}T02:00:00.000Z`, correctionNoticeDueOn: correctionNoticeDeadline(calendar, receivedOn).dueOn, correctionRequestedOn: null,
          correctionPeriodDueOn: null, correctionCount: 0, correctionPeriodDays: 0, replyDueOn, extensionDays: 0, extensionReason: '', extensionApprovedBy: '',
          closedOn: ['closed', 'withdrawn', 'abandoned'].includes(status) ? replyDueOn : null, mergedIntoId: null, splitFromId: null, imported: 1,
          createdAt: now, updatedAt: now,
        });
      }
      await services.database.db.insertInto('requests').values(batch).execute();
    }
    console.log(`Bulk insert of ${toInsert} requests: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    if (services.database.dialect === 'postgres') await sql`analyze`.execute(services.database.db);

    const { token } = await services.accounts.login({ username: fx.users.officer.username, password: fx.password }, '127.0.0.1', 'bench');
    const headers = { cookie: `gk_session=${token}` };
    for (const [label, query] of [['default filters', ''], ["'overdue'", '&status=overdue'], ["'open'", '&status=open']] as const) {
      const url = `${base}/api/v1/staff/requests?page=1&pageSize=20${query}`;
      for (let i = 0; i < 5; i++) await fetch(url, { headers });
      const times: number[] = [];
      let total = 0;
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        const res = await fetch(url, { headers });
        const json = (await res.json()) as { total: number };
        times.push(performance.now() - t);
        total = json.total;
        if (!res.ok) throw new Error(`register answered ${res.status}`);
      }
      console.log(`Register page 1 (${label}): p95 ${p95(times).toFixed(1)} ms over ${RUNS} requests (${total} matching of ${TOTAL})`);
    }
    await app.close();
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
