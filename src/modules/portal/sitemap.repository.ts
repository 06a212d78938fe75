// What the sitemap lists: every published, public item and every column (issue 7 part 5). Read
// straight from the catalog tables in id order so that a 100,000-item site pages cheaply.
import type { DbOrTrx } from '../../core/db/database.ts';

export interface SitemapEntry {
  id: string;
  lastmod: string | null;
}

export async function countPublicItems(db: DbOrTrx): Promise<number> {
  const row = await db.selectFrom('items').select((eb) => eb.fn.countAll().as('n')).where('status', '=', 'published').where('scope', '=', 'public').executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function publicItemsPage(db: DbOrTrx, offset: number, limit: number): Promise<SitemapEntry[]> {
  const rows = await db
    .selectFrom('items')
    .select(['id', 'publishedOn'])
    .where('status', '=', 'published')
    .where('scope', '=', 'public')
    .orderBy('id')
    .offset(offset)
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, lastmod: r.publishedOn }));
}

export async function allColumns(db: DbOrTrx): Promise<SitemapEntry[]> {
  const rows = await db.selectFrom('columns').select(['id']).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, lastmod: null }));
}
