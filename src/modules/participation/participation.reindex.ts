// Rebuilds the word index of the published messages (留言选登 search; migration 20261122100100)
// for `gongkai search reindex`: after a change of the word segmentation (src/core/text/segment.ts)
// or an index found damaged. Runs beside the live portal, in short transactions of `batchSize`
// messages, re-segmenting each public copy exactly as at approval (publicWords):
// - PostgreSQL: each message's row of `message_search` is rewritten in place (upsert); searches
//   see old or new words for each message, never none.
// - SQLite: a fresh FTS5 table is filled in publication order beside the live one, which answers
//   searches meanwhile; a last transaction adds what was published during the rebuild and swaps
//   the tables (FTS5 lists newest first by rowid, so order must come from the insertion order).
import type { Db } from '../../core/db/database.ts';
import { dialectOf } from '../../core/db/dialect.ts';
import { transactionWithRetry } from '../../core/db/retry.ts';
import { participationRepository, type IndexCursor, type IndexSource } from './participation.repository.ts';
import { publicWords } from './participation.service.ts';

export interface MessageIndexProgress {
  /** Published messages written to the index so far. */
  indexed: number;
  /** Entries of messages not published, removed (PostgreSQL; on SQLite the fresh table has none). */
  removed: number;
}

export const MESSAGE_REINDEX_BATCH = 500;

const entry = (m: IndexSource) => ({ id: m.id, agencyId: m.agencyId, tokens: publicWords(m) });

export async function rebuildMessageSearchIndex(
  db: Db,
  opts: { batchSize?: number; onBatch?: (progress: MessageIndexProgress) => void | Promise<void> } = {},
): Promise<MessageIndexProgress> {
  const batchSize = opts.batchSize ?? MESSAGE_REINDEX_BATCH;
  const postgres = dialectOf(db) === 'postgres';
  const progress: MessageIndexProgress = { indexed: 0, removed: 0 };
  const written = new Set<string>();
  if (!postgres) await transactionWithRetry(db, (trx) => participationRepository(trx).createRebuildTable());
  let cursor: IndexCursor | undefined;
  for (;;) {
    const batch = await transactionWithRetry(db, async (trx) => {
      const repo = participationRepository(trx);
      const rows = await repo.publishedAfter(cursor, batchSize);
      const entries = rows.map(entry);
      if (postgres) await repo.upsertIndex(entries);
      else await repo.insertIntoRebuildTable(entries);
      return rows;
    });
    if (batch.length === 0) break;
    for (const m of batch) written.add(m.id);
    progress.indexed += batch.length;
    const last = batch[batch.length - 1];
    cursor = { publishedAt: last.publishedAt, id: last.id };
    await opts.onBatch?.({ ...progress });
  }
  await transactionWithRetry(db, async (trx) => {
    const repo = participationRepository(trx);
    if (postgres) {
      progress.removed = await repo.removeUnpublishedFromIndex();
      return;
    }
    // SQLite transactions begin IMMEDIATE: no message is published while the tables are swapped.
    const missed = (await repo.publishedIds()).filter((id) => !written.has(id));
    for (let i = 0; i < missed.length; i += batchSize) {
      const late = await repo.publishedByIds(missed.slice(i, i + batchSize));
      await repo.insertIntoRebuildTable(late.map(entry));
      progress.indexed += late.length;
    }
    await repo.swapInRebuildTable();
  });
  return progress;
}
