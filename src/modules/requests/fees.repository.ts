// Queries of the processing fee: the only fee file that touches Kysely.
import type { DbOrTrx } from '../../core/db/database.ts';
import type { RequestFeeTable, RequestTable } from '../../core/db/schema.ts';

/** First and last day of the calendar month of a legal date. */
function monthOf(date: string): { from: string; to: string } {
  const month = date.slice(0, 7);
  return { from: `${month}-01`, to: `${month}-31` };
}

export function feesRepository(db: DbOrTrx) {
  return {
    feeOf: (requestId: string) => db.selectFrom('requestFees').selectAll().where('requestId', '=', requestId).executeTakeFirst(),
    insertFee: (row: RequestFeeTable) => db.insertInto('requestFees').values(row).execute(),
    updateFee: (requestId: string, patch: Partial<RequestFeeTable>) => db.updateTable('requestFees').set(patch).where('requestId', '=', requestId).execute(),

    /**
     * The request's rank among the applicant's requests to the same agency received in the same
     * calendar month (by receipt instant, then id). Applicants are matched by the blind index of
     * their identity number; requests the agency split off one application and record
     * corrections (第四十一条) are not the applicant's information requests and do not count.
     */
    async rankInMonth(row: Pick<RequestTable, 'id' | 'agencyId' | 'idNumberIndex' | 'receivedOn' | 'receivedAt'>): Promise<number> {
      if (!row.idNumberIndex) return 1;
      const { from, to } = monthOf(row.receivedOn);
      const r = await db
        .selectFrom('requests')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('agencyId', '=', row.agencyId)
        .where('idNumberIndex', '=', row.idNumberIndex)
        .where('receivedOn', '>=', from)
        .where('receivedOn', '<=', to)
        .where('splitFromId', 'is', null)
        .where('kind', '=', 'disclosure')
        .where((eb) => eb.or([eb('receivedAt', '<', row.receivedAt), eb.and([eb('receivedAt', '=', row.receivedAt), eb('id', '<=', row.id)])]))
        .executeTakeFirstOrThrow();
      return Math.max(1, Number(r.n));
    },

    /** Requests still awaiting payment whose window ended before `todayOn`. */
    expiredUnpaid: (todayOn: string) =>
      db
        .selectFrom('requests')
        .innerJoin('requestFees', 'requestFees.requestId', 'requests.id')
        .select(['requests.id'])
        .where('requests.status', '=', 'awaitingPayment')
        .where('requestFees.paymentDueOn', '<', todayOn)
        .orderBy('requests.id')
        .execute(),

    /** Sum of fees paid (and not waived) with payment dated in the year: annual report section 六. */
    async collected(agencyId: string, year: number): Promise<number> {
      const r = await db
        .selectFrom('requestFees')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amountFen'), eb.lit(0)).as('total'))
        .where('agencyId', '=', agencyId)
        .where('paidOn', '>=', `${year}-01-01`)
        .where('paidOn', '<=', `${year}-12-31`)
        .where('waiverStatus', '!=', 'approved')
        .executeTakeFirstOrThrow();
      return Number(r.total);
    },
  };
}

export type FeesRepository = ReturnType<typeof feesRepository>;
