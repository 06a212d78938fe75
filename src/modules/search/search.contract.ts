// The search module's public contract.
import type { DbOrTrx } from '../../core/db/database.ts';

/** What the catalog hands to the index when an item is published or changed. */
export interface SearchDocument {
  itemId: string;
  agencyId: string;
  columnId: string;
  title: string;
  docNumber: string;
  bodyText: string;
  attachmentsText: string;
  issuer: string;
  topic: string;
  validity: string;
  publishedOn: string;
  /** A clarification (澄清, 条例 第六条): its hits carry the label. */
  isClarification?: boolean;
}

export interface SearchQuery {
  q: string;
  agencyId?: string;
  columnId?: string;
  /** A column and its descendants (the caller resolves the tree); wins over columnId when given. */
  columnIds?: string[];
  year?: number;
  issuer?: string;
  topic?: string;
  validity?: string;
  page: number;
  pageSize: number;
}

export interface SearchHit {
  itemId: string;
  title: string;
  /** Title with matches wrapped in <mark>…</mark>; everything else HTML-escaped. */
  titleHtml: string;
  /** A passage of the body around the first match, escaped, with <mark> around matches. */
  snippetHtml: string;
  docNumber: string;
  publishedOn: string;
  columnId: string;
  isClarification: boolean;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Matches counted up to a cap (TOTAL_CAP in the search module); see totalCapped. */
  total: number;
  /** True when there are at least `total` matches (show "约 N 条" / "N+ 条"), false when exact. */
  totalCapped?: boolean;
  page: number;
  pageSize: number;
  /** The segmented query terms, for display and highlighting. */
  terms: string[];
}

export interface SearchService {
  /** Called by the catalog inside its publishing transaction. */
  indexItem(trx: DbOrTrx, doc: SearchDocument): Promise<void>;
  /** The same for many distinct items at once (bulk imports, the benchmark's loader). */
  indexItems(trx: DbOrTrx, docs: SearchDocument[]): Promise<void>;
  removeItem(trx: DbOrTrx, itemId: string): Promise<void>;
  search(query: SearchQuery): Promise<SearchResult>;
  /** Item ids in the index after `afterItemId` in id order, `limit` at most (`gongkai search reindex` finds stale entries). */
  indexedItemIds(afterItemId: string, limit: number): Promise<string[]>;
  /** Rebuild the whole index (after dictionary changes). */
  reindexAll(load: () => AsyncIterable<SearchDocument>): Promise<number>;
}
