// What a working-day calendar change does to open requests, in the calendar edit's transaction
// (calendar.service setYear). Each stored date is recomputed by the one function that computes it,
// and follows the rule of core/time/told-dates.ts:
// - replyDueOn (第三十三条) and correctionNoticeDueOn (第三十条): the office's own duties, recomputed
//   both ways (storedDeadlines);
// - correctionPeriodDueOn (第三十条, told in the correction notice), request_fees.paymentDueOn
//   (国办函〔2020〕109号 第七条, told in the fee notice) and a consultation's windowDueOn (第三十二条,
//   told in the letter to the third party): later when a holiday falls inside, never earlier;
// - a fee pause's windowDueOn is the fee's paymentDueOn (the pause lasts as long as the window).
// Closed and delivered requests keep every date (their periods are over). Issued notices are records
// of what was sent and are not rewritten: a changed date is told on /track by a timeline event
// naming the old and the new date, and audited under the administrator who edited the calendar.
// A date running into a year not yet entered stays as stored (the edit of one year must not fail).
import { appendAuditEvent, type Actor } from '../../core/audit/audit.ts';
import type { DbOrTrx } from '../../core/db/database.ts';
import type { RequestPauseTable, RequestTable } from '../../core/db/schema.ts';
import { CalendarYearMissingError, type WorkingDayCalendar } from '../../core/time/calendar.ts';
import { today } from '../../core/time/clock.ts';
import { toldDateAfterCalendarChange } from '../../core/time/told-dates.ts';
import { paymentDeadline } from './fees.ts';
import { feesRepository } from './fees.repository.ts';
import { forEachOpenBatch } from './reminders.ts';
import { consultationDeadline } from './request.deadlines.ts';
import { repoOf, storedDeadlines, writeEvent, type RequestsDeps } from './requests.deps.ts';

export const CALENDAR_CHANGED_EVENT = 'calendarChanged';

type MovedDate = 'replyDueOn' | 'correctionNoticeDueOn' | 'correctionPeriodDueOn' | 'paymentDueOn' | 'consultationWindowDueOn';

const MOVED_LABELS: Record<MovedDate, string> = {
  replyDueOn: '答复期限', correctionNoticeDueOn: '补正通知期限', correctionPeriodDueOn: '补正期限',
  paymentDueOn: '缴费期限', consultationWindowDueOn: '征求意见答复期限',
};
/** The dates the applicant was shown (notices, /track): their moves are told on /track. */
const TOLD_TO_APPLICANT: ReadonlySet<MovedDate> = new Set(['replyDueOn', 'correctionPeriodDueOn', 'paymentDueOn']);

interface Move {
  date: MovedDate;
  from: string | null;
  to: string | null;
}

/** 109号 第七条: the payment window after a calendar change (20 working days from the notice, never earlier than told). */
export function paymentDueAfterCalendarChange(calendar: WorkingDayCalendar, fee: { noticeOn: string; paymentDueOn: string | null }): string {
  return toldDateAfterCalendarChange(fee.paymentDueOn, paymentDeadline(calendar, fee.noticeOn).dueOn);
}

/** 第三十二条: the consultation answer window after a calendar change (15 working days from the letter, never earlier than told). */
export function consultationWindowAfterCalendarChange(calendar: WorkingDayCalendar, pause: Pick<RequestPauseTable, 'startedOn' | 'windowDueOn'>): string {
  return toldDateAfterCalendarChange(pause.windowDueOn, consultationDeadline(calendar, pause.startedOn).dueOn);
}

interface Recomputed {
  moves: Move[];
  feeDueOn: string | null;
  pauseWindows: { id: string; windowDueOn: string }[];
  deadlines: ReturnType<typeof storedDeadlines> | null;
}

