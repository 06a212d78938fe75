// `npm run bench:reports`: the time to compute a year's annual report (tables 二, 三, 四 and the
// checks) over 100,000 requests received in the year, plus carry-over from the year before and
// into the next. The requests come in through the ledger import (its time is printed too).
// SQLite by default; PostgreSQL when BENCH_DATABASE_URL names a server (a throwaway database).
// Environment: BENCH_REQUESTS (default 100000), BENCH_RUNS (default 7), BENCH_DATABASE_URL.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { systemActor } from '../src/core/audit/audit.ts';
import { loadConfig } from '../src/config.ts';
import { FakeClock } from '../src/core/time/clock.ts';
import { addCalendarDays } from '../src/core/time/dates.ts';
import { ALL_OUTCOME_REASONS, OUTCOME_REASONS, OUTCOMES, type Outcome } from '../src/modules/requests/index.ts';
import { createServices } from '../src/services.ts';
import { createThrowawayDatabase } from '../test/helpers/postgres.ts';
import { createFixture } from '../test/factories.ts';

const TOTAL = Number(process.env.BENCH_REQUESTS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const TYPES = ['person', 'person', 'person', 'business', 'research', 'nonprofit', 'legalService', 'other'];
const YEAR = 2025;

/** A deterministic ledger: TOTAL requests received in the year, 2% carried in, 3% still open at year end. */
function ledger(): string {
  const lines = ['trackingCode,applicantType,receivedOn,closedOn,outcome,reason'];
  const combos: [Outcome, string][] = OUTCOMES.flatMap((o) => (OUTCOME_REASONS[o].length ? OUTCOME_REASONS[o].map((r): [Outcome, string] => [o, r]) : [[o, '']]));
  const carriedIn = Math.round(TOTAL * 0.02);
  for (let i = 0; i < TOTAL + carriedIn; i++) {
    const inYear = i < TOTAL;
    const receivedOn = inYear ? addCalendarDays(`${YEAR}-01-01`, Math.floor((i / TOTAL) * 364)) : addCalendarDays(`${YEAR - 1}-12-01`, i % 30);
    const open = inYear && i % 33 === 0;
    const closedOn = open ? '' : addCalendarDays(receivedOn, 5 + (i % 15));
    const [o, r] = open ? ['', ''] : combos[(i * 7) % combos.length];
    lines.push(`K${String(i).padStart(9, '0')},${TYPES[i % TYPES.length]},${receivedOn},${closedOn > `${YEAR + 1}-01-15` ? `${YEAR + 1}-01-15` : closedOn},${o},${r}`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-reports-'));
  const pgDb = process.env.BENCH_DATABASE_URL ? await createThrowawayDatabase(process.env.BENCH_DATABASE_URL, 'gk_bench') : undefined;
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, DATABASE_URL: pgDb?.url ?? '' });
  const services = await createServices(config, { clock: new FakeClock(`${YEAR + 1}-01-20T02:00:00Z`) });
  try {
    const fx = await createFixture(services);
    console.log(`database: ${services.database.dialect}; ${os.cpus().length} CPUs; Node ${process.version}; ${ALL_OUTCOME_REASONS.length} reasons`);
    const csv = ledger();
    let t = performance.now();
    const imported = await services.ledgerImport.importLedger(systemActor('bench'), fx.agency.id, { filename: 'ledger.csv', bytes: Buffer.from(csv) });
    console.log(`Ledger import of ${imported.imported} requests (validated, one transaction): ${((performance.now() - t) / 1000).toFixed(1)} s`);
    if (services.database.dialect === 'postgres') await sql`analyze`.execute(services.database.db);

    const times: number[] = [];
    let received = 0;
    for (let i = 0; i < RUNS + 1; i++) {
      t = performance.now();
      const f = await services.reportFigures.computeAnnualReport({ agencyId: fx.agency.id, year: YEAR });
      const ms = performance.now() - t;
      if (i > 0) times.push(ms); // the first run warms the statement cache
      received = Number(f.table3[0].values.at(-1));
      if (!f.checks.every((c) => c.ok)) throw new Error('checks failed on generated data');
    }
    times.sort((a, b) => a - b);
    const p50 = times[Math.floor(times.length / 2)];
    console.log(`Annual report ${YEAR} (${received} received in the year): p50 ${p50.toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times.at(-1)!.toFixed(0)} ms over ${RUNS} runs (target < 2000 ms)`);
  } finally {
    await services.close();
    await pgDb?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
