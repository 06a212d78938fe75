// The calendar table: seeded 2019–2026, extendable by an administrator (audited), and the CLI.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { systemActor } from '../../src/core/audit/audit.ts';
import { verifyAuditChain } from '../../src/core/audit/verify.ts';
import { CalendarYearMissingError } from '../../src/core/time/calendar.ts';
import { runCli } from '../helpers/cli.ts';
import { useTestServices } from '../helpers/service-fixture.ts';

describe('calendar service', () => {
  const t = useTestServices();

  test('seeded years 2019–2026 and nothing else', async () => {
    const cal = await t.services.calendar.get();
    for (let y = 2019; y <= 2026; y++) assert.ok(cal.covers(y), String(y));
    assert.equal(cal.covers(2027), false);
    assert.equal(cal.addWorkingDays('2025-09-26', 20), '2025-10-30');
    assert.throws(() => cal.addWorkingDays('2026-12-20', 20), CalendarYearMissingError);
  });

  test('adding 2027 is audited, makes 2027 computable and notifies recomputers', async () => {
    let notified = 0;
    t.services.calendar.onChange(async () => {
      notified++;
      return 3;
    });
    const result = await t.services.calendar.setYear(systemActor('管理员'), 2027, [
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-01-04', kind: 'holiday', name: '元旦' },
      { date: '2027-01-09', kind: 'adjustedWorkday', name: '元旦调休上班' },
    ], '人工录入');
    assert.equal(notified, 1);
    assert.equal(result.recomputed, 3);
    const cal = await t.services.calendar.get();
    assert.equal(cal.isWorkingDay('2027-01-04'), false);
    assert.equal(cal.isWorkingDay('2027-01-09'), true);
    // From 2026-12-30: 12-31(1) 01-05(2) 01-06(3) 01-07(4) 01-08(5) 01-09(6)
    assert.equal(cal.addWorkingDays('2026-12-30', 6), '2027-01-09');
    const events = await t.services.database.db.selectFrom('auditEvents').selectAll().where('action', '=', 'calendar.setYear').execute();
    assert.equal(events.length, 1);
    assert.equal(events[0].subjectId, '2027');
    assert.equal((await verifyAuditChain(t.services.database.db)).ok, true);
  });

  test('a day outside the year is refused', async () => {
    await assert.rejects(
      t.services.calendar.setYear(systemActor('管理员'), 2028, [{ date: '2027-05-01', kind: 'holiday', name: 'x' }], '人工录入'),
      /不属于 2028 年/,
    );
  });

  test('gongkai calendar due prints the due date alone', () => {
    const out = runCli(t.services, ['calendar', 'due', '--from', '2025-09-26', '--days', '20']);
    assert.equal(out.status, 0, out.stderr);
    assert.equal(out.stdout, '2025-10-30\n');
    const missing = runCli(t.services, ['calendar', 'due', '--from', '2028-12-20', '--days', '20']);
    assert.notEqual(missing.status, 0);
    assert.match(missing.stderr, /2028/);
  });
});
