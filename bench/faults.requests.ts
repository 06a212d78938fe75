// The requests side of the fault test's day (bench/faults.day.ts): applications registered at the
// counter, each taken through the office's and the department's work over the staff JSON API and
// the console forms, with the side paths of the 条例: the one correction notice and the applicant's
// correction (第三十条), third-party and co-agency consultations and their answers (第三十二、三十四条),
// the one extension (第三十三条), the fee notice and payment (国办函〔2020〕109号), refusals, and the
// quarterly withholding filing regenerated now and then. Every step is done at most once per request,
// so that afterwards each event kind must exist exactly once when acknowledged and never twice.
import type { FixtureUserKey } from '../test/factories.ts';
import { application } from '../test/requests/request-helpers.ts';
import type { Answer } from './faults.procs.ts';
import { acknowledge, attempt, refused, type DayDeps, type TrackedRequest } from './faults.ledger.ts';

const DAY_MS = 86_400_000;
/** A legal date (Beijing) `days` calendar days ago. */
export const daysAgo = (days: number) => new Date(Date.now() + 8 * 3_600_000 - days * DAY_MS).toISOString().slice(0, 10);

/** The extension (第三十三条) is possible while the reply clock runs or is paused, before the due date. */
const EXTENDABLE = new Set(['accepted', 'assigned', 'drafting', 'consulting', 'officeReview']);

interface Detail {
  status: string;
  replyDueOn: string | null;
  correctionCount: number;
  extensionDays: number;
  pauses: { kind: string; endedOn: string | null }[];
}

export interface StaffCalls {
  staff: (who: FixtureUserKey, method: string, url: string, body?: unknown) => Promise<Answer | undefined>;
  /** A console form POST as `who` (CSRF token in the form); undefined when no answer came. */
  form: (who: FixtureUserKey, url: string, fields: Record<string, string>) => Promise<Answer | undefined>;
}

interface Step {
  /** The ledger's name of the action (the verb, or 'extension'). */
  kind: string;
  who: FixtureUserKey;
  url: string;
  body: unknown;
}

