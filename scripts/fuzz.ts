// `npm run test:fuzz`: 10,000 hostile inputs at every public endpoint (issue 8 "Done when"),
// on SQLite or, with TEST_DATABASE_URL, PostgreSQL. Prints inputs tried, per-endpoint counts by
// status and every failure; exits 1 on any failure. FUZZ_RUNS and FUZZ_SEED override the defaults.
import { createTestServices } from '../test/helpers/test-services.ts';
import { publicEndpoints, runFuzz } from '../test/security/fuzz.ts';
import { createSecurityWorld } from '../test/security/security-harness.ts';

const runs = Number(process.env.FUZZ_RUNS ?? 10_000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const services = await createTestServices();
const world = await createSecurityWorld(services);
const started = performance.now();
const report = await runFuzz(world, { runs, seed });
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`fuzz: ${report.tried} inputs tried (seed ${seed}) against ${publicEndpoints(world).length} public endpoints on ${services.database.dialect} in ${seconds} s`);
for (const [endpoint, s] of Object.entries(report.perEndpoint).sort())
  console.log(`  ${endpoint.padEnd(40)} ${String(s.tried).padStart(6)}  ${Object.entries(s.statuses).map(([k, v]) => `${k}×${v}`).join(' ')}`);
console.log(`failures: ${report.failures.length}`);
for (const f of report.failures) console.log(`  ${f}`);
await world.app.close();
await services.cleanup();
process.exit(report.failures.length ? 1 : 0);
