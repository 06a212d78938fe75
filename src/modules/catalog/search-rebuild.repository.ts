// The queries of the catalog's search-index rebuild (`gongkai search reindex`, search-rebuild.ts).
import { sql } from 'kysely';
import type { DbOrTrx } from '../../core/db/database.ts';
import { dialectOf } from '../../core/db/dialect.ts';

export function searchRebuildRepository(trx: DbOrTrx) {
  const postgres = dialectOf(trx) === 'postgres';
  return {
    /**
     * The next published public items after `afterId`, in id order. PostgreSQL: locked FOR SHARE
     * until the batch commits, so a takedown or a revision of one of them waits for the batch (and
     * then fixes the index itself) instead of being overwritten by what the batch read before it.
     */
    async publishedPublicIdsAfter(afterId: string, limit: number): Promise<string[]> {
      const rows = await sql<{ id: string }>`select id from items
        where status = 'published' and scope = 'public' and id > ${afterId}
        order by id limit ${limit}${postgres ? sql` for share` : sql``}`.execute(trx);
      return rows.rows.map((r) => r.id);
    },

    /** Which of `ids` are published and public now. */
    async publishedPublicAmong(ids: string[]): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      const rows = await trx.selectFrom('items').select('id').where('id', 'in', ids).where('status', '=', 'published').where('scope', '=', 'public').execute();
      return new Set(rows.map((r) => r.id));
    },
  };
}
