// Annual-report figures with known values in the official layouts (both formats), for the
// document and page tests: every cell distinct where it can be, totals consistent.
import {
  reportFormatFor, table3Layout, TABLE2_LAYOUT, TABLE4_ROW_LABELS, TABLE4_HEADINGS,
  type AnnualReportFigures, type ReportRow,
} from '../../src/modules/reports/reports.contract.ts';

/** Table 三 cell (row i, applicant column j < 6) = i * 10 + j + 1; column 7 is the row's sum. */
export function table3Value(row: number, column: number): number {
  return row * 10 + column + 1;
}

export function knownFigures(opts: { year: number; agencyId?: string; agencyName?: string; feesCollectedFen?: number }): AnnualReportFigures {
  const format = reportFormatFor(opts.year);
  const table3: ReportRow[] = table3Layout(format).map((r, i) => {
    const values = [0, 1, 2, 3, 4, 5].map((j) => table3Value(i, j));
    return { key: r.key, label: r.label, group: r.group, values: [...values, values.reduce((a, b) => a + b, 0)] };
  });
  const table2 = TABLE2_LAYOUT[format].map((s, si) => ({
    section: s.section,
    columns: s.columns.map((c) => c.label),
    rows: s.rows.map((r, ri) => ({
      key: r.key,
      label: r.label,
      values: s.columns.map((c, ci) => (s.computed.includes(`${r.key}.${c.key}`) ? 100 + si * 10 + ri * 3 + ci : ri === 0 ? 700 + si * 10 + ci : null)),
      manual: s.columns.map((c) => !s.computed.includes(`${r.key}.${c.key}`)),
    })),
  }));
  const t4 = (base: number) => { const v = [base, base + 1, base + 2, base + 3]; return [...v, v.reduce((a, b) => a + b, 0)]; };
  const table4: ReportRow[] = [
    { key: 'reconsideration', label: TABLE4_ROW_LABELS.reconsideration, values: t4(51) },
    { key: 'direct', label: TABLE4_ROW_LABELS.direct, group: TABLE4_HEADINGS.litigation, values: t4(61) },
    { key: 'afterReconsideration', label: TABLE4_ROW_LABELS.afterReconsideration, group: TABLE4_HEADINGS.litigation, values: t4(71) },
  ];
  return {
    agencyId: opts.agencyId ?? 'agency-1',
    agencyName: opts.agencyName ?? '赣州市自然资源局',
    year: opts.year,
    format,
    table2,
    table3,
    table4,
    checks: [],
    feesCollectedFen: opts.feesCollectedFen ?? 12345,
    computedAt: '2026-01-05T02:00:00.000Z',
  };
}
