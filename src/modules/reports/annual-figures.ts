// Pure assembly of the annual report's tables from grouped counts (the repository does the
// counting in SQL). One function per cell family, each citing the rule it applies:
// 国办公开办函〔2021〕30号 (and 〔2019〕60号 for reports on 2019 and 2020), REGULATION.md.
import { OUTCOMES, reasonFits, type Outcome } from '../requests/index.ts';
import {
  TABLE2_LAYOUT, TABLE3_APPLICANT_TYPES, TABLE3_COLUMNS, TABLE4_ROW_LABELS, TABLE4_HEADINGS, table3Layout,
  type ManualFigures, type ReportCheck, type ReportFormat, type ReportRow, type Table2Section,
} from './reports.contract.ts';

/** Catalog column codes whose published items are table 二's 规章 and 规范性文件 (第二十条第（一）项). */
export const TABLE2_COLUMN_CODES = { rules: 'gz', normative: 'gfxwj' } as const;

export interface CountByType { applicantType: string; n: number }
export interface ResultCount { applicantType: string; outcome: string | null; reason: string | null; n: number }

/** Grouped request counts for one agency and year (kind 'disclosure' only, 第四十一条 corrections excluded). */
export interface RequestCounts {
  /** 一: originalReceivedOn in the year. */
  received: CountByType[];
  /** 二: received before the year, closedOn null or ≥ 1 January. */
  carriedIn: CountByType[];
  /** 三: closedOn in the year, by outcome and reason. */
  results: ResultCount[];
  /** 四: received by 31 December, closedOn null or after 31 December. */
  carriedOut: CountByType[];
}

const COLUMN_COUNT = TABLE3_COLUMNS.length; // six applicant columns + 总计
const TOTAL_COLUMN = COLUMN_COUNT - 1;

/** The column of an applicant type, or null when the type is not one of the six (counted in 总计 only). */
export function applicantColumn(applicantType: string): number | null {
  const i = (TABLE3_APPLICANT_TYPES as readonly string[]).indexOf(applicantType);
  return i < 0 ? null : i;
}

/** Seven values from counts by applicant type; 总计 counts every request, known type or not. */
export function byApplicantColumns(counts: readonly CountByType[]): number[] {
  const values = new Array<number>(COLUMN_COUNT).fill(0);
  for (const c of counts) {
    const col = applicantColumn(c.applicantType);
    if (col !== null) values[col] += Number(c.n);
    values[TOTAL_COLUMN] += Number(c.n);
  }
  return values;
}

/**
 * The table 三 row a closed request counts in, or null when its outcome and reason place it in
 * none (a data error the checks report). 部分公开 "只计这一情形"; in the 2019 format （六）其他处理
 * is one row.
 */
export function table3RowKey(format: ReportFormat, outcome: string | null, reason: string | null): string | null {
  if (!outcome || !(OUTCOMES as readonly string[]).includes(outcome)) return null;
  const o = outcome as Outcome;
  if (o === 'otherHandling' && format === '2019') return 'otherHandling';
  if (!reasonFits(o, reason)) return null;
  return o === 'granted' || o === 'partlyGranted' ? o : reason;
}

/** Table 三 rows in the official order (25 rows in the 2021 format, 23 in the 2019 one). */
export function buildTable3(format: ReportFormat, counts: RequestCounts): ReportRow[] {
  const layout = table3Layout(format);
  const byKey = new Map<string, CountByType[]>(layout.map((r) => [r.key, []]));
  for (const r of counts.results) {
    const key = table3RowKey(format, r.outcome, r.reason);
    if (key) byKey.get(key)!.push(r);
  }
  return layout.map((row) => {
    let values: number[];
    if (row.key === 'received') values = byApplicantColumns(counts.received);
    else if (row.key === 'carriedIn') values = byApplicantColumns(counts.carriedIn);
    else if (row.key === 'carriedOut') values = byApplicantColumns(counts.carriedOut);
    // （七）总计 counts every request closed in the year, placed or not, so that a request closed
    // without a valid outcome shows as a failed check instead of vanishing.
    else if (row.key === 'total') values = byApplicantColumns(counts.results);
    else values = byApplicantColumns(byKey.get(row.key)!);
    return { key: row.key, label: row.label, ...(row.group ? { group: row.group } : {}), values };
  });
}

export const CHECK_NAMES = {
  balance: '一 + 二 = （七） + 四',
  results: '（七）总计 = （一）至（六）之和',
  columns: '总计 = 各类申请人之和',
} as const;
export type CheckName = keyof typeof CHECK_NAMES;

export interface CheckFailure { check: CheckName; column: number }

/** The three checks of table 三 (REGULATION.md), per column; returns the failing (check, column) pairs. */
export function table3Failures(rows: readonly ReportRow[]): CheckFailure[] {
  const v = (key: string) => rows.find((r) => r.key === key)!.values as number[];
  const resultRows = rows.filter((r) => !['received', 'carriedIn', 'total', 'carriedOut'].includes(r.key!));
  const failures: CheckFailure[] = [];
  for (let col = 0; col < COLUMN_COUNT; col++) {
    if (v('received')[col] + v('carriedIn')[col] !== v('total')[col] + v('carriedOut')[col]) failures.push({ check: 'balance', column: col });
    const sum = resultRows.reduce((s, r) => s + (r.values[col] ?? 0), 0);
    if (sum !== v('total')[col]) failures.push({ check: 'results', column: col });
  }
  if (rows.some((r) => (r.values as number[]).slice(0, TOTAL_COLUMN).reduce((a, b) => a + b, 0) !== r.values[TOTAL_COLUMN]))
    failures.push({ check: 'columns', column: TOTAL_COLUMN });
  return failures;
}

