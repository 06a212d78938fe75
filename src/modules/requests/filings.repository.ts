// Queries of the quarterly withholding filings: the only filings file that touches Kysely.
import { sql } from 'kysely';
import type { DbOrTrx } from '../../core/db/database.ts';
import type { WithholdingFilingRowTable, WithholdingFilingTable } from '../../core/db/schema.ts';

/** One refusal found for a quarter: a refused reply item, or a request closed as refused without items. */
export interface RefusalSource {
  sourceKey: string;
  requestId: string;
  replyItemId: string | null;
  repliedOn: string;
  description: string;
  docNumber: string;
  reason: string;
}

export function filingsRepository(db: DbOrTrx) {
  return {
    filingById: (id: string) => db.selectFrom('withholdingFilings').selectAll().where('id', '=', id).executeTakeFirst(),
    filingFor: (agencyId: string, year: number, quarter: number) =>
      db.selectFrom('withholdingFilings').selectAll().where('agencyId', '=', agencyId).where('year', '=', year).where('quarter', '=', quarter).executeTakeFirst(),
    insertFiling: (row: WithholdingFilingTable) => db.insertInto('withholdingFilings').values(row).execute(),
    updateFiling: (id: string, patch: Partial<WithholdingFilingTable>) => db.updateTable('withholdingFilings').set(patch).where('id', '=', id).execute(),
    filingsOf: (agencyId: string) =>
      db
        .selectFrom('withholdingFilings')
        .selectAll('withholdingFilings')
        .select((eb) => eb.selectFrom('withholdingFilingRows').select((e) => e.fn.countAll().as('n')).whereRef('withholdingFilingRows.filingId', '=', 'withholdingFilings.id').as('rowCount'))
        .where('agencyId', '=', agencyId)
        .orderBy('year', 'desc')
        .orderBy('quarter', 'desc')
        .execute(),

    rowsOf: (filingId: string) =>
      db
        .selectFrom('withholdingFilingRows')
        .innerJoin('requests', 'requests.id', 'withholdingFilingRows.requestId')
        .selectAll('withholdingFilingRows')
        .select(['requests.applicantName', 'requests.trackingCode'])
        .where('withholdingFilingRows.filingId', '=', filingId)
        .orderBy('withholdingFilingRows.position')
        .execute(),
    rowById: (filingId: string, id: string) =>
      db.selectFrom('withholdingFilingRows').selectAll().where('filingId', '=', filingId).where('id', '=', id).executeTakeFirst(),
    insertRow: (row: WithholdingFilingRowTable) => db.insertInto('withholdingFilingRows').values(row).execute(),
    updateRow: (id: string, patch: Partial<WithholdingFilingRowTable>) => db.updateTable('withholdingFilingRows').set(patch).where('id', '=', id).execute(),
    deleteRows: (ids: string[]) => (ids.length ? db.deleteFrom('withholdingFilingRows').where('id', 'in', ids).execute() : Promise.resolve([])),

    /**
     * The refusals replied in [from, to]: every refused reply item (also inside partly granted
     * replies), and requests reported as refused that have no refused item. The reply's date is
     * its approval date, or the closing date where no approval was recorded.
     */
    async refusals(agencyId: string, from: string, to: string): Promise<RefusalSource[]> {
      const repliedOn = () => sql<string>`coalesce(${sql.ref('requestReplies.approvedOn')}, ${sql.ref('requests.closedOn')})`;
      function base() {
        return db
          .selectFrom('requests')
          .leftJoin('requestReplies', 'requestReplies.requestId', 'requests.id')
          .where('requests.agencyId', '=', agencyId)
          .where('requests.kind', '=', 'disclosure')
          .where(repliedOn(), '>=', from)
          .where(repliedOn(), '<=', to);
      }
      const items = await base()
        .innerJoin('replyItems', 'replyItems.requestId', 'requests.id')
        .where('replyItems.outcome', '=', 'refused')
        .select([
          'requests.id as requestId', 'replyItems.id as replyItemId', 'replyItems.position', 'replyItems.description', 'replyItems.docNumber', 'replyItems.reason',
          'requests.infoDocNumber', repliedOn().as('repliedOn'),
        ])
        .execute();
      const whole = await base()
        .where('requests.outcome', '=', 'refused')
        .where((eb) => eb.not(eb.exists(eb.selectFrom('replyItems').select('replyItems.id').whereRef('replyItems.requestId', '=', 'requests.id').where('replyItems.outcome', '=', 'refused'))))
        .select(['requests.id as requestId', 'requests.infoTitle', 'requests.infoDescription', 'requests.infoDocNumber', 'requests.outcomeReason', repliedOn().as('repliedOn')])
        .execute();
      const sources: (RefusalSource & { order: string })[] = [
        ...items.map((i) => ({
          sourceKey: `${i.requestId}:${i.replyItemId}`, requestId: i.requestId, replyItemId: i.replyItemId, repliedOn: String(i.repliedOn),
          description: i.description, docNumber: i.docNumber || i.infoDocNumber, reason: i.reason ?? '', order: `${i.repliedOn}|${i.requestId}|${String(i.position).padStart(4, '0')}`,
        })),
        ...whole.map((r) => ({
          sourceKey: r.requestId, requestId: r.requestId, replyItemId: null, repliedOn: String(r.repliedOn),
          description: r.infoTitle || r.infoDescription, docNumber: r.infoDocNumber, reason: r.outcomeReason ?? '', order: `${r.repliedOn}|${r.requestId}|0000`,
        })),
      ];
      return sources.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0)).map(({ order: _order, ...s }) => s);
    },
  };
}