export function createRequestWork(d: DayDeps, calls: StaffCalls) {
  const { ledger } = d;
  const { staff, form } = calls;
  const chance = (p: number) => d.rand() < p;

  async function register(): Promise<void> {
    // Mostly 18–40 calendar days ago (the reply deadline near or past: reminders are due); some
    // recent ones, whose reply deadline is still ahead and may be extended.
    const receivedOn = chance(0.3) ? daysAgo(Math.floor(d.rand() * 8)) : daysAgo(18 + Math.floor(d.rand() * 23));
    attempt(ledger, 'register');
    const res = await staff('officer', 'POST', '/api/v1/staff/requests', { ...application(), channel: 'counter', receivedOn });
    if (res?.status !== 201) return refused(ledger, 'register', res);
    acknowledge(ledger, 'register');
    const r = JSON.parse(res.body) as { requestId: string; trackingCode: string };
    ledger.requests.set(r.requestId, { trackingCode: r.trackingCode, ackedStatus: 'received', ackedVerbs: [], replySaved: false, refusal: false, extensionDays: 0 });
  }

  const verb = (id: string, kind: string, who: FixtureUserKey, body: unknown): Step => ({ kind, who, url: `/api/v1/staff/requests/${id}/actions/${kind}`, body });

  /** The next step for a request in its current state (the database is the truth, not the ledger). */
  function nextStep(id: string, r: Detail): Step | undefined {
    const started = (kinds: string[]) => r.pauses.some((p) => kinds.includes(p.kind));
    if (EXTENDABLE.has(r.status) && r.extensionDays === 0 && r.replyDueOn && r.replyDueOn >= daysAgo(0) && chance(0.2))
      return { kind: 'extension', who: 'officer', url: `/api/v1/staff/requests/${id}/extension`, body: { days: 5 + Math.floor(d.rand() * 16), reason: '需要调取档案并征求有关部门意见' } };
    switch (r.status) {
      case 'received':
        return r.correctionCount === 0 && chance(0.25)
          ? verb(id, 'requestCorrection', 'officer', { note: '请补正所需政府信息的名称、文号或者便于查询的其他特征性描述', correctionPeriodDays: 15 })
          : verb(id, 'accept', 'officer', { note: '' });
      // The applicant's correction has arrived (registered by the office): a new receipt today.
      case 'awaitingApplicant':
        return verb(id, 'receiveCorrection', 'officer', { note: '申请人已按补正告知书补正', receivedOn: daysAgo(0) });
      case 'accepted':
        return verb(id, 'assign', 'officer', { note: '', departmentIds: [d.fx.departments.planning.id] });
      case 'assigned':
        return verb(id, 'startDrafting', 'drafter', { note: '' });
      case 'drafting':
        if (!started(['thirdParty', 'coAgency']) && chance(0.3)) {
          const third = chance(0.7);
          return verb(id, 'startConsultation', 'drafter', {
            note: third ? '申请公开的信息涉及第三方的商业秘密' : '信息由本机关与县人民政府共同制作',
            consultation: third ? { kind: 'thirdParty', partyName: '赣州某置业有限公司' } : { kind: 'coAgency', partyName: '章贡区人民政府' },
          });
        }
        if (!started(['fee']) && chance(0.25))
          return verb(id, 'requestFee', 'officer', { note: '', fee: { basis: 'perPage', pages: 40 + Math.floor(d.rand() * 150) } });
        return verb(id, 'submitReply', 'drafter', { note: '拟予以答复' });
      case 'consulting':
        return verb(id, 'endConsultation', 'drafter', { note: '已收到书面意见：不同意公开涉及其商业秘密的部分' });
      case 'awaitingPayment':
        return verb(id, 'recordPayment', 'officer', { note: '', payment: { reference: `GK${d.seed}${Math.floor(d.rand() * 1e8)}` } });
      case 'officeReview':
        return verb(id, 'approve', 'officer', { note: '' });
      case 'approved':
        return verb(id, 'deliver', 'officer', { note: '电子邮件送达' });
      case 'delivered':
        return verb(id, 'close', 'officer', { note: '' });
      default:
        return undefined;
    }
  }

  async function advanceRequest(): Promise<void> {
    const open = [...ledger.requests].filter(([, r]) => r.ackedStatus !== 'closed');
    if (open.length === 0) return register();
    const [id, tracked] = open[Math.floor(d.rand() * open.length)];
    const detail = await staff('officer', 'GET', `/api/v1/staff/requests/${id}`);
    if (detail?.status !== 200) return;
    const step = nextStep(id, JSON.parse(detail.body) as Detail);
    if (!step) return;
    if (step.kind === 'submitReply' && !tracked.replySaved && !(await saveReply(id, tracked))) return;
    attempt(ledger, step.kind);
    const res = await staff(step.who, 'POST', step.url, step.body);
    if (res?.status !== 200) return refused(ledger, step.kind, res);
    acknowledge(ledger, step.kind);
    tracked.ackedVerbs.push(step.kind);
    const after = JSON.parse(res.body) as { status: string; extensionDays: number };
    tracked.ackedStatus = after.status;
    if (step.kind === 'extension') tracked.extensionDays = after.extensionDays;
  }

  /** The reply draft through the console form (the department's drafter); a third of them refuse. */
  async function saveReply(id: string, tracked: TrackedRequest): Promise<boolean> {
    const refusal = d.rand() < 0.35;
    const item: Record<string, string> = refusal
      ? { 'items.0.description': '拆迁安置协议（含被征收人个人信息）', 'items.0.replyType': 'notDisclosed', 'items.0.decision': 'refused:thirdPartyRights', 'items.0.explanation': '公开会损害第三方合法权益，第三方不同意公开（第十五条）' }
      : { 'items.0.description': '征收补偿安置方案', 'items.0.replyType': 'disclosed' };
    attempt(ledger, 'replyDraft');
    const res = await form('drafter', `/console/requests/${id}/reply`, { opinion: '', rows: '1', ...item });
    if (res?.status !== 303) {
      // No answer (killed) or a session to renew: try again later. Anything else is a script error.
      if (res && res.status !== 401 && res.status !== 403) throw new Error(`reply draft: ${res.status} ${res.body.slice(0, 500)}`);
      refused(ledger, 'replyDraft', res);
      return false;
    }
    acknowledge(ledger, 'replyDraft');
    tracked.replySaved = true;
    tracked.refusal = refusal;
    return true;
  }

  /** 不予公开备案: the office (re)generates this quarter's filing from the refusals so far. */
  async function generateFiling(): Promise<void> {
    const on = daysAgo(0);
    const year = Number(on.slice(0, 4));
    const quarter = Math.floor((Number(on.slice(5, 7)) - 1) / 3) + 1;
    attempt(ledger, 'filing');
    const res = await form('officer', '/console/filings', { year: String(year), quarter: String(quarter) });
    if (res?.status !== 303) return refused(ledger, 'filing', res);
    acknowledge(ledger, 'filing');
    const key = `${year}-${quarter}`;
    ledger.filings.set(key, (ledger.filings.get(key) ?? 0) + 1);
  }

  return { register, advanceRequest, generateFiling };
}
