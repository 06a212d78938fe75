// A quick run of the hostile-input fuzzer inside `npm test`: 500 inputs over every public
// endpoint, then 150 hostile bodies at the staff write routes signed in as the routes' roles (and
// others); `npm run test:fuzz` runs 10,000 of each and prints the figures.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TestServices } from '../helpers/test-services.ts';
import { publicEndpoints, runFuzz } from './fuzz.ts';
import { createFuzzVictim, runStaffFuzz, staffEndpoints } from './fuzz-staff.ts';
import { useSecurityWorld, type SecurityWorld } from './security-harness.ts';

let s: TestServices;
let w: SecurityWorld;

useSecurityWorld((world, services) => {
  w = world;
  s = services;
});

test('500 hostile inputs at every public endpoint: no 5xx and no unescaped echo', async () => {
  const report = await runFuzz(w, { runs: 500, seed: 20261122 });
  assert.deepEqual(report.failures, []);
  assert.equal(report.tried, 500);
  const hit = Object.keys(report.perEndpoint).length;
  assert.ok(hit >= publicEndpoints(w).length * 0.8, `only ${hit} of ${publicEndpoints(w).length} public endpoints reached`);
});

test('150 hostile bodies at the staff write routes: no 5xx, no unescaped echo, no NUL accepted', async () => {
  const report = await runStaffFuzz(w, { runs: 150, seed: 20261123, victimUserId: await createFuzzVictim(s, w) });
  assert.deepEqual(report.failures, []);
  assert.equal(report.tried, 150);
  assert.ok(staffEndpoints(w).length > 60, `only ${staffEndpoints(w).length} staff write routes`);
  assert.ok(Object.keys(report.perRole).length >= 6, `only roles ${Object.keys(report.perRole).join(', ')} signed in`);
  // Most inputs get past the role check into the route's own validation.
  const reached = Object.values(report.perEndpoint).reduce((n, e) => n + Object.entries(e.statuses).filter(([code]) => code !== '403').reduce((m, [, c]) => m + c, 0), 0);
  assert.ok(reached > 100, `only ${reached} inputs reached a handler past the role check`);
});
