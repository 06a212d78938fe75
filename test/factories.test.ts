import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestServices } from './helpers/test-services.ts';
import { createFixture } from './factories.ts';
const services = await createTestServices();
after(() => services.cleanup());
test('fixture', async () => {
  const f = await createFixture(services);
  assert.equal(f.users.drafter.departmentId, f.departments.planning.id);
  assert.notEqual(f.agency.id, f.otherAgency.id);
  const users = await services.accounts.users(f.agency.id);
  assert.equal(users.length, 7);
});