export interface ProblemRequest { trackingCode: string; applicantType: string; problem: string; check: CheckName }

/** The checks as reported: one passing entry per check, or one failing entry per failing column with its requests. */
export function buildChecks(rows: readonly ReportRow[], problems: readonly ProblemRequest[]): ReportCheck[] {
  const failures = table3Failures(rows);
  const checks: ReportCheck[] = [];
  for (const check of Object.keys(CHECK_NAMES) as CheckName[]) {
    const failing = failures.filter((f) => f.check === check);
    if (failing.length === 0) {
      checks.push({ name: CHECK_NAMES[check], ok: true, detail: '各列均相符', requests: [] });
      continue;
    }
    for (const f of failing) {
      const column = TABLE3_COLUMNS[f.column];
      const requests = problems
        .filter((p) => p.check === check && (f.column === TOTAL_COLUMN || applicantColumn(p.applicantType) === f.column))
        .map((p) => ({ trackingCode: p.trackingCode, problem: p.problem }))
        .filter((p, i, all) => all.findIndex((q) => q.trackingCode === p.trackingCode && q.problem === p.problem) === i);
      checks.push({ name: CHECK_NAMES[check], ok: false, column, detail: failureDetail(check, rows, f.column), requests });
    }
  }
  return checks;
}

function failureDetail(check: CheckName, rows: readonly ReportRow[], col: number): string {
  const v = (key: string) => rows.find((r) => r.key === key)!.values[col] ?? 0;
  if (check === 'balance') return `“${TABLE3_COLUMNS[col]}”列：一（${v('received')}）+ 二（${v('carriedIn')}）≠（七）（${v('total')}）+ 四（${v('carriedOut')}）`;
  if (check === 'results') {
    const sum = rows.filter((r) => !['received', 'carriedIn', 'total', 'carriedOut'].includes(r.key!)).reduce((s, r) => s + (r.values[col] ?? 0), 0);
    return `“${TABLE3_COLUMNS[col]}”列：（七）总计 ${v('total')} 件，（一）至（六）合计 ${sum} 件`;
  }
  const bad = rows.filter((r) => (r.values as number[]).slice(0, TOTAL_COLUMN).reduce((a, b) => a + b, 0) !== r.values[TOTAL_COLUMN]).map((r) => r.label);
  return `以下各行的总计不等于各类申请人之和：${bad.join('；')}`;
}

export interface ChallengeCount { kind: string; litigationPath: string | null; result: string; decided: number; n: number }

const TABLE4_RESULT_COLUMN: Record<string, number> = { upheld: 0, corrected: 1, other: 2 };

/**
 * Table 四: challenges filed in the year; the result column when decided by 31 December, else
 * 尚未审结; litigation split into 未经复议直接起诉 and 复议后起诉 (a missing path counts as direct).
 */
export function buildTable4(counts: readonly ChallengeCount[]): ReportRow[] {
  const rows: ReportRow[] = [
    { key: 'reconsideration', label: TABLE4_ROW_LABELS.reconsideration, values: [0, 0, 0, 0, 0] },
    { key: 'direct', label: TABLE4_ROW_LABELS.direct, group: TABLE4_HEADINGS.litigation, values: [0, 0, 0, 0, 0] },
    { key: 'afterReconsideration', label: TABLE4_ROW_LABELS.afterReconsideration, group: TABLE4_HEADINGS.litigation, values: [0, 0, 0, 0, 0] },
  ];
  for (const c of counts) {
    const row = c.kind === 'reconsideration' ? rows[0] : c.litigationPath === 'afterReconsideration' ? rows[2] : rows[1];
    const col = Number(c.decided) === 1 && c.result in TABLE4_RESULT_COLUMN ? TABLE4_RESULT_COLUMN[c.result] : 3;
    const values = row.values as number[];
    values[col] += Number(c.n);
    values[4] += Number(c.n);
  }
  return rows;
}

/** Catalog counts of table 二's first section, per row key ('rules', 'normative') and column key. */
export type CatalogCounts = Record<'rules' | 'normative', Record<string, number>>;

/**
 * Table 二 in the format's layout: catalog cells computed (unless a manual figure overrides them),
 * every other cell from `manual`, null when nobody entered it; manual cells flagged.
 */
export function buildTable2(format: ReportFormat, catalog: CatalogCounts, manual: ManualFigures = {}): Table2Section[] {
  return TABLE2_LAYOUT[format].map((s) => ({
    section: s.section,
    columns: s.columns.map((c) => c.label),
    rows: s.rows.map((r) => {
      const cells = s.columns.map((c) => {
        const key = `${r.key}.${c.key}`;
        const given = Object.prototype.hasOwnProperty.call(manual, key) && manual[key] !== null && manual[key] !== undefined;
        if (s.computed.includes(key) && !given) return { value: catalog[r.key as keyof CatalogCounts]?.[c.key] ?? 0, manual: false };
        return { value: given ? Number(manual[key]) : null, manual: true };
      });
      return { key: r.key, label: r.label, values: cells.map((c) => c.value), manual: cells.map((c) => c.manual) };
    }),
  }));
}
