// The information processing fee (信息处理费) of 《政府信息公开信息处理费管理办法》
// (国办函〔2020〕109号, under 条例 第四十二条): charged only when an applicant's requests are clearly
// excessive in number or volume, either per request or per page for one application, never both,
// progressively. Amounts are in fen (DESIGN: money in fen, integers only).
import type { WorkingDayCalendar } from '../../core/time/calendar.ts';
import { computeDeadline, type Deadline } from '../../core/time/deadline.ts';

export const FEE_BASES = ['perRequest', 'perPage'] as const;
export type FeeBasis = (typeof FEE_BASES)[number];
export const FEE_BASIS_LABELS: Record<FeeBasis, string> = { perRequest: '按件计收', perPage: '按量计收' };

/** 109号 第七条: the applicant pays within 20 working days from the day after the fee notice. */
export const FEE_PAYMENT_WINDOW_WORKING_DAYS = 20;

/** 109号: 1–10 requests a calendar month are free. */
export const FREE_REQUESTS_PER_MONTH = 10;
/** 109号: 1–30 pages (or 30 min of recording / 10 MB) of one application are free. */
export const FREE_PAGES = 30;

const YUAN = 100;

/**
 * Per request (按件计收): the fee of the applicant's `rankInMonth`-th request to the agency this
 * calendar month. 1–10 free; 11–30 100 元 each; 31–40 200 元; 41–50 300 元; and 100 元 more for
 * every further band of 10.
 */
export function perRequestFee(rankInMonth: number): number {
  if (!Number.isInteger(rankInMonth) || rankInMonth < 1) throw new RangeError('rankInMonth must be a positive integer');
  if (rankInMonth <= FREE_REQUESTS_PER_MONTH) return 0;
  if (rankInMonth <= 30) return 100 * YUAN;
  return (100 + 100 * Math.ceil((rankInMonth - 30) / 10)) * YUAN;
}

/**
 * Per page (按量计收), progressive: pages 1–30 free; 31–100 at 10 元 a page; 101–200 at 20 元 a
 * page; 201 and more at 40 元 a page. Each band is charged at its own rate.
 */
export function perPageFee(pages: number): number {
  if (!Number.isInteger(pages) || pages < 0) throw new RangeError('pages must be a non-negative integer');
  const band = (from: number, to: number) => Math.max(0, Math.min(pages, to) - from + 1);
  return band(31, 100) * 10 * YUAN + band(101, 200) * 20 * YUAN + band(201, Number.MAX_SAFE_INTEGER) * 40 * YUAN;
}

/** The tier in words, for the console and the fee notice. */
export function perRequestTier(rankInMonth: number): string {
  const fee = perRequestFee(rankInMonth);
  return fee === 0
    ? `本月第 ${rankInMonth} 件申请（每月 ${FREE_REQUESTS_PER_MONTH} 件以内免费）`
    : `本月第 ${rankInMonth} 件申请，每件 ${formatFen(fee)}`;
}

export function perPageTier(pages: number): string {
  if (pages <= FREE_PAGES) return `${pages} 页（${FREE_PAGES} 页以内免费）`;
  const parts = [`31–${Math.min(pages, 100)} 页每页 10 元`];
  if (pages > 100) parts.push(`101–${Math.min(pages, 200)} 页每页 20 元`);
  if (pages > 200) parts.push(`201–${pages} 页每页 40 元`);
  return `${pages} 页：${parts.join('，')}`;
}

export interface FeeAssessment {
  basis: FeeBasis;
  pages: number | null;
  rankInMonth: number;
  amountFen: number;
  tier: string;
}

/** Charged per request OR per page (109号 第五条), as the office chose. */
export function assessFee(basis: FeeBasis, rankInMonth: number, pages: number | null): FeeAssessment {
  if (basis === 'perPage') {
    if (pages === null) throw new RangeError('perPage needs pages');
    return { basis, pages, rankInMonth, amountFen: perPageFee(pages), tier: perPageTier(pages) };
  }
  return { basis, pages: null, rankInMonth, amountFen: perRequestFee(rankInMonth), tier: perRequestTier(rankInMonth) };
}

/** The last day to pay: 20 working days counted from the day after the notice. */
export function paymentDeadline(calendar: WorkingDayCalendar, noticeOn: string): Deadline {
  return computeDeadline(calendar, noticeOn, FEE_PAYMENT_WINDOW_WORKING_DAYS, '发出收费通知');
}

/** 12345 fen → "123.45 元". */
export function formatFen(fen: number): string {
  const yuan = Math.trunc(fen / 100);
  const rest = Math.abs(fen % 100);
  return `${yuan}${rest ? `.${String(rest).padStart(2, '0')}` : ''} 元`;
}
