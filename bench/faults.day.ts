// The scripted day of work the fault test drives over HTTP while it kills processes: online
// applications, applications registered at the counter and taken through the whole of their
// handling (bench/faults.requests.ts: correction, consultation, extension, fees, replies, the
// quarterly filing), and catalog items through review to publication. Every answered 2xx/303 is
// written in the ledger as acknowledged; an action without an answer is only "attempted".
import type { FixtureUserKey } from '../test/factories.ts';
import { draftInput } from '../test/factories.ts';
import { application } from '../test/requests/request-helpers.ts';
import { acknowledge, attempt, refused, type DayDeps } from './faults.ledger.ts';
import { call, cookiesOf, csrfIn, type Answer } from './faults.procs.ts';
import { createRequestWork } from './faults.requests.ts';

export const ITEM_PATH = ['draft', 'departmentReview', 'confidentialityReview', 'leaderApproval', 'principalApproval', 'officeCheck', 'published'] as const;

const ITEM_STEP: Record<string, { who: FixtureUserKey; verb: string }> = {
  draft: { who: 'drafter', verb: 'submit' },
  departmentReview: { who: 'departmentHead', verb: 'approve' },
  confidentialityReview: { who: 'confidentialityReviewer', verb: 'approve' },
  leaderApproval: { who: 'leader', verb: 'approve' },
  principalApproval: { who: 'principalLeader', verb: 'approve' },
  officeCheck: { who: 'officer', verb: 'publish' },
};

interface Session {
  cookie: string;
  csrf: string;
}

export function createDay(d: DayDeps) {
  const sessions = new Map<FixtureUserKey, Session>();
  const { ledger } = d;
  let n = 0;

  async function login(who: FixtureUserKey): Promise<Session> {
    for (;;) {
      const page = await call(`${d.base}/console/login`);
      const token = page && csrfIn(page.body);
      if (!page || !token) {
        await d.appUp();
        continue;
      }
      attempt(ledger, 'login');
      const res = await call(`${d.base}/console/login`, {
        method: 'POST',
        headers: { cookie: `gk_csrf=${cookiesOf(page.headers).gk_csrf}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: token, username: d.fx.users[who].username, password: d.fx.password }).toString(),
      });
      if (!res) {
        await d.appUp();
        continue;
      }
      if (res.status !== 303) throw new Error(`login as ${who}: ${res.status} ${res.body.slice(0, 300)}`);
      acknowledge(ledger, 'login');
      ledger.logins++;
      const cookie = `gk_session=${cookiesOf(res.headers).gk_session}`;
      let next = await call(`${d.base}${res.headers.get('location')}`, { headers: { cookie } });
      if (next?.status === 303) next = await call(`${d.base}${next.headers.get('location')}`, { headers: { cookie } });
      const csrf = next && csrfIn(next.body);
      if (!csrf) {
        await d.appUp();
        continue;
      }
      const session = { cookie, csrf };
      sessions.set(who, session);
      return session;
    }
  }

  const session = async (who: FixtureUserKey) => sessions.get(who) ?? login(who);

  /** A staff JSON call; undefined when the app gave no answer (it was killed): then waits for it. */
  async function staff(who: FixtureUserKey, method: string, url: string, body?: unknown): Promise<Answer | undefined> {
    const s = await session(who);
    const res = await call(`${d.base}${url}`, {
      method, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res) await d.appUp();
    // A session the app no longer knows: sign in again for the next action.
    if (res && (res.status === 401 || res.status === 403)) sessions.delete(who);
    if (res && res.status >= 500) throw new Error(`${method} ${url}: ${res.status} ${res.body.slice(0, 500)}`);
    return res;
  }

  /** A console form POST (urlencoded, CSRF token in the form); undefined when no answer came. */
  async function form(who: FixtureUserKey, url: string, fields: Record<string, string>): Promise<Answer | undefined> {
    const s = await session(who);
    const res = await call(`${d.base}${url}`, {
      method: 'POST', headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: s.csrf, ...fields }).toString(),
    });
    if (!res) await d.appUp();
    if (res && (res.status === 401 || res.status === 403)) sessions.delete(who);
    if (res && res.status >= 500) throw new Error(`POST ${url}: ${res.status} ${res.body.slice(0, 500)}`);
    return res;
  }

  const requests = createRequestWork(d, { staff, form });

  async function applyOnline(): Promise<void> {
    const key = `faults-${d.seed}-${++n}`;
    const body = JSON.stringify({ ...application(), agencyCode: d.fx.agency.code });
    // A client that got no answer sends the same application again with the same idempotency key.
    for (let i = 0; i < 5; i++) {
      attempt(ledger, 'applyOnline');
      const res = await call(`${d.base}/api/v1/requests`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body });
      if (!res) {
        await d.appUp();
        continue;
      }
      if (res.status !== 201) throw new Error(`apply: ${res.status} ${res.body.slice(0, 300)}`);
      acknowledge(ledger, 'applyOnline');
      ledger.online.push({ key, trackingCode: (JSON.parse(res.body) as { trackingCode: string }).trackingCode });
      return;
    }
  }

  async function itemStep(): Promise<void> {
    const open = [...ledger.items].filter(([, it]) => it.ackedStatus !== 'published');
    if (open.length === 0 || d.rand() < 0.3) {
      attempt(ledger, 'item.create');
      const res = await staff('drafter', 'POST', '/api/v1/staff/items', draftInput(d.columnId, { title: `关于第${++n}批征地补偿安置工作的通知`, docNumber: `赣市自然资规〔2026〕${n}号` }));
      if (res?.status !== 201) return refused(ledger, 'item.create', res);
      acknowledge(ledger, 'item.create');
      ledger.items.set((JSON.parse(res.body) as { id: string }).id, { ackedStatus: 'draft', ackedVerbs: [] });
      return;
    }
    const [id, item] = open[Math.floor(d.rand() * open.length)];
    const detail = await staff('officer', 'GET', `/api/v1/staff/items/${id}`);
    if (detail?.status !== 200) return;
    const step = ITEM_STEP[(JSON.parse(detail.body) as { status: string }).status];
    if (!step) return;
    const kind = `item.${step.verb}`;
    attempt(ledger, kind);
    const res = await staff(step.who, 'POST', `/api/v1/staff/items/${id}/actions/${step.verb}`, { opinion: '同意', basis: '' });
    if (res?.status !== 200) return refused(ledger, kind, res);
    acknowledge(ledger, kind);
    item.ackedVerbs.push(step.verb);
    item.ackedStatus = (JSON.parse(res.body) as { status: string }).status;
  }

  /** One action of the day, chosen by the seeded random source. */
  async function step(): Promise<void> {
    const x = d.rand();
    if (x < 0.15) return applyOnline();
    if (x < 0.27) return requests.register();
    if (x < 0.75) return requests.advanceRequest();
    if (x < 0.95) return itemStep();
    if (x < 0.98) return requests.generateFiling();
    // Someone signs in again (a new session while the others stay valid).
    sessions.delete('officer');
    await login('officer');
  }

  return { step, login };
}
