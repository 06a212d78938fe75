// The counting queries of the annual report: one GROUP BY per cell family, so that a year of
// 100,000 requests is a handful of index scans, never a walk over rows in JS. The reports module
// reads the requests, catalog and challenge tables here and writes none of them.
import { sql } from 'kysely';
import type { DbOrTrx } from '../../core/db/database.ts';
import { OUTCOME_REASONS, OUTCOMES } from '../requests/index.ts';
import type { CatalogCounts, ChallengeCount, CountByType, RequestCounts, ResultCount } from './annual-figures.ts';
import { TABLE2_COLUMN_CODES } from './annual-figures.ts';
import type { ReportFormat } from './reports.contract.ts';

export interface YearSpan { start: string; end: string }
export const yearSpan = (year: number): YearSpan => ({ start: `${year}-01-01`, end: `${year}-12-31` });

/** Most requests listed per failed check: enough to find the pattern, not a dump of the register. */
export const PROBLEM_LIMIT = 500;

export function figuresRepository(db: DbOrTrx) {
  // Only disclosure requests count (第四十一条 record corrections are not in table 三).
  const disclosure = (agencyId: string) =>
    db.selectFrom('requests').where('agencyId', '=', agencyId).where('kind', '=', 'disclosure');

  return {
    /**
     * All four families in one pass over the agency's requests that touch the year, grouped by
     * applicant type, outcome and reason (a few hundred groups at most); the covering index of
     * migration 20261122060000 serves it without reading the table.
     */
    async requestCounts(agencyId: string, { start, end }: YearSpan): Promise<RequestCounts> {
      const orig = sql.ref('originalReceivedOn');
      const closed = sql.ref('closedOn');
      const sum = (cond: ReturnType<typeof sql>) => sql<number>`sum(case when ${cond} then 1 else 0 end)`;
      const rows = await disclosure(agencyId)
        .where((eb) =>
          eb.or([
            eb.and([eb('originalReceivedOn', '<=', end), eb.or([eb('closedOn', 'is', null), eb('closedOn', '>=', start)])]),
            eb.between('closedOn', start, end),
          ]),
        )
        .select([
          'applicantType', 'outcome', 'outcomeReason',
          sum(sql`${orig} >= ${start} and ${orig} <= ${end}`).as('received'),
          sum(sql`${orig} < ${start} and (${closed} is null or ${closed} >= ${start})`).as('carriedIn'),
          sum(sql`${closed} >= ${start} and ${closed} <= ${end}`).as('closed'),
          sum(sql`${orig} <= ${end} and (${closed} is null or ${closed} > ${end})`).as('carriedOut'),
        ])
        .groupBy(['applicantType', 'outcome', 'outcomeReason'])
        .execute();
      const pick = (k: 'received' | 'carriedIn' | 'carriedOut'): CountByType[] =>
        rows.filter((r) => Number(r[k]) > 0).map((r) => ({ applicantType: r.applicantType, n: Number(r[k]) }));
      const results: ResultCount[] = rows
        .filter((r) => Number(r.closed) > 0)
        .map((r) => ({ applicantType: r.applicantType, outcome: r.outcome, reason: r.outcomeReason, n: Number(r.closed) }));
      return { received: pick('received'), carriedIn: pick('carriedIn'), results, carriedOut: pick('carriedOut') };
    },

    /** Requests closed in the year whose outcome and reason place them in no row of table 三. */
    unplacedResults(agencyId: string, format: ReportFormat, { start, end }: YearSpan) {
      return disclosure(agencyId)
        .where('closedOn', '>=', start)
        .where('closedOn', '<=', end)
        .where((eb) =>
          eb.or([
            eb('outcome', 'is', null),
            eb('outcome', 'not in', [...OUTCOMES]),
            eb.and([eb('outcome', 'in', ['granted', 'partlyGranted']), eb('outcomeReason', 'is not', null)]),
            ...(['refused', 'unableToProvide', 'notProcessed', 'otherHandling'] as const)
              .filter((o) => !(o === 'otherHandling' && format === '2019'))
              .map((o) => eb.and([eb('outcome', '=', o), eb.or([eb('outcomeReason', 'is', null), eb('outcomeReason', 'not in', [...OUTCOME_REASONS[o]])])])),
          ]),
        )
        .select(['trackingCode', 'applicantType', 'outcome', 'outcomeReason'])
        .orderBy('trackingCode')
        .limit(PROBLEM_LIMIT)
        .execute();
    },

    /** Requests of the year closed before they were received (they break 一 + 二 = （七） + 四). */
    closedBeforeReceipt(agencyId: string, { start, end }: YearSpan) {
      return disclosure(agencyId)
        .whereRef('closedOn', '<', 'originalReceivedOn')
        .where((eb) => eb.or([eb.between('closedOn', start, end), eb.between('originalReceivedOn', start, end)]))
        .select(['trackingCode', 'applicantType', 'originalReceivedOn', 'closedOn'])
        .orderBy('trackingCode')
        .limit(PROBLEM_LIMIT)
        .execute();
    },

    /** Requests counted in the year whose applicant type is none of the six columns. */
    unknownApplicantTypes(agencyId: string, types: readonly string[], { start, end }: YearSpan) {
      return disclosure(agencyId)
        .where('applicantType', 'not in', [...types])
        .where((eb) =>
          eb.or([
            eb.and([eb('originalReceivedOn', '<=', end), eb.or([eb('closedOn', 'is', null), eb('closedOn', '>=', start)])]),
            eb.between('closedOn', start, end),
          ]),
        )
        .select(['trackingCode', 'applicantType'])
        .orderBy('trackingCode')
        .limit(PROBLEM_LIMIT)
        .execute();
    },

    /** Table 四's counts: challenges filed in the year, decided (by 31 December) or not. */
    async challengeCounts(agencyId: string, { start, end }: YearSpan): Promise<ChallengeCount[]> {
      // Grouped by decision date (challenges are few); "decided by 31 December" is judged here.
      const rows = await db
        .selectFrom('requestChallenges')
        .where('agencyId', '=', agencyId)
        .where('filedOn', '>=', start)
        .where('filedOn', '<=', end)
        .select(['kind', 'litigationPath', 'result', 'decidedOn', (eb) => eb.fn.countAll().as('n')])
        .groupBy(['kind', 'litigationPath', 'result', 'decidedOn'])
        .execute();
      return rows.map((r) => ({ kind: r.kind, litigationPath: r.litigationPath, result: r.result, decided: r.decidedOn !== null && r.decidedOn <= end ? 1 : 0, n: Number(r.n) }));
    },

    /**
     * Table 二 第（一）项 from the catalog: published items (repeal notices excluded) in the 规章 and
     * 规范性文件 columns or their sub-columns. 制发/新制作 by writtenOn (publishedOn when missing),
     * 废止 by repealedOn, 现行有效 = published by 31 December and not repealed or expired by then,
     * 新公开 by publishedOn, 对外公开总数 = published by 31 December.
     */
    async catalogCounts(agencyId: string, { start, end }: YearSpan): Promise<CatalogCounts> {
      const codes = Object.values(TABLE2_COLUMN_CODES);
      const columns = await db.selectFrom('columns').where('agencyId', '=', agencyId).select(['id', 'parentId', 'code']).execute();
      const rowOf = new Map<string, 'rules' | 'normative'>();
      const keyOfCode = (code: string) => (Object.entries(TABLE2_COLUMN_CODES).find(([, c]) => c === code)?.[0] as 'rules' | 'normative' | undefined);
      for (const c of columns) if (codes.includes(c.code as never)) rowOf.set(c.id, keyOfCode(c.code)!);
      for (const c of columns) if (!rowOf.has(c.id) && c.parentId && rowOf.has(c.parentId)) rowOf.set(c.id, rowOf.get(c.parentId)!);
      const result: CatalogCounts = { rules: {}, normative: {} };
      for (const key of ['rules', 'normative'] as const) result[key] = { made: 0, repealed: 0, inForce: 0, published: 0, publishedTotal: 0 };
      if (rowOf.size === 0) return result;
      const made = sql`coalesce(${sql.ref('writtenOn')}, ${sql.ref('publishedOn')})`;
      const one = (cond: ReturnType<typeof sql>) => sql<number>`sum(case when ${cond} then 1 else 0 end)`;
      const rows = await db
        .selectFrom('items')
        .where('agencyId', '=', agencyId)
        .where('columnId', 'in', [...rowOf.keys()])
        .where('status', '=', 'published')
        .where('repealNoticeForItemId', 'is', null)
        .select([
          'columnId',
          one(sql`${made} >= ${start} and ${made} <= ${end}`).as('made'),
          one(sql`${sql.ref('repealedOn')} >= ${start} and ${sql.ref('repealedOn')} <= ${end}`).as('repealed'),
          one(sql`${sql.ref('publishedOn')} <= ${end} and (${sql.ref('validity')} in ('inForce', 'amended') or (${sql.ref('repealedOn')} is not null and ${sql.ref('repealedOn')} > ${end}))`).as('inForce'),
          one(sql`${sql.ref('publishedOn')} >= ${start} and ${sql.ref('publishedOn')} <= ${end}`).as('published'),
          one(sql`${sql.ref('publishedOn')} <= ${end}`).as('publishedTotal'),
        ])
        .groupBy('columnId')
        .execute();
      for (const r of rows) {
        const target = result[rowOf.get(r.columnId)!];
        for (const k of ['made', 'repealed', 'inForce', 'published', 'publishedTotal'] as const) target[k] += Number(r[k] ?? 0);
      }
      return result;
    },
  };
}
