// The fault test's checks of the requests side after the day: every acknowledged step of every
// registered request is in its timeline exactly once and in order, no step happened twice, the row
// agrees with its timeline, each step's record exists once (notice, fee, pause, extension,
// correction, reply), notice numbers are unique and contiguous per agency and year (the notices
// module numbers them from a counter in the issuing transaction), and the quarter's withholding
// filing exists once and holds every refusal approved before its last generation.
import { REQUEST_VERBS } from '../src/modules/requests/request.workflow.ts';
import type { Services } from '../src/services.ts';
import type { Ledger, TrackedRequest } from './faults.ledger.ts';
import type { Findings } from './faults.verify.ts';

type Db = Services['database']['db'];
interface Event {
  id: string;
  at: string;
  kind: string;
  data: Record<string, unknown>;
}

const STEP_KINDS = new Set<string>([...REQUEST_VERBS, 'extension']);

/** The notice a step issues in its transaction (request-notices.ts, fee-effects.ts), by the step's event. */
function noticeKindOf(e: Event): ((kind: string) => boolean) | undefined {
  switch (e.kind) {
    case 'accept': return (k) => k === 'receipt';
    case 'requestCorrection': return (k) => k === 'correction';
    case 'extension': return (k) => k === 'extension';
    case 'startConsultation': return e.data.kind === 'thirdParty' ? (k) => k === 'thirdPartyConsultation' : undefined;
    case 'requestFee': return (k) => k === 'feeNotice';
    case 'recordPayment': return (k) => k === 'feeReceipt';
    case 'approve': return (k) => k.startsWith('reply.');
    default: return undefined;
  }
}
const noticeIdOf = (e: Event) => (e.kind === 'recordPayment' ? e.data.receiptNoticeId : e.data.noticeId) as string | undefined;

async function checkRequest(db: Db, id: string, r: TrackedRequest, out: Findings): Promise<void> {
  const problem = (text: string) => out.problems.push(`request ${r.trackingCode}: ${text}`);
  const row = await db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || row.trackingCode !== r.trackingCode) {
    problem('missing');
    return;
  }
  out.verified++;
  const events: Event[] = (await db.selectFrom('requestEvents').select(['id', 'at', 'kind', 'data']).where('requestId', '=', id).orderBy('at').orderBy('id').execute())
    .filter((e) => STEP_KINDS.has(e.kind)).map((e) => ({ ...e, data: JSON.parse(e.data || '{}') as Record<string, unknown> }));
  const kinds = events.map((e) => e.kind);
  // The day does each step at most once per request; the app refuses a second correction, fee or extension.
  for (const k of new Set(kinds)) if (kinds.filter((x) => x === k).length > 1) problem(`'${k}' recorded ${kinds.filter((x) => x === k).length} times`);
  let at = 0;
  for (const verb of r.ackedVerbs) {
    const found = kinds.indexOf(verb, at);
    if (found < 0) problem(`acknowledged '${verb}' missing from the timeline (${kinds.join(' → ')})`);
    else {
      out.verified++;
      at = found + 1;
    }
  }
  const last = [...events].reverse().find((e) => e.kind !== 'extension');
  const expected = (last?.data.to as string | undefined) ?? 'received';
  if (row.status !== expected) problem(`status ${row.status}, but the timeline ends in ${expected}`);

  // Notices: each notice-issuing step references one notice of its kind; no notice without its step.
  const notices = await db.selectFrom('notices').select(['id', 'kind']).where('requestId', '=', id).execute();
  const referenced = new Set<string>();
  for (const e of events) {
    const fits = noticeKindOf(e);
    if (!fits) continue;
    const noticeId = noticeIdOf(e);
    const n = notices.find((x) => x.id === noticeId);
    if (!n || !fits(n.kind)) problem(`'${e.kind}' without its notice`);
    else {
      referenced.add(n.id);
      out.verified++;
    }
  }
  for (const n of notices) if (!referenced.has(n.id)) problem(`notice ${n.kind} ${n.id} issued without its step`);

  const has = (k: string) => events.find((e) => e.kind === k);
  const pauses = await db.selectFrom('requestPauses').selectAll().where('requestId', '=', id).execute();
  const consultations = pauses.filter((p) => p.kind !== 'fee');
  if (consultations.length !== kinds.filter((k) => k === 'startConsultation').length) problem(`${consultations.length} consultation pauses for ${kinds.filter((k) => k === 'startConsultation').length} started`);
  if (consultations.filter((p) => p.endedOn).length !== kinds.filter((k) => k === 'endConsultation').length) problem('ended consultation pauses do not match their answers');

  const fee = await db.selectFrom('requestFees').selectAll().where('requestId', '=', id).executeTakeFirst();
  const feePauses = pauses.filter((p) => p.kind === 'fee');
  const feeNotice = has('requestFee');
  if (feeNotice && (fee?.noticeId !== feeNotice.data.noticeId || feePauses.length !== 1)) problem(`fee notice recorded ${fee ? 'with another notice' : 'without its fee row'}, ${feePauses.length} fee pauses`);
  if (!feeNotice && (fee?.noticeId || feePauses.length > 0)) problem('a fee notice or fee pause without its step');
  const payment = has('recordPayment');
  if (payment && (!fee?.paidOn || fee.receiptNoticeId !== payment.data.receiptNoticeId || feePauses.some((p) => !p.endedOn))) problem('payment recorded but the fee is not paid or its pause still runs');
  if (!payment && fee?.paidOn) problem('fee paid without its step');

  const extension = has('extension');
  if (extension ? Number(row.extensionDays) !== Number(extension.data.days) : Number(row.extensionDays) !== 0) problem(`extension of ${row.extensionDays} days does not match its timeline`);
  if (r.extensionDays && Number(row.extensionDays) !== r.extensionDays) problem(`acknowledged extension of ${r.extensionDays} days, stored ${row.extensionDays}`);
  if (!!has('requestCorrection') !== (Number(row.correctionCount) === 1)) problem(`correction count ${row.correctionCount} does not match its timeline`);
  const corrected = has('receiveCorrection');
  if (corrected && row.receivedOn !== corrected.data.receivedOn) problem(`corrected on ${String(corrected.data.receivedOn)} but received on ${row.receivedOn}`);
  if (r.replySaved) {
    const reply = await db.selectFrom('requestReplies').select('requestId').where('requestId', '=', id).executeTakeFirst();
    if (reply) out.verified++;
    else problem('acknowledged reply draft missing');
  }
}

