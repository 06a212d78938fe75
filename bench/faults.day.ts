// The scripted day of work the fault test drives over HTTP while it kills processes: online
// applications, applications registered at the counter (received weeks ago, so that deadline
// reminders are due), each request taken through accept → assign → draft → submit → approve →
// deliver → close, and catalog items through review to publication. Every answered 2xx/303 is
// written in the ledger as acknowledged; an action without an answer is only "attempted".
import type { Fixture, FixtureUserKey } from '../test/factories.ts';
import { draftInput } from '../test/factories.ts';
import { application } from '../test/requests/request-helpers.ts';
import { call, cookiesOf, csrfIn, type Answer } from './faults.procs.ts';

export const REQUEST_PATH = ['received', 'accepted', 'assigned', 'drafting', 'officeReview', 'approved', 'delivered', 'closed'] as const;
export const ITEM_PATH = ['draft', 'departmentReview', 'confidentialityReview', 'leaderApproval', 'principalApproval', 'officeCheck', 'published'] as const;

const ITEM_STEP: Record<string, { who: FixtureUserKey; verb: string }> = {
  draft: { who: 'drafter', verb: 'submit' },
  departmentReview: { who: 'departmentHead', verb: 'approve' },
  confidentialityReview: { who: 'confidentialityReviewer', verb: 'approve' },
  leaderApproval: { who: 'leader', verb: 'approve' },
  principalApproval: { who: 'principalLeader', verb: 'approve' },
  officeCheck: { who: 'officer', verb: 'publish' },
};

export interface TrackedRequest {
  trackingCode: string;
  ackedStatus: string;
  ackedVerbs: string[];
  replySaved: boolean;
}

export interface Ledger {
  attempted: number;
  acknowledged: number;
  logins: number;
  online: { key: string; trackingCode: string }[];
  requests: Map<string, TrackedRequest>;
  items: Map<string, { ackedStatus: string; ackedVerbs: string[] }>;
}

export function newLedger(): Ledger {
  return { attempted: 0, acknowledged: 0, logins: 0, online: [], requests: new Map(), items: new Map() };
}

interface Session {
  cookie: string;
  csrf: string;
}

export interface DayDeps {
  base: string;
  fx: Fixture;
  columnId: string;
  rand: () => number;
  seed: number;
  /** Waits until the app answers again (the killer restarts it). */
  appUp: () => Promise<void>;
  ledger: Ledger;
}

