// Demo content: the shape of one demo item, a seeded random source so every load gives the same
// catalog, dates spread over working days, document numbers and the HTML helpers the item
// generators (demo-items-*.ts) share.
import type { WorkingDayCalendar } from '../core/time/calendar.ts';
import { addCalendarDays } from '../core/time/dates.ts';

export interface DemoItemSpec {
  /** Unique within an agency: lets interpretations and repeal notices point at their item. */
  key: string;
  column: string;
  /** Department name in the city bureau (county bureaus map it with COUNTY_DEPARTMENT). */
  department: string;
  title: string;
  docNumber: string;
  topic: string;
  summary: string;
  bodyHtml: string;
  writtenOn: string;
  isMajor?: boolean;
  /** Keys of the policy documents this item interprets (政策解读). */
  interprets?: string[];
  /** Repealed later: the date and reason, and a repeal notice (废止说明) is published. */
  repeal?: { on: string; reason: string };
  attachment?: 'pdf' | 'csv';
}

/** Who the text speaks for, so the same generators serve the city and the county bureaus. */
export interface DemoOrg {
  name: string;
  shortName: string;
  /** 示自然资 → 示自然资规〔2025〕3号. */
  docPrefix: string;
  /** The jurisdiction: 示例市, 示例县, 示例区. */
  place: string;
  address: string;
  phone: string;
  townships: string[];
  leaders: [string, string, string][];
}

export interface DemoContext {
  org: DemoOrg;
  rng: () => number;
  /** Working days from the start of the spread to the day before today, oldest first. */
  days: string[];
  numbers: Map<string, number>;
}

/** mulberry32: small, fast and deterministic. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Working days in [start, end], used to date documents on days the bureau was open. */
export function workingDaysBetween(calendar: WorkingDayCalendar, start: string, end: string): string[] {
  const out: string[] = [];
  for (let d = start; d <= end; d = addCalendarDays(d, 1)) {
    if (calendar.covers(Number(d.slice(0, 4))) && calendar.isWorkingDay(d)) out.push(d);
  }
  return out;
}

export function createContext(org: DemoOrg, days: string[], seed: number): DemoContext {
  return { org, rng: seededRandom(seed), days, numbers: new Map() };
}

export const pick = <T>(ctx: DemoContext, list: readonly T[]): T => list[Math.floor(ctx.rng() * list.length)];
export const between = (ctx: DemoContext, lo: number, hi: number): number => lo + Math.floor(ctx.rng() * (hi - lo + 1));

/** n dates spread over the whole range (oldest first), each nudged a little at random. */
export function spreadDates(ctx: DemoContext, n: number, from = 0, to = 1): string[] {
  const lo = Math.floor(from * (ctx.days.length - 1));
  const hi = Math.floor(to * (ctx.days.length - 1));
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const base = lo + ((hi - lo) * (i + 0.5)) / n;
    const jitter = ((ctx.rng() - 0.5) * (hi - lo)) / n;
    out.push(ctx.days[Math.max(lo, Math.min(hi, Math.round(base + jitter)))]);
  }
  return out.sort();
}

/** A date on a fixed month-day when the spread covers it (annual documents), else undefined. */
export function dateNear(ctx: DemoContext, target: string): string | undefined {
  const found = ctx.days.find((d) => d >= target);
  return found && found.slice(0, 7) === target.slice(0, 7) ? found : undefined;
}

/** 示自然资规〔2025〕3号: numbers run per series and year in the order documents are made. */
export function docNumber(ctx: DemoContext, series: string, writtenOn: string): string {
  const year = writtenOn.slice(0, 4);
  const key = `${series}/${year}`;
  const n = (ctx.numbers.get(key) ?? 0) + 1;
  ctx.numbers.set(key, n);
  return `${ctx.org.docPrefix}${series}〔${year}〕${n}号`;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const paragraphs = (...ps: string[]): string => ps.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');

export function table(caption: string, head: string[], rows: (string | number)[][]): string {
  const th = head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const trs = rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(String(c))}</td>`).join('')}</tr>`).join('\n');
  return `<table><caption>${escapeHtml(caption)}</caption><thead><tr>${th}</tr></thead><tbody>\n${trs}\n</tbody></table>`;
}

/** 2025年9月26日 from 2025-09-26. */
export function cnDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** A date some calendar days later (deadlines written into announcements). */
export const laterDate = (date: string, calendarDays: number): string => addCalendarDays(date, calendarDays);

export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗'];
export const COMPANY_WORDS = ['华晟', '赣联', '恒泰', '鸿达', '金诚', '嘉和', '瑞丰', '宏远', '盛达', '润泽', '新锐', '安信'];
export const COMPANY_KINDS = ['置业有限公司', '房地产开发有限公司', '实业有限公司', '建设投资集团有限公司', '物流有限公司', '新材料科技有限公司'];
export const LAND_USES = ['城镇住宅用地', '商务金融用地', '零售商业用地', '工业用地', '仓储用地', '商服、住宅混合用地'];
export const TOPICS = {
  land: '土地管理',
  planning: '国土空间规划',
  mineral: '矿产资源',
  geology: '地质环境',
  registration: '不动产登记',
  enforcement: '执法监督',
  surveying: '测绘地理信息',
  general: '综合政务',
  finance: '财政资金',
  policy: '政策法规',
} as const;

/** A company name for land and mining announcements. */
export function companyName(ctx: DemoContext): string {
  return `${ctx.org.place}${pick(ctx, COMPANY_WORDS)}${pick(ctx, COMPANY_KINDS)}`;
}

/** A de-identified personal name (去标识化): surname and one asterisk. */
export function maskedName(ctx: DemoContext): string {
  return `${pick(ctx, SURNAMES)}*`;
}
