// Rebuilds the catalog's search index (`gongkai search reindex`): after a change of the word
// segmentation (src/core/text/segment.ts) or an index found damaged. Runs beside the live portal:
// every published public item is re-indexed in short transactions of `batchSize` items (the old
// entries answer searches until their batch commits), then entries of items no longer published
// are removed. Nothing is cleared first, so search never comes up empty halfway.
import type { Db } from '../../core/db/database.ts';
import { transactionWithRetry } from '../../core/db/retry.ts';
import type { SearchService } from '../search/search.contract.ts';
import { catalogRepository } from './catalog.repository.ts';
import { searchDocumentOf } from './publication.ts';
import { searchRebuildRepository } from './search-rebuild.repository.ts';

export interface RebuildProgress {
  /** Entries written (re-indexed items) so far. */
  indexed: number;
  /** Stale entries (items taken down, repealed from view, never public) removed so far. */
  removed: number;
}

export interface RebuildOptions {
  batchSize?: number;
  /** Called after every committed batch (the command prints it). */
  onBatch?: (progress: RebuildProgress) => void | Promise<void>;
}

export const REBUILD_BATCH_SIZE = 200;

export async function rebuildCatalogSearchIndex(deps: { db: Db; search: SearchService }, opts: RebuildOptions = {}): Promise<RebuildProgress> {
  const batchSize = opts.batchSize ?? REBUILD_BATCH_SIZE;
  const progress: RebuildProgress = { indexed: 0, removed: 0 };
  for (let after = ''; ;) {
    const { ids, written } = await transactionWithRetry(deps.db, async (trx) => {
      const batch = await searchRebuildRepository(trx).publishedPublicIdsAfter(after, batchSize);
      const rows = await catalogRepository(trx).itemRowsByIds(batch);
      const docs = [];
      for (const row of rows) docs.push(await searchDocumentOf(trx, row));
      // Re-indexing keeps an item's key (its place among the same day's items).
      await deps.search.indexItems(trx, docs);
      return { ids: batch, written: docs.length };
    });
    if (ids.length === 0) break;
    progress.indexed += written;
    after = ids[ids.length - 1];
    await opts.onBatch?.({ ...progress });
  }
  for (let after = ''; ;) {
    const ids = await deps.search.indexedItemIds(after, batchSize);
    if (ids.length === 0) break;
    const removed = await transactionWithRetry(deps.db, async (trx) => {
      const current = await searchRebuildRepository(trx).publishedPublicAmong(ids);
      const stale = ids.filter((id) => !current.has(id));
      for (const id of stale) await deps.search.removeItem(trx, id);
      return stale.length;
    });
    progress.removed += removed;
    after = ids[ids.length - 1];
    if (removed > 0) await opts.onBatch?.({ ...progress });
  }
  return progress;
}
