// The supervision menu entries (下级机关办理情况, 年度报告汇总) appear only where there is someone to
// supervise: the city bureau's office and leaders see them, the county bureau's do not, yet the
// county bureau may still open both pages by URL (its roll-up shows its own figures).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { get } from '../helpers/http.ts';
import { useHttpFixture } from '../helpers/http-fixture.ts';

const SUPERVISION = 'href="/console/requests/supervision"';
const ROLLUP = 'href="/console/reports/rollup"';

describe('console menu: supervision entries', () => {
  const t = useHttpFixture({
    sessions: ['officer', 'leader', 'drafter'],
    otherSessions: ['officer', 'leader'],
    // The other agency (瑞金) becomes a county bureau under the agency under test (赣州).
    setup: async ({ services, fx }) => {
      await services.database.db.updateTable('agencies').set({ parentAgencyId: fx.agency.id }).where('id', '=', fx.otherAgency.id).execute();
    },
  });

  test('the city bureau office and leader see both entries; a drafter sees neither', async () => {
    for (const session of [t.as.officer, t.as.leader]) {
      const page = await get(t.app, '/console/inbox', session);
      assert.equal(page.statusCode, 200);
      assert.ok(page.body.includes(SUPERVISION) && page.body.includes(ROLLUP));
    }
    const drafter = (await get(t.app, '/console/inbox', t.as.drafter)).body;
    assert.ok(!drafter.includes(SUPERVISION) && !drafter.includes(ROLLUP));
  });

  test('the county bureau office and leader see neither, on any page, but may open both pages', async () => {
    for (const session of [t.asOther.officer, t.asOther.leader]) {
      for (const url of ['/console', '/console/inbox', '/console/reports']) {
        const page = await get(t.app, url, session);
        assert.equal(page.statusCode, 200, url);
        assert.ok(page.body.includes('href="/console/reports"'), `${url}: the menu is there`);
        assert.ok(!page.body.includes(SUPERVISION) && !page.body.includes(ROLLUP), url);
      }
      assert.equal((await get(t.app, '/console/requests/supervision', session)).statusCode, 200);
      const rollup = await get(t.app, '/console/reports/rollup?year=2025', session);
      assert.equal(rollup.statusCode, 200);
      assert.ok(rollup.body.includes('瑞金市自然资源局'));
    }
  });

  test('a city bureau whose county bureaus are gone no longer shows the entries', async () => {
    await t.services.database.db.updateTable('agencies').set({ parentAgencyId: null }).where('id', '=', t.fx.otherAgency.id).execute();
    const page = (await get(t.app, '/console/inbox', t.as.officer)).body;
    assert.ok(!page.includes(SUPERVISION) && !page.includes(ROLLUP));
  });
});
