// Queries of the challenge records: the only challenges file that touches Kysely.
import type { DbOrTrx } from '../../core/db/database.ts';
import type { RequestChallengeTable } from '../../core/db/schema.ts';

export function challengesRepository(db: DbOrTrx) {
  const withRequest = () =>
    db.selectFrom('requestChallenges').innerJoin('requests', 'requests.id', 'requestChallenges.requestId').selectAll('requestChallenges').select('requests.trackingCode');
  return {
    insert: (row: RequestChallengeTable) => db.insertInto('requestChallenges').values(row).execute(),
    byId: (id: string) => withRequest().where('requestChallenges.id', '=', id).executeTakeFirst(),
    update: (id: string, patch: Partial<RequestChallengeTable>) => db.updateTable('requestChallenges').set(patch).where('id', '=', id).execute(),
    ofRequest: (requestId: string) => withRequest().where('requestChallenges.requestId', '=', requestId).orderBy('requestChallenges.filedOn').orderBy('requestChallenges.id').execute(),
    /** Table 四 counts a challenge in the year it was filed. */
    ofAgency: (agencyId: string, year: number | null) => {
      let q = withRequest().where('requestChallenges.agencyId', '=', agencyId);
      if (year !== null) q = q.where('requestChallenges.filedOn', '>=', `${year}-01-01`).where('requestChallenges.filedOn', '<=', `${year}-12-31`);
      return q.orderBy('requestChallenges.filedOn', 'desc').orderBy('requestChallenges.id', 'desc').limit(1000).execute();
    },
  };
}
