// Console administration pages: users (三员分立) and the working-day calendar.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { form, get } from '../helpers/http.ts';
import { useHttpFixture } from '../helpers/http-fixture.ts';

describe('console administration', () => {
  const t = useHttpFixture({ sessions: ['sysAdmin'] });

  test('the administrator sees the admin menu and the users page', async () => {
    const home = await get(t.app, '/console', t.as.sysAdmin);
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /href="\/console\/users"/);
    assert.match(home.body, /周管理/);
    assert.match(home.body, /系统管理员/);
    const res = await get(t.app, '/console/users', t.as.sysAdmin);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, new RegExp(t.fx.users.drafter.username));
  });

  test('users administration is forbidden for a drafter', async () => {
    const drafter = await t.signIn('drafter');
    const page = await get(t.app, '/console/users', drafter);
    assert.equal(page.statusCode, 403);
    assert.match(page.body, /没有访问权限/);
    const post = await form(t.app, '/console/users', { username: 'sneaky', displayName: 'x', roles: 'sysAdmin', password: 'Sneaky-pass-123!' }, drafter);
    assert.equal(post.statusCode, 403);
    assert.equal((await t.services.accounts.users(t.fx.agency.id)).some((u) => u.username === 'sneaky'), false);
  });

  test('the system administrator may not grant an administrator role: the error is shown by the field', async () => {
    const res = await form(
      t.app,
      '/console/users',
      { username: 'mixed.roles', displayName: '混合角色', roles: ['sysAdmin', 'drafter'], password: 'Mixed-pass-123!' },
      t.as.sysAdmin,
    );
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /<title>错误：/);
    assert.match(res.body, /href="#roles">管理员角色只能由安全管理员授予（三员分立）/);
    assert.match(res.body, /id="roles-error"/);
    assert.match(res.body, /value="mixed.roles"/);
    assert.match(res.body, /value="drafter" checked/);
  });

  test('creating and disabling a user', async () => {
    const created = await form(
      t.app,
      '/console/users',
      { username: 'new.drafter', displayName: '新经办', departmentId: t.fx.departments.planning.id, roles: 'drafter', password: 'Drafter-pass-123!' },
      t.as.sysAdmin,
    );
    assert.equal(created.statusCode, 303);
    const user = (await t.services.accounts.users(t.fx.agency.id)).find((u) => u.username === 'new.drafter');
    assert.ok(user);
    assert.deepEqual(user.roles, ['drafter']);
    const off = await form(t.app, `/console/users/${user.id}/active`, { active: '0' }, t.as.sysAdmin);
    assert.equal(off.statusCode, 303);
    assert.equal((await t.services.accounts.users(t.fx.agency.id)).find((u) => u.id === user.id)?.active, 0);
    // A user of another agency cannot be changed from here.
    const other = await form(t.app, `/console/users/${t.fx.otherUsers.drafter.id}/active`, { active: '0' }, t.as.sysAdmin);
    assert.equal(other.statusCode, 404);
  });

  test('calendar: bad lines are reported one by one and the text is kept', async () => {
    const res = await form(t.app, '/console/calendar', { year: '2027', days: '2027-01-01 休 元旦\n2027-02-30 休 春节\n2027-01-04 班 调休' }, t.as.sysAdmin);
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /第 2 行：“2027-02-30”不是有效日期/);
    assert.match(res.body, /第 3 行：2027-01-04 是工作日/);
    assert.match(res.body, /2027-02-30 休 春节/);
    assert.equal((await t.services.calendar.get()).covers(2027), false);
  });

  test('calendar: adding 2027 makes deadlines in 2027 computable and reports the recomputation', async () => {
    await assert.rejects(async () => (await t.services.calendar.get()).addWorkingDays('2027-01-04', 5), /CALENDAR_YEAR_MISSING|2027/);
    const days = ['2027-01-01 休 元旦', '2027-02-06 休 春节', '2027-02-07 班 春节调休'].join('\n');
    const res = await form(t.app, '/console/calendar', { year: '2027', days }, t.as.sysAdmin);
    assert.equal(res.statusCode, 303);
    assert.match(String(res.headers.location), /^\/console\/calendar\?year=2027&recomputed=\d+$/);
    const calendar = await t.services.calendar.get();
    assert.equal(calendar.addWorkingDays('2027-01-04', 5), '2027-01-11');
    assert.equal(calendar.isWorkingDay('2027-02-07'), true);
    const page = await get(t.app, String(res.headers.location), t.as.sysAdmin);
    assert.match(page.body, /已保存 2027 年的工作日历，重新计算了 \d+ 项期限/);
    assert.match(page.body, /春节调休/);
    assert.match(page.body, /<textarea id="days" name="days"[^>]*>2027-01-01 休 元旦/);
  });

  test('the calendar page is for the system administrator only', async () => {
    const officer = await t.signIn('officer');
    assert.equal((await get(t.app, '/console/calendar', officer)).statusCode, 403);
  });
});