/** Per agency and year: serials 1..N without gaps or repeats, numbers unique, the counter at N. */
async function checkNoticeNumbers(db: Db, out: Findings): Promise<number> {
  const notices = await db.selectFrom('notices').select(['agencyId', 'year', 'serial', 'number']).execute();
  const numbers = new Set(notices.map((n) => n.number));
  if (numbers.size !== notices.length) out.problems.push(`${notices.length - numbers.size} duplicate notice numbers`);
  const groups = new Map<string, number[]>();
  for (const n of notices) groups.set(`${n.agencyId}/${n.year}`, [...(groups.get(`${n.agencyId}/${n.year}`) ?? []), Number(n.serial)]);
  for (const [key, serials] of groups) {
    serials.sort((a, b) => a - b);
    if (serials.some((s, i) => s !== i + 1)) out.problems.push(`notice serials of ${key} not contiguous from 1: ${serials.join(',')}`);
    const [agencyId, year] = key.split('/');
    const counter = await db.selectFrom('noticeCounters').select('lastNumber').where('agencyId', '=', agencyId).where('year', '=', Number(year)).executeTakeFirst();
    if (Number(counter?.lastNumber) !== serials.length) out.problems.push(`notice counter of ${key} at ${counter?.lastNumber}, ${serials.length} notices`);
  }
  return notices.length;
}

/** Each acknowledged quarter: one filing, generated at least as often as acknowledged, holding every refusal approved before. */
async function checkFilings(db: Db, agencyId: string, ledger: Ledger, out: Findings): Promise<number> {
  let rows = 0;
  for (const [key, acked] of ledger.filings) {
    const [year, quarter] = key.split('-').map(Number);
    const filings = await db.selectFrom('withholdingFilings').selectAll().where('agencyId', '=', agencyId).where('year', '=', year).where('quarter', '=', quarter).execute();
    if (filings.length !== 1) {
      out.problems.push(`filing ${key}: ${filings.length} filings`);
      continue;
    }
    const f = filings[0];
    const generations = await db.selectFrom('auditEvents').select('id').where('action', '=', 'filing.generate').where('subjectId', '=', f.id).execute();
    if (generations.length < acked) out.problems.push(`filing ${key}: ${generations.length} generations audited for ${acked} acknowledged`);
    const inFiling = await db.selectFrom('withholdingFilingRows').select(['requestId', 'replyItemId']).where('filingId', '=', f.id).execute();
    rows = inFiling.length;
    // The driver is sequential: a refusal approved before the last generation committed is in it.
    const refusals = await db.selectFrom('replyItems').innerJoin('requestReplies', 'requestReplies.requestId', 'replyItems.requestId')
      .select(['replyItems.id', 'replyItems.requestId', 'requestReplies.approvedAt'])
      .where('replyItems.outcome', '=', 'refused').where('requestReplies.approvedAt', 'is not', null).execute();
    for (const x of refusals) {
      const listed = inFiling.some((row) => row.replyItemId === x.id);
      if (x.approvedAt! < f.generatedAt && !listed) out.problems.push(`filing ${key}: refusal of request ${x.requestId} approved at ${x.approvedAt} missing (generated ${f.generatedAt})`);
    }
    for (const row of inFiling) if (!refusals.some((x) => x.id === row.replyItemId)) out.problems.push(`filing ${key}: a row for request ${row.requestId} that is no approved refusal`);
    out.verified++;
  }
  return rows;
}

export async function verifyRequests(services: Services, agencyId: string, ledger: Ledger): Promise<Findings & { notices: number; filingRows: number }> {
  const { db } = services.database;
  const out: Findings = { verified: 0, problems: [] };
  for (const [id, r] of ledger.requests) await checkRequest(db, id, r, out);
  const notices = await checkNoticeNumbers(db, out);
  const filingRows = await checkFilings(db, agencyId, ledger, out);
  return { ...out, notices, filingRows };
}
