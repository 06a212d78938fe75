// `npm run test:fuzz`: 10,000 hostile inputs at every public endpoint and 10,000 hostile bodies at
// every staff write route signed in as the routes' roles (issue 8 "Done when"), on SQLite or,
// with TEST_DATABASE_URL, PostgreSQL. Prints inputs tried, per-endpoint counts by status and
// every failure; exits 1 on any failure. FUZZ_RUNS (public), FUZZ_STAFF_RUNS and FUZZ_SEED
// override the defaults.
import { createTestServices } from '../test/helpers/test-services.ts';
import { publicEndpoints, runFuzz, type FuzzReport } from '../test/security/fuzz.ts';
import { createFuzzVictim, runStaffFuzz, staffEndpoints } from '../test/security/fuzz-staff.ts';
import { createSecurityWorld } from '../test/security/security-harness.ts';

const runs = Number(process.env.FUZZ_RUNS ?? 10_000);
const staffRuns = Number(process.env.FUZZ_STAFF_RUNS ?? 10_000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const services = await createTestServices();
const world = await createSecurityWorld(services);

function print(report: FuzzReport, what: string, seconds: string) {
  console.log(`fuzz: ${report.tried} inputs tried (seed ${seed}) against ${what} on ${services.database.dialect} in ${seconds} s`);
  for (const [endpoint, s] of Object.entries(report.perEndpoint).sort())
    console.log(`  ${endpoint.padEnd(60)} ${String(s.tried).padStart(6)}  ${Object.entries(s.statuses).map(([k, v]) => `${k}×${v}`).join(' ')}`);
  console.log(`failures: ${report.failures.length}`);
  for (const f of report.failures) console.log(`  ${f}`);
}

let started = performance.now();
const pub = await runFuzz(world, { runs, seed });
print(pub, `${publicEndpoints(world).length} public endpoints`, ((performance.now() - started) / 1000).toFixed(1));

started = performance.now();
const staff = await runStaffFuzz(world, { runs: staffRuns, seed, victimUserId: await createFuzzVictim(services, world) });
print(staff, `${staffEndpoints(world).length} staff write routes`, ((performance.now() - started) / 1000).toFixed(1));
console.log(`  signed in as: ${Object.entries(staff.perRole).map(([k, v]) => `${k}×${v}`).join(' ')}`);

await world.app.close();
await services.cleanup();
process.exit(pub.failures.length + staff.failures.length ? 1 : 0);