/** What one open request's stored dates become; computed whole before anything is written. */
async function recomputeRequest(trx: DbOrTrx, calendar: WorkingDayCalendar, row: RequestTable, pauses: RequestPauseTable[], todayOn: string): Promise<Recomputed> {
  const out: Recomputed = { moves: [], feeDueOn: null, pauseWindows: [], deadlines: null };
  const openPauses = pauses.filter((p) => p.endedOn === null);
  let feeDueOn: string | null = null;
  if (row.status === 'awaitingPayment' || openPauses.some((p) => p.kind === 'fee')) {
    const fee = await feesRepository(trx).feeOf(row.id);
    if (fee?.noticeOn && fee.paymentDueOn && fee.paidOn === null) {
      feeDueOn = paymentDueAfterCalendarChange(calendar, { noticeOn: fee.noticeOn, paymentDueOn: fee.paymentDueOn });
      if (feeDueOn !== fee.paymentDueOn) {
        out.feeDueOn = feeDueOn;
        out.moves.push({ date: 'paymentDueOn', from: fee.paymentDueOn, to: feeDueOn });
      }
    }
  }
  for (const p of openPauses) {
    const windowDueOn = p.kind === 'fee'
      ? feeDueOn ?? toldDateAfterCalendarChange(p.windowDueOn, paymentDeadline(calendar, p.startedOn).dueOn)
      : consultationWindowAfterCalendarChange(calendar, p);
    if (windowDueOn === p.windowDueOn) continue;
    out.pauseWindows.push({ id: p.id, windowDueOn });
    if (p.kind !== 'fee') out.moves.push({ date: 'consultationWindowDueOn', from: p.windowDueOn, to: windowDueOn });
  }
  const d = storedDeadlines(calendar, row, pauses, todayOn);
  const changed = (['replyDueOn', 'correctionNoticeDueOn', 'correctionPeriodDueOn'] as const).filter((k) => d[k] !== row[k]);
  if (changed.length) out.deadlines = d;
  for (const k of changed) out.moves.push({ date: k, from: row[k], to: d[k] });
  return out;
}

async function write(deps: RequestsDeps, trx: DbOrTrx, row: RequestTable, r: Recomputed): Promise<void> {
  const repo = repoOf(deps, trx);
  if (r.feeDueOn) await feesRepository(trx).updateFee(row.id, { paymentDueOn: r.feeDueOn, updatedAt: deps.clock.now().toISOString() });
  for (const p of r.pauseWindows) await repo.setPauseWindow(p.id, p.windowDueOn);
  if (r.deadlines) await repo.setDeadlines(row.id, r.deadlines);
}

/** A date running into a year the calendar does not cover yet stays as stored until that year is entered. */
async function unlessYearMissing<T>(compute: () => Promise<T>): Promise<T | null> {
  try {
    return await compute();
  } catch (err) {
    if (err instanceof CalendarYearMissingError) return null;
    throw err;
  }
}

const moveText = (m: Move) => `${MOVED_LABELS[m.date]}由 ${m.from ?? '无'} ${m.to && m.from && m.to > m.from ? '顺延至' : '调整为'} ${m.to ?? '无'}`;

/** Recomputes every open request's stored dates after a calendar change by `actor`; returns how many requests changed. */
export async function recomputeOpenDeadlines(deps: RequestsDeps, trx: DbOrTrx, calendar: WorkingDayCalendar, actor: Actor): Promise<number> {
  const todayOn = today(deps.clock);
  let count = 0;
  await forEachOpenBatch(deps, trx, async (rows, pauses) => {
    for (const row of rows) {
      const r = await unlessYearMissing(() => recomputeRequest(trx, calendar, row, pauses.filter((p) => p.requestId === row.id), todayOn));
      if (!r || r.moves.length === 0) continue;
      await write(deps, trx, row, r);
      const { moves } = r;
      const told = moves.filter((m) => TOLD_TO_APPLICANT.has(m.date));
      await writeEvent(trx, deps, actor, {
        requestId: row.id, kind: CALENDAR_CHANGED_EVENT, note: `工作日历调整：${moves.map(moveText).join('；')}`,
        visibleToApplicant: told.length > 0,
        publicNote: told.length ? `因法定节假日或调休安排调整，按工作日计算的期限相应调整：${told.map(moveText).join('；')}` : undefined,
        data: { moves },
      });
      await appendAuditEvent(trx, deps.clock, actor, {
        action: 'request.recomputeDeadlines', subjectType: 'request', subjectId: row.id, agencyId: row.agencyId,
        before: Object.fromEntries(moves.map((m) => [m.date, m.from])), after: Object.fromEntries(moves.map((m) => [m.date, m.to])),
      });
      count++;
    }
  });
  return count;
}