const DAY_MS = 86_400_000;
/** A legal date (Beijing) `days` calendar days ago. */
const daysAgo = (days: number) => new Date(Date.now() + 8 * 3_600_000 - days * DAY_MS).toISOString().slice(0, 10);

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
      ledger.attempted++;
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
      ledger.acknowledged++;
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

  async function applyOnline(): Promise<void> {
    const key = `faults-${d.seed}-${++n}`;
    const body = JSON.stringify({ ...application(), agencyCode: d.fx.agency.code });
    // A client that got no answer sends the same application again with the same idempotency key.
    for (let attempt = 0; attempt < 5; attempt++) {
      ledger.attempted++;
      const res = await call(`${d.base}/api/v1/requests`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body });
      if (!res) {
        await d.appUp();
        continue;
      }
      if (res.status !== 201) throw new Error(`apply: ${res.status} ${res.body.slice(0, 300)}`);
      ledger.acknowledged++;
      ledger.online.push({ key, trackingCode: (JSON.parse(res.body) as { trackingCode: string }).trackingCode });
      return;
    }
  }

  async function register(): Promise<void> {
    // 18–40 calendar days ago: the reply deadline (20 working days) is near or past, reminders are due.
    const receivedOn = daysAgo(18 + Math.floor(d.rand() * 23));
    ledger.attempted++;
    const res = await staff('officer', 'POST', '/api/v1/staff/requests', { ...application(), channel: 'counter', receivedOn });
    if (res?.status !== 201) return;
    ledger.acknowledged++;
    const r = JSON.parse(res.body) as { requestId: string; trackingCode: string };
    ledger.requests.set(r.requestId, { trackingCode: r.trackingCode, ackedStatus: 'received', ackedVerbs: [], replySaved: false });
  }

  async function advanceRequest(): Promise<void> {
    const open = [...ledger.requests].filter(([, r]) => r.ackedStatus !== 'closed');
    if (open.length === 0) return register();
    const [id, tracked] = open[Math.floor(d.rand() * open.length)];
    // The database is the truth: an action that got no answer may have been done all the same.
    const detail = await staff('officer', 'GET', `/api/v1/staff/requests/${id}`);
    if (detail?.status !== 200) return;
    const status = (JSON.parse(detail.body) as { status: string }).status;
    const step = ({
      received: { who: 'officer', verb: 'accept', body: { note: '' } },
      accepted: { who: 'officer', verb: 'assign', body: { note: '', departmentIds: [d.fx.departments.planning.id] } },
      assigned: { who: 'drafter', verb: 'startDrafting', body: { note: '' } },
      drafting: { who: 'drafter', verb: 'submitReply', body: { note: '拟予以公开' } },
      officeReview: { who: 'officer', verb: 'approve', body: { note: '' } },
      approved: { who: 'officer', verb: 'deliver', body: { note: '电子邮件送达' } },
      delivered: { who: 'officer', verb: 'close', body: { note: '' } },
    } as Record<string, { who: FixtureUserKey; verb: string; body: unknown }>)[status];
    if (!step) return;
    if (step.verb === 'submitReply' && !tracked.replySaved && !(await saveReply(id, tracked))) return;
    ledger.attempted++;
    const res = await staff(step.who, 'POST', `/api/v1/staff/requests/${id}/actions/${step.verb}`, step.body);
    if (res?.status !== 200) return;
    ledger.acknowledged++;
    tracked.ackedVerbs.push(step.verb);
    tracked.ackedStatus = (JSON.parse(res.body) as { status: string }).status;
  }

  /** The reply draft through the console form (the department's drafter). */
  async function saveReply(id: string, tracked: TrackedRequest): Promise<boolean> {
    const s = await session('drafter');
    ledger.attempted++;
    const res = await call(`${d.base}/console/requests/${id}/reply`, {
      method: 'POST', headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: s.csrf, opinion: '', rows: '1', 'items.0.description': '征收补偿安置方案', 'items.0.replyType': 'disclosed' }).toString(),
    });
    if (!res) {
      await d.appUp();
      return false;
    }
    if (res.status !== 303) throw new Error(`reply draft: ${res.status} ${res.body.slice(0, 500)}`);
    ledger.acknowledged++;
    tracked.replySaved = true;
    return true;
  }

  async function itemStep(): Promise<void> {
    const open = [...ledger.items].filter(([, it]) => it.ackedStatus !== 'published');
    if (open.length === 0 || d.rand() < 0.3) {
      ledger.attempted++;
      const res = await staff('drafter', 'POST', '/api/v1/staff/items', draftInput(d.columnId, { title: `关于第${++n}批征地补偿安置工作的通知`, docNumber: `赣市自然资规〔2026〕${n}号` }));
      if (res?.status !== 201) return;
      ledger.acknowledged++;
      ledger.items.set((JSON.parse(res.body) as { id: string }).id, { ackedStatus: 'draft', ackedVerbs: [] });
      return;
    }
    const [id, item] = open[Math.floor(d.rand() * open.length)];
    const detail = await staff('officer', 'GET', `/api/v1/staff/items/${id}`);
    if (detail?.status !== 200) return;
    const step = ITEM_STEP[(JSON.parse(detail.body) as { status: string }).status];
    if (!step) return;
    ledger.attempted++;
    const res = await staff(step.who, 'POST', `/api/v1/staff/items/${id}/actions/${step.verb}`, { opinion: '同意', basis: '' });
    if (res?.status !== 200) return;
    ledger.acknowledged++;
    item.ackedVerbs.push(step.verb);
    item.ackedStatus = (JSON.parse(res.body) as { status: string }).status;
  }

  /** One action of the day, chosen by the seeded random source. */
  async function step(): Promise<void> {
    const x = d.rand();
    if (x < 0.2) return applyOnline();
    if (x < 0.35) return register();
    if (x < 0.75) return advanceRequest();
    if (x < 0.97) return itemStep();
    // Someone signs in again (a new session while the others stay valid).
    sessions.delete('officer');
    await login('officer');
  }

  return { step, login };
}
