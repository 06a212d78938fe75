// The fault test's checks (bench/faults.verify-requests.ts) must fail when the database lost or
// duplicated what the app acknowledged: `npm run test:faults` is only as good as they are.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { newLedger, type Ledger } from '../../bench/faults.ledger.ts';
import { verifyRequests } from '../../bench/faults.verify-requests.ts';
import { today } from '../../src/core/time/clock.ts';
import type { RegisteredApplication } from '../../src/modules/requests/index.ts';
import { useServiceFixture } from '../helpers/service-fixture.ts';
import { application } from '../requests/request-helpers.ts';

describe('fault test checks of the requests side', () => {
  let id: string;
  let ledger: Ledger;
  const t = useServiceFixture({
    setup: async ({ services: s, fx }) => {
      const officer = fx.actor('officer');
      const r = await s.requests.register(officer, { ...application(), channel: 'counter', receivedOn: today(s.clock) } as RegisteredApplication);
      await s.requests.act(officer, r.requestId, 'accept', { note: '' });
      id = r.requestId;
      ledger = newLedger();
      ledger.requests.set(id, { trackingCode: r.trackingCode, ackedStatus: 'accepted', ackedVerbs: ['accept'], replySaved: false, refusal: false, extensionDays: 0 });
    },
  });

  const problems = async () => (await verifyRequests(t.services, t.fx.agency.id, ledger)).problems;

  test('an acknowledged step with its notice passes', async () => {
    assert.deepEqual(await problems(), []);
  });

  test('an acknowledged step missing from the timeline is reported', async () => {
    ledger.requests.get(id)!.ackedVerbs.push('assign');
    try {
      assert.deepEqual(await problems(), [`request ${ledger.requests.get(id)!.trackingCode}: acknowledged 'assign' missing from the timeline (accept)`]);
    } finally {
      ledger.requests.get(id)!.ackedVerbs.pop();
    }
  });

  test('a notice without its step and a gap in the numbers are reported', async () => {
    const { db } = t.services.database;
    const n = await db.selectFrom('notices').selectAll().where('requestId', '=', id).executeTakeFirstOrThrow();
    await db.insertInto('notices').values({ ...n, id: `${n.id}X`, serial: Number(n.serial) + 2, number: `${n.number}X` }).execute();
    try {
      const found = await problems();
      assert.ok(found.some((p) => p.includes('issued without its step')), found.join('\n'));
      assert.ok(found.some((p) => p.includes('not contiguous')), found.join('\n'));
      assert.ok(found.some((p) => p.includes('notice counter')), found.join('\n'));
    } finally {
      await db.deleteFrom('notices').where('id', '=', `${n.id}X`).execute();
    }
  });

  test('a status that disagrees with the timeline is reported', async () => {
    const { db } = t.services.database;
    await db.updateTable('requests').set({ status: 'assigned' }).where('id', '=', id).execute();
    try {
      assert.deepEqual(await problems(), [`request ${ledger.requests.get(id)!.trackingCode}: status assigned, but the timeline ends in accepted`]);
    } finally {
      await db.updateTable('requests').set({ status: 'accepted' }).where('id', '=', id).execute();
    }
  });
});
