import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Role, SessionUser } from '../accounts/index.ts';
import { safeNext } from './console.forms.ts';
import { canActOnRequest, canEditDraft, canManageCalendar, canManageColumns, canManageUsers, canRepeal, canRevisePublished, navEntries } from './console.policy.ts';

const user = (roles: Role[], departmentId: string | null = 'd1'): SessionUser => ({
  id: 'u', username: 'u', displayName: 'U', agencyId: 'a', departmentId, roles, isPrincipalLeader: false, mustChangePassword: false,
});

describe('console policy', () => {
  test('acting on a request: the office, a handling department on requests assigned to it, never a leader', () => {
    const unassigned = { status: 'received' as const, agencyId: 'a', handlingDepartments: [] };
    const assigned = { ...unassigned, status: 'drafting' as const, handlingDepartments: [{ id: 'd1', name: '规划科' }] };
    assert.equal(canActOnRequest(user(['officer']), unassigned), true);
    assert.equal(canActOnRequest(user(['officer']), { ...unassigned, agencyId: 'b' }), false);
    for (const roles of [['leader'], ['confidentialityReviewer'], ['sysAdmin']] as Role[][]) assert.equal(canActOnRequest(user(roles), assigned), false, roles[0]);
    assert.equal(canActOnRequest(user(['drafter']), unassigned), false);
    assert.equal(canActOnRequest(user(['drafter']), assigned), true);
    assert.equal(canActOnRequest(user(['drafter'], 'd2'), assigned), false);
    // The role for the verb, whatever the state: a department submits replies, the office approves them.
    assert.equal(canActOnRequest(user(['drafter']), assigned, ['approve']), false);
    assert.equal(canActOnRequest(user(['officer']), assigned, ['approve']), true);
    assert.equal(canActOnRequest(user(['officer']), assigned, ['submitReply']), false);
  });

  test('menu entries follow the roles', () => {
    const hrefs = (roles: Role[]) => navEntries(user(roles), { supervisesAgencies: true }).map((e) => e.href);
    assert.deepEqual(hrefs(['drafter']), ['/console', '/console/items', '/console/items/new', '/console/requests/queue', '/console/freshness', '/console/messages', '/console/inbox', '/console/account', '/console/password']);
    for (const href of ['/console/dashboard', '/console/assessment', '/console/freshness']) assert.ok(hrefs(['leader']).includes(href), href);
    assert.ok(!hrefs(['drafter']).includes('/console/dashboard'));
    assert.deepEqual(hrefs(['sysAdmin']), ['/console', '/console/users', '/console/calendar', '/console/lexicon', '/console/notices/templates', '/console/reading-rooms/rooms', '/console/account', '/console/password']);
    assert.ok(hrefs(['officer']).includes('/console/reading-rooms') && !hrefs(['drafter']).includes('/console/reading-rooms'));
    assert.ok(hrefs(['leader']).includes('/console/reading-rooms') && !hrefs(['sysAdmin']).includes('/console/reading-rooms'));
    assert.ok(hrefs(['officer']).includes('/console/notices/templates'));
    assert.deepEqual(hrefs(['securityAdmin']), ['/console', '/console/users', '/console/security', '/console/account', '/console/password']);
    assert.deepEqual(hrefs(['auditor']), ['/console', '/console/audit', '/console/account', '/console/password']);
    assert.ok(hrefs(['officer']).includes('/console/columns'));
    for (const href of ['/console/requests', '/console/requests/new', '/console/requests/supervision']) assert.ok(hrefs(['officer']).includes(href), href);
  });

  test('supervision entries only for the office and leaders of an agency with subordinate agencies', () => {
    const SUPERVISION = ['/console/requests/supervision', '/console/reports/rollup'];
    const shown = (roles: Role[], supervisesAgencies: boolean) =>
      navEntries(user(roles), { supervisesAgencies }).map((e) => e.href).filter((h) => SUPERVISION.includes(h));
    assert.deepEqual(shown(['officer'], true), SUPERVISION);
    assert.deepEqual(shown(['leader'], true), SUPERVISION);
    assert.deepEqual(shown(['officer'], false), []);
    assert.deepEqual(shown(['leader'], false), []);
    for (const role of ['drafter', 'departmentHead', 'confidentialityReviewer', 'sysAdmin', 'securityAdmin', 'auditor'] as Role[])
      assert.deepEqual(shown([role], true), [], role);
    // Everything else in the menu is the same either way.
    const rest = (supervisesAgencies: boolean) => navEntries(user(['officer', 'leader']), { supervisesAgencies }).map((e) => e.href).filter((h) => !SUPERVISION.includes(h));
    assert.deepEqual(rest(false), rest(true));
  });

  test('administration pages', () => {
    assert.equal(canManageUsers(user(['drafter'])), false);
    assert.equal(canManageUsers(user(['securityAdmin'])), true);
    assert.equal(canManageCalendar(user(['securityAdmin'])), false);
    assert.equal(canManageCalendar(user(['sysAdmin'])), true);
    assert.equal(canManageColumns(user(['drafter'])), false);
  });

  test('drafts are edited by their department drafter or the office; published items only revised by the office', () => {
    const draft = { status: 'draft' as const, departmentId: 'd1', validity: 'inForce' };
    assert.equal(canEditDraft(user(['drafter'], 'd1'), draft), true);
    assert.equal(canEditDraft(user(['drafter'], 'd2'), draft), false);
    assert.equal(canEditDraft(user(['officer'], null), draft), true);
    assert.equal(canEditDraft(user(['departmentHead'], 'd1'), draft), false);
    assert.equal(canEditDraft(user(['drafter'], 'd1'), { ...draft, status: 'departmentReview' }), false);
    const published = { ...draft, status: 'published' as const };
    assert.equal(canRevisePublished(user(['officer']), published), true);
    assert.equal(canRevisePublished(user(['drafter']), published), false);
    assert.equal(canRepeal(user(['officer']), { ...published, validity: 'repealed' }), false);
  });

  test('login next paths stay inside the console', () => {
    assert.equal(safeNext('/console/items?status=draft'), '/console/items?status=draft');
    assert.equal(safeNext('/console'), '/console');
    for (const bad of ['//evil.example', 'https://evil.example/console', '/consolex', '/console/..//evil', '/console\\evil', undefined, ['/console/users']])
      assert.equal(safeNext(bad), '/console', String(bad));
  });
});
