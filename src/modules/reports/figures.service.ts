// The annual report's figures (第五十条) for one agency and year, and the roll-up of a city
// bureau with its county bureaus. Counting is done by figures.repository.ts in SQL; the failed
// checks' requests are only looked up when a check fails.
import type { DbOrTrx } from '../../core/db/database.ts';
import { notFound } from '../../core/errors.ts';
import type { Clock } from '../../core/time/clock.ts';
import type { StaffActor } from '../accounts/index.ts';
import { OUTCOME_LABELS, isOutcome, reasonFits } from '../requests/index.ts';
import { buildChecks, buildTable2, buildTable3, buildTable4, table3Failures, type CheckName, type ProblemRequest } from './annual-figures.ts';
import { figuresRepository, yearSpan } from './figures.repository.ts';
import { assertCanComputeFor } from './reports.policy.ts';
import { reportFormatFor, TABLE3_APPLICANT_TYPES, type AnnualReportFigures, type ComputeAnnualReportInput, type ReportFormat, type RollUpResult } from './reports.contract.ts';
import { rollUpFigures } from './rollup.ts';

export interface ReportFiguresDeps {
  db: DbOrTrx;
  clock: Clock;
  agency(id: string): Promise<{ id: string; name: string } | undefined>;
  childAgencies(id: string): Promise<{ id: string; name: string }[]>;
  /** Information processing fees paid in the year, in fen (section 六). */
  feesCollected: (agencyId: string, year: number) => Promise<number>;
}

export interface ReportFiguresService {
  /** The figures of one agency and year (no permission check: CLI, report rendering, jobs). */
  computeAnnualReport(input: ComputeAnnualReportInput): Promise<AnnualReportFigures>;
  /** The agency itself plus its child agencies, per agency and in total. */
  rollUp(input: { agencyId: string; year: number }): Promise<RollUpResult>;
  /** computeAnnualReport for staff of the agency or its parent. */
  computeFor(actor: StaffActor, input: ComputeAnnualReportInput): Promise<AnnualReportFigures>;
  /** rollUp for staff of the agency or its parent. */
  rollUpFor(actor: StaffActor, input: { agencyId: string; year: number }): Promise<RollUpResult>;
}

export function createReportFiguresService(deps: ReportFiguresDeps): ReportFiguresService {
  const repo = figuresRepository(deps.db);

  async function problemRequests(agencyId: string, format: ReportFormat, year: number, failing: Set<CheckName>): Promise<ProblemRequest[]> {
    const span = yearSpan(year);
    const out: ProblemRequest[] = [];
    if (failing.has('results')) {
      for (const r of await repo.unplacedResults(agencyId, format, span)) {
        const problem = !r.outcome
          ? '已办结但未登记办理结果'
          : !isOutcome(r.outcome)
            ? `办理结果“${r.outcome}”不是规定的类型`
            : reasonFits(r.outcome, r.outcomeReason)
              ? '办理结果无法归入表三的任何一行'
              : `理由“${r.outcomeReason ?? '（空）'}”与办理结果“${OUTCOME_LABELS[r.outcome]}”不相符`;
        out.push({ trackingCode: r.trackingCode, applicantType: r.applicantType, problem, check: 'results' });
      }
    }
    if (failing.has('balance')) {
      for (const r of await repo.closedBeforeReceipt(agencyId, span))
        out.push({ trackingCode: r.trackingCode, applicantType: r.applicantType, problem: `办结日期 ${r.closedOn} 早于收到日期 ${r.originalReceivedOn}`, check: 'balance' });
    }
    if (failing.has('columns')) {
      for (const r of await repo.unknownApplicantTypes(agencyId, TABLE3_APPLICANT_TYPES, span))
        out.push({ trackingCode: r.trackingCode, applicantType: r.applicantType, problem: `申请人类型“${r.applicantType}”不属于表三的任何一列`, check: 'columns' });
    }
    return out;
  }

  async function computeAnnualReport({ agencyId, year, manual }: ComputeAnnualReportInput): Promise<AnnualReportFigures> {
    const agency = await deps.agency(agencyId);
    if (!agency) throw notFound('找不到该机关');
    const format = reportFormatFor(year);
    const span = yearSpan(year);
    const [counts, catalog, challenges, fees] = await Promise.all([
      repo.requestCounts(agencyId, span),
      repo.catalogCounts(agencyId, span),
      repo.challengeCounts(agencyId, span),
      deps.feesCollected(agencyId, year),
    ]);
    const table3 = buildTable3(format, counts);
    const failing = new Set(table3Failures(table3).map((f) => f.check));
    const problems = failing.size ? await problemRequests(agencyId, format, year, failing) : [];
    return {
      agencyId,
      agencyName: agency.name,
      year,
      format,
      table2: buildTable2(format, catalog, manual),
      table3,
      table4: buildTable4(challenges),
      checks: buildChecks(table3, problems),
      feesCollectedFen: Number(fees),
      computedAt: deps.clock.now().toISOString(),
    };
  }

  async function rollUp({ agencyId, year }: { agencyId: string; year: number }): Promise<RollUpResult> {
    const children = await deps.childAgencies(agencyId);
    const agencies: AnnualReportFigures[] = [];
    for (const id of [agencyId, ...children.map((c) => c.id)]) agencies.push(await computeAnnualReport({ agencyId: id, year }));
    return rollUpFigures(agencies, deps.clock.now().toISOString());
  }

  async function assertAllowed(actor: StaffActor, agencyId: string) {
    const children = agencyId === actor.user.agencyId ? [] : await deps.childAgencies(actor.user.agencyId);
    assertCanComputeFor(actor.user, agencyId, children.map((c) => c.id));
  }

  return {
    computeAnnualReport,
    rollUp,
    async computeFor(actor, input) {
      await assertAllowed(actor, input.agencyId);
      return computeAnnualReport(input);
    },
    async rollUpFor(actor, input) {
      await assertAllowed(actor, input.agencyId);
      return rollUp(input);
    },
  };
}
