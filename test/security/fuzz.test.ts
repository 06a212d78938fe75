// A quick run of the hostile-input fuzzer inside `npm test` (500 inputs over every public
// endpoint); `npm run test:fuzz` runs 10,000 and prints the figures.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestServices, type TestServices } from '../helpers/test-services.ts';
import { publicEndpoints, runFuzz } from './fuzz.ts';
import { createSecurityWorld, type SecurityWorld } from './security-harness.ts';

let s: TestServices;
let w: SecurityWorld;

before(async () => {
  s = await createTestServices();
  w = await createSecurityWorld(s);
});
after(async () => {
  await w?.app.close();
  await s?.cleanup();
});

test('500 hostile inputs at every public endpoint: no 5xx and no unescaped echo', async () => {
  const report = await runFuzz(w, { runs: 500, seed: 20261122 });
  assert.deepEqual(report.failures, []);
  assert.equal(report.tried, 500);
  const hit = Object.keys(report.perEndpoint).length;
  assert.ok(hit >= publicEndpoints(w).length * 0.8, `only ${hit} of ${publicEndpoints(w).length} public endpoints reached`);
});
