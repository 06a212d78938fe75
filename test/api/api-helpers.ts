// Shared setup of the staff JSON API tests: JSON calls with a console session, and a request
// answered through the real workflow (accepted, assigned, drafted, approved) on a given day.
import type { FastifyInstance } from 'fastify';
import type { FakeClock } from '../../src/core/time/clock.ts';
import type { ReplyDraftInput } from '../../src/modules/requests/index.ts';
import type { Fixture } from '../factories.ts';
import type { TestSession } from '../helpers/http.ts';
import type { TestServices } from '../helpers/test-services.ts';
import { online, setDay } from '../requests/request-helpers.ts';

export function getJson(app: FastifyInstance, url: string, session: TestSession) {
  return app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
}

export function postJson(app: FastifyInstance, url: string, session: TestSession, body: unknown) {
  return app.inject({
    method: 'POST', url, headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' }, payload: JSON.stringify(body),
  });
}

/** A refusal of one item, as a department drafts it. */
export const REFUSAL: ReplyDraftInput = {
  opinion: '',
  items: [{ description: '国土空间规划涉密图件', replyType: 'notDisclosed', decision: 'refused:stateSecret', explanation: '属于国家秘密' }],
};

/** An online application of the agency, replied (approved by the office) on `on`. */
export async function repliedRequest(s: TestServices, fx: Fixture, clock: FakeClock, on: string, applicantName: string, draft: ReplyDraftInput = REFUSAL) {
  setDay(clock, on);
  const office = fx.actor('officer');
  const drafter = fx.actor('drafter');
  const receipt = await s.requests.apply(online(fx.agency.id, { applicantName }), '203.0.113.9');
  await s.requests.act(office, receipt.requestId, 'accept', { note: '' });
  await s.requests.act(office, receipt.requestId, 'assign', { note: '', departmentIds: [fx.departments.planning.id] });
  await s.requests.act(drafter, receipt.requestId, 'startDrafting', { note: '' });
  await s.requests.replies.saveDraft(drafter, receipt.requestId, draft);
  await s.requests.act(drafter, receipt.requestId, 'submitReply', { note: '请审核' });
  await s.requests.act(office, receipt.requestId, 'approve', { note: '' });
  return receipt;
}
