// The roll-up of several agencies' figures (a city bureau and its county bureaus): every cell
// summed, a manual cell blank only when blank for every agency, and the checks recomputed on
// the total with the requests the agencies' own checks listed.
import { buildChecks, CHECK_NAMES, type CheckName, type ProblemRequest } from './annual-figures.ts';
import { TABLE3_APPLICANT_TYPES, TABLE3_COLUMNS, type AnnualReportFigures, type ReportRow, type RollUpResult } from './reports.contract.ts';

function sumValues(rows: readonly ReportRow[][]): ReportRow[] {
  return rows[0].map((row, i) => ({
    ...row,
    values: row.values.map((_, col) => {
      const cells = rows.map((r) => r[i].values[col]);
      return cells.every((c) => c === null) ? null : cells.reduce<number>((s, c) => s + (c ?? 0), 0);
    }),
    ...(row.manual ? { manual: row.manual.map((_, col) => rows.some((r) => r[i].manual?.[col])) } : {}),
  }));
}

const checkKeyOf = (name: string) => (Object.entries(CHECK_NAMES).find(([, n]) => n === name)?.[0] ?? 'balance') as CheckName;

export function rollUpFigures(agencies: AnnualReportFigures[], computedAt: string): RollUpResult {
  const [first] = agencies;
  const table3 = sumValues(agencies.map((a) => a.table3));
  // Problem requests keep their column: a request listed in a column keeps that column in the total.
  const problems: ProblemRequest[] = agencies.flatMap((a) =>
    a.checks.flatMap((c) => c.requests.map((r) => ({ ...r, check: checkKeyOf(c.name), applicantType: columnType(c.column) }))),
  );
  const total: AnnualReportFigures = {
    agencyId: first.agencyId,
    agencyName: `${first.agencyName}（合计）`,
    year: first.year,
    format: first.format,
    table2: first.table2.map((s, i) => ({ ...s, rows: sumValues(agencies.map((a) => a.table2[i].rows)) })),
    table3,
    table4: sumValues(agencies.map((a) => a.table4)),
    checks: buildChecks(table3, problems),
    feesCollectedFen: agencies.reduce((s, a) => s + a.feesCollectedFen, 0),
    computedAt,
  };
  return { year: first.year, format: first.format, agencies, total };
}

/** The applicant type of a table 三 column label ('' for 总计 or none). */
function columnType(column: string | undefined): string {
  const i = column ? (TABLE3_COLUMNS as readonly string[]).indexOf(column) : -1;
  return i >= 0 && i < TABLE3_APPLICANT_TYPES.length ? TABLE3_APPLICANT_TYPES[i] : '';
}
