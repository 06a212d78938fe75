// Assessment (考核) rules as plain functions: the period, the scoring rule and its defaults, and
// when a reminder counts as ignored. The service feeds them the figures the repository counts.
import { validationFailed } from '../../core/errors.ts';
import { addCalendarDays, isLegalDate } from '../../core/time/dates.ts';
import { beijingDateOf } from './dashboard.time.ts';

export type PeriodKind = 'month' | 'quarter' | 'year';

export interface Period {
  /** '2025-09', '2025-Q3' or '2025'. */
  key: string;
  kind: PeriodKind;
  label: string;
  fromOn: string;
  toOn: string;
}

const lastDayOfMonth = (y: number, m: number) => addCalendarDays(m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`, -1);

/** Parses '2025', '2025-Q3' or '2025-09' into the legal dates it spans; 422 otherwise. */
export function parsePeriod(key: string): Period {
  const fail = () => validationFailed([{ field: 'period', message: '考核期间应为年（2025）、季度（2025-Q3）或月份（2025-09）' }]);
  let m = /^(\d{4})$/.exec(key);
  if (m) return { key, kind: 'year', label: `${m[1]}年`, fromOn: `${m[1]}-01-01`, toOn: `${m[1]}-12-31` };
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    const first = (q - 1) * 3 + 1;
    return { key, kind: 'quarter', label: `${y}年第${'一二三四'[q - 1]}季度`, fromOn: `${y}-${String(first).padStart(2, '0')}-01`, toOn: lastDayOfMonth(y, first + 2) };
  }
  m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m && isLegalDate(`${key}-01`)) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    return { key, kind: 'month', label: `${y}年${mo}月`, fromOn: `${key}-01`, toOn: lastDayOfMonth(y, mo) };
  }
  throw fail();
}

export interface ScoringRule {
  baseScore: number;
  perLateItem: number;
  perLateReply: number;
  perIgnoredReminder: number;
  perTenPercentSentBack: number;
  perTenPercentReturned: number;
}

/**
 * Defaults until an agency saves its own rule. The seeds prescribe deductions of this shape but
 * give no figures we could copy, so these are our own starting values, meant to be edited: a base
 * of 100 points with fixed points off per late publication, per late reply (the heavier fault: a
 * statutory deadline under 第三十三条 missed), per ignored reminder, and per full 10 percentage
 * points of review send-backs and of reply returns (quality of first drafts).
 */
export const DEFAULT_SCORING_RULE: ScoringRule = {
  baseScore: 100,
  perLateItem: 2,
  perLateReply: 5,
  perIgnoredReminder: 1,
  perTenPercentSentBack: 1,
  perTenPercentReturned: 1,
};

export interface DepartmentFigures {
  itemsPublished: number;
  itemsLate: number;
  repliesApproved: number;
  repliesLate: number;
  remindersSent: number;
  remindersIgnored: number;
  reviewSubmissions: number;
  reviewSendBacks: number;
  replySubmissions: number;
  replyReturns: number;
}

/** A rate in [0, 1], or null when nothing was submitted. */
export const rate = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** Full tens of percentage points (0.25 → 2); a tiny epsilon keeps 0.3 from becoming 2. */
const tens = (r: number | null) => (r === null ? 0 : Math.floor(r * 10 + 1e-9));

export function score(rule: ScoringRule, f: DepartmentFigures): { score: number; deductions: number } {
  const deductions =
    rule.perLateItem * f.itemsLate +
    rule.perLateReply * f.repliesLate +
    rule.perIgnoredReminder * f.remindersIgnored +
    rule.perTenPercentSentBack * tens(rate(f.reviewSendBacks, f.reviewSubmissions)) +
    rule.perTenPercentReturned * tens(rate(f.replyReturns, f.replySubmissions));
  const rounded = Math.round(deductions * 10) / 10;
  return { score: Math.max(0, Math.round((rule.baseScore - rounded) * 10) / 10), deductions: rounded };
}

/**
 * A reminder is ignored when it was not read in the console inbox by the end of the day it
 * warned about: the due date it names (the first YYYY-MM-DD in its unique key: a request's due
 * date, or the day a column goes stale); for an "overdue" notice, the day it was sent. Reminders
 * whose day has not yet ended (on or after `todayOn`) are not judged yet.
 */
export function reminderDeadline(reminder: { kind: string; uniqueKey: string | null; createdAt: string }): string {
  const sentOn = beijingDateOf(reminder.createdAt);
  if (reminder.kind.endsWith('.overdue')) return sentOn;
  return /\d{4}-\d{2}-\d{2}/.exec(reminder.uniqueKey ?? '')?.[0] ?? sentOn;
}

export function isReminderIgnored(reminder: { kind: string; uniqueKey: string | null; createdAt: string; readAt: string | null }, todayOn: string): boolean | null {
  const deadline = reminderDeadline(reminder);
  if (deadline >= todayOn) return null;
  return reminder.readAt === null || beijingDateOf(reminder.readAt) > deadline;
}
