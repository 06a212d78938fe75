// Column freshness (栏目更新) against the website inspection rules of 国办秘函〔2019〕19号: a site
// fails when ≥5 columns are not updated in time (news 2 weeks, notices and policy 6 months), or
// ≥10 columns that should be updated have long not been, or ≥5 columns are empty, or the home
// page has not been updated for 2 weeks. Pure functions: the service feeds them stored dates.
import { addCalendarDays, calendarDaysBetween } from '../../core/time/dates.ts';

export type FreshnessState = 'fresh' | 'dueSoon' | 'stale' | 'empty' | 'onChange';

export const FRESHNESS_STATE_LABELS: Record<FreshnessState, string> = {
  fresh: '按期更新',
  dueSoon: '即将超期',
  stale: '已超期未更新',
  empty: '空白栏目',
  onChange: '按需更新',
};

/** The inspection's failing thresholds (REGULATION.md, "Government website conventions"). */
export const INSPECTION_THRESHOLDS = { stale: 5, longStale: 10, empty: 5, homePageDays: 14 } as const;

/** Our reading of 长期未更新: no publication for more than a year (any column with content). */
export const LONG_STALE_DAYS = 365;

/** Update intervals of the usual column kinds (CATALOG.md): news 2 weeks, notices and policy ≈ 6 months. */
export const DEFAULT_INTERVALS = { news: 14, notices: 183, policy: 183, statistics: 92 } as const;

/**
 * Days before the limit from which a column is "due soon": 20% of its interval or 7 days,
 * whichever warns earlier, so that a reminder leaves the department time to publish.
 */
export function dueSoonMargin(intervalDays: number): number {
  return Math.max(7, Math.ceil(intervalDays * 0.2));
}

export interface ColumnFreshness {
  state: FreshnessState;
  /** Calendar days since the last publication (null when empty). */
  ageDays: number | null;
  /** The last day the column is still in time (last publication + interval); null if untracked or empty. */
  dueOn: string | null;
  /** Days left until dueOn (negative once stale). */
  daysLeft: number | null;
  longStale: boolean;
}

export function columnFreshness(intervalDays: number | null, lastPublishedOn: string | null, todayOn: string): ColumnFreshness {
  if (!lastPublishedOn) return { state: 'empty', ageDays: null, dueOn: null, daysLeft: null, longStale: false };
  const ageDays = calendarDaysBetween(lastPublishedOn, todayOn);
  const longStale = ageDays > LONG_STALE_DAYS;
  if (intervalDays === null) return { state: 'onChange', ageDays, dueOn: null, daysLeft: null, longStale };
  const dueOn = addCalendarDays(lastPublishedOn, intervalDays);
  const daysLeft = calendarDaysBetween(todayOn, dueOn);
  const state: FreshnessState = daysLeft < 0 ? 'stale' : daysLeft <= dueSoonMargin(intervalDays) ? 'dueSoon' : 'fresh';
  return { state, ageDays, dueOn, daysLeft, longStale };
}

export interface SiteInspection {
  stale: number;
  longStale: number;
  empty: number;
  /** Days since anything was published on the site (null: nothing ever was). */
  homePageAgeDays: number | null;
  /** Each rule with its count, its threshold and whether it is failed. */
  checks: { rule: 'stale' | 'longStale' | 'empty' | 'homePage'; label: string; count: number | null; threshold: number; failed: boolean }[];
  failed: boolean;
}

export function siteInspection(columns: ColumnFreshness[], lastPublishedOnSite: string | null, todayOn: string): SiteInspection {
  const stale = columns.filter((c) => c.state === 'stale').length;
  const longStale = columns.filter((c) => c.longStale).length;
  const empty = columns.filter((c) => c.state === 'empty').length;
  const homePageAgeDays = lastPublishedOnSite ? calendarDaysBetween(lastPublishedOnSite, todayOn) : null;
  const t = INSPECTION_THRESHOLDS;
  const checks: SiteInspection['checks'] = [
    { rule: 'stale', label: '未按期更新的栏目', count: stale, threshold: t.stale, failed: stale >= t.stale },
    { rule: 'longStale', label: '长期未更新的栏目（超过一年）', count: longStale, threshold: t.longStale, failed: longStale >= t.longStale },
    { rule: 'empty', label: '空白栏目', count: empty, threshold: t.empty, failed: empty >= t.empty },
    { rule: 'homePage', label: '首页未更新天数', count: homePageAgeDays, threshold: t.homePageDays, failed: homePageAgeDays === null || homePageAgeDays >= t.homePageDays },
  ];
  return { stale, longStale, empty, homePageAgeDays, checks, failed: checks.some((c) => c.failed) };
}
