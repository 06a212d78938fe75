import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { SessionUser } from '../accounts/index.ts';
import { availableVerbs, findTransition, TRANSITIONS } from './review.workflow.ts';

const user = (roles: SessionUser['roles'], extra: Partial<SessionUser> = {}): SessionUser => ({
  id: 'u', username: 'u', displayName: 'U', agencyId: 'A', departmentId: 'D1', roles, isPrincipalLeader: false, mustChangePassword: false, ...extra,
});
const item = (status: Parameters<typeof findTransition>[1]['status'], extra = {}) => ({ status, departmentId: 'D1', agencyId: 'A', isMajor: false, ...extra });

describe('review workflow table', () => {
  test('every review step can send back to draft', () => {
    for (const step of ['departmentReview', 'confidentialityReview', 'leaderApproval', 'principalApproval', 'officeCheck'])
      assert.ok(TRANSITIONS.some((t) => t.from === step && t.verb === 'sendBack' && t.to === 'draft'), step);
  });

  test('major items go to the principal leader after the leader', () => {
    assert.equal(findTransition(user(['leader']), item('leaderApproval', { isMajor: true }), 'approve')?.to, 'principalApproval');
    assert.equal(findTransition(user(['leader']), item('leaderApproval'), 'approve')?.to, 'officeCheck');
    assert.equal(findTransition(user(['leader']), item('principalApproval', { isMajor: true }), 'approve'), undefined);
    assert.equal(findTransition(user(['leader'], { isPrincipalLeader: true }), item('principalApproval', { isMajor: true }), 'approve')?.to, 'officeCheck');
  });

  test('department-bound steps need the same department; nothing crosses agencies', () => {
    assert.deepEqual(availableVerbs(user(['drafter']), item('draft')), ['submit']);
    assert.deepEqual(availableVerbs(user(['drafter'], { departmentId: 'D2' }), item('draft')), []);
    assert.deepEqual(availableVerbs(user(['departmentHead']), item('departmentReview')), ['approve', 'sendBack']);
    assert.deepEqual(availableVerbs(user(['officer'], { agencyId: 'B' }), item('officeCheck')), []);
    assert.deepEqual(availableVerbs(user(['drafter']), item('departmentReview')), []);
  });

  test('only proactive items can be published; the office takes published items down', () => {
    assert.deepEqual(availableVerbs(user(['officer']), item('officeCheck')), ['sendBack', 'publish']);
    assert.deepEqual(availableVerbs(user(['officer']), item('officeCheck', { disclosureMode: 'withheld' })), ['sendBack']);
    assert.deepEqual(availableVerbs(user(['officer']), item('published')), ['takedown']);
    assert.deepEqual(availableVerbs(user(['officer']), item('takenDown')), []);
  });
});
