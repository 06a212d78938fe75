// Review records (审核记录): archived, append-only.
import type { DbOrTrx } from '../../core/db/database.ts';
import type { ReviewRecordTable } from '../../core/db/schema.ts';

export function reviewRepository(db: DbOrTrx) {
  return {
    insert: (row: ReviewRecordTable) => db.insertInto('reviewRecords').values(row).execute(),
    recordsOf: (itemId: string) =>
      db.selectFrom('reviewRecords').selectAll().where('itemId', '=', itemId).orderBy('at').orderBy('id').execute(),
  };
}
