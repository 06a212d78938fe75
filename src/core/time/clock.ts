// The only source of "now" for domain code (DESIGN.md: never `new Date()` in domain code).
// Legal dates are calendar dates in Asia/Shanghai; instants are UTC ISO strings.

export interface Clock {
  /** The current instant. */
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can set and move. */
export class FakeClock implements Clock {
  private current: Date;
  constructor(start: string | Date) {
    this.current = new Date(start);
  }
  now(): Date {
    return new Date(this.current);
  }
  set(to: string | Date): void {
    this.current = new Date(to);
  }
  advanceMs(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

const shanghaiDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The legal date (YYYY-MM-DD, Asia/Shanghai) of an instant. */
export function legalDate(instant: Date): string {
  return shanghaiDate.format(instant);
}

export function today(clock: Clock): string {
  return legalDate(clock.now());
}

export function nowIso(clock: Clock): string {
  return clock.now().toISOString();
}

/** Format a legal date for people: 2025年9月26日. */
export function formatChineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
