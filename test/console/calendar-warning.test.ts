// From 1 October the console home page of the system administrator (who enters holiday
// arrangements) and of the office and leaders warns while next year's calendar is missing, and the
// warning goes once the year is entered.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FakeClock } from '../../src/core/time/clock.ts';
import { get } from '../helpers/http.ts';
import { useHttpFixture } from '../helpers/http-fixture.ts';

const WARNING = '工作日历缺少 2027 年的节假日安排';

describe('console warning before the calendar runs out', () => {
  // (Before October nothing shows: src/core/time/calendar-coverage.test.ts. Moving the clock here
  // would end the sessions by idle timeout.)
  const t = useHttpFixture({ sessions: ['sysAdmin', 'officer', 'drafter'], clock: new FakeClock('2026-10-01T02:00:00Z') });

  test('the administrator gets a link to the calendar, the office is told whom to ask, a drafter sees nothing', async () => {
    const admin = (await get(t.app, '/console', t.as.sysAdmin)).body;
    assert.ok(admin.includes(WARNING));
    assert.match(admin, /<a href="\/console\/calendar">工作日历<\/a>中录入 2027 年/);
    const office = (await get(t.app, '/console', t.as.officer)).body;
    assert.ok(office.includes(WARNING));
    assert.ok(office.includes('请联系系统管理员'));
    assert.ok(!(await get(t.app, '/console', t.as.drafter)).body.includes(WARNING));
  });

  test('gone once 2027 is entered', async () => {
    const actor = { id: null, name: '测试', agencyId: null, ip: '127.0.0.1' };
    await t.services.calendar.setYear(actor, 2027, [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }], '国办发明电〔2026〕');
    assert.ok(!(await get(t.app, '/console', t.as.officer)).body.includes(WARNING));
  });
});
