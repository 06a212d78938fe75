// Who reads the office records, enforced by the services themselves (so every route or API that
// calls them gets it): release coordination letters and an item's reading-room rows are the work
// roles'; the reading-room checklist is the office's and the leaders'; the three administrators
// (三员分立) read none of them; another agency's records are missing.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { StaffActor } from '../../src/modules/accounts/index.ts';
import type { FakeClock } from '../../src/core/time/clock.ts';
import { createColumn, draftInput, publishedItem } from '../factories.ts';
import { useServiceFixture } from '../helpers/service-fixture.ts';

const ADMINS = ['sysAdmin', 'securityAdmin', 'auditor'] as const;

describe('office records access', () => {
  let columnId: string;
  const t = useServiceFixture({
    setup: async ({ services, fx }) => {
      columnId = (await createColumn(services, fx)).id;
      await services.officeRecords.readingRooms.setRooms(fx.actor('sysAdmin'), { rooms: [{ name: '市档案馆查阅点', address: '章贡区 1 号', hours: '工作日' }] });
    },
  });
  /** The fixture has a system administrator only; the other two administrators differ from it by role alone. */
  const admin = (role: (typeof ADMINS)[number]): StaffActor => ({ user: { ...t.fx.users.sysAdmin, roles: [role] }, ip: '127.0.0.1' });
  const refused = (p: Promise<unknown>, status: 403 | 404) => assert.rejects(p, { status });

  test('coordination letters: the work roles read them; the administrators get 403, another agency 404', async () => {
    (t.services.clock as FakeClock).set('2025-11-10T02:00:00Z');
    const { coordination } = t.services.officeRecords;
    const draft = await t.services.catalog.createDraft(t.fx.actor('drafter'), draftInput(columnId, { title: '关于地质灾害隐患点的公告' }));
    const letter = await coordination.send(t.fx.actor('officer'), draft.id, { recipientAgency: '赣州市应急管理局', recipientContact: '李', question: '隐患点名单是否一致？' });
    for (const role of ['drafter', 'departmentHead', 'confidentialityReviewer', 'leader', 'principalLeader', 'officer'] as const) {
      assert.equal((await coordination.get(t.fx.actor(role), letter.id)).number, letter.number, role);
      assert.equal((await coordination.list(t.fx.actor(role), draft.id)).length, 1, role);
    }
    for (const role of ADMINS) {
      await refused(coordination.get(admin(role), letter.id), 403);
      await refused(coordination.list(admin(role), draft.id), 403);
    }
    await refused(coordination.get(t.fx.otherActor('officer'), letter.id), 404);
    await refused(coordination.list(t.fx.otherActor('officer'), draft.id), 404);
  });

  test("reading rooms: the checklist is the office's and the leaders', an item's rows its readers'; no administrator reads either", async () => {
    (t.services.clock as FakeClock).set('2025-11-24T02:00:00Z');
    const rr = t.services.officeRecords.readingRooms;
    const item = await publishedItem(t.services, t.fx, columnId, { title: '三员分立检查用信息' });
    for (const role of ['officer', 'leader', 'principalLeader'] as const)
      assert.ok((await rr.list(t.fx.actor(role), { state: 'all' })).some((r) => r.itemId === item.id), role);
    for (const role of ['drafter', 'departmentHead', 'confidentialityReviewer'] as const) {
      await refused(rr.list(t.fx.actor(role), { state: 'all' }), 403);
      assert.equal((await rr.ofItem(t.fx.actor(role), item.id)).length, 1, role);
    }
    for (const role of ADMINS) {
      await refused(rr.list(admin(role), { state: 'all' }), 403);
      await refused(rr.ofItem(admin(role), item.id), 403);
    }
    // The room list itself is configuration (also on the portal's guide): the system administrator keeps it.
    assert.deepEqual((await rr.setRooms(t.fx.actor('sysAdmin'), { rooms: [{ name: '市图书馆查阅点', address: '', hours: '' }] })).map((r) => r.name), ['市图书馆查阅点']);
    await refused(rr.setRooms(admin('auditor'), { rooms: [] }), 403);
  });
});
