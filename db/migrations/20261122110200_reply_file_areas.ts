// Area marks on reply files (区分处理, 条例 第三十七条): a scanned ID card or a site photo has no
// text to search, so a mark may instead be a rectangle (image pixels, or PDF points on a page).
// Text marks keep these columns null.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('replyFileRedactions').addColumn('page', 'integer').execute();
  await db.schema.alterTable('replyFileRedactions').addColumn('x0', 'double precision').execute();
  await db.schema.alterTable('replyFileRedactions').addColumn('y0', 'double precision').execute();
  await db.schema.alterTable('replyFileRedactions').addColumn('x1', 'double precision').execute();
  await db.schema.alterTable('replyFileRedactions').addColumn('y1', 'double precision').execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const c of ['y1', 'x1', 'y0', 'x0', 'page']) await db.schema.alterTable('replyFileRedactions').dropColumn(c).execute();
}
