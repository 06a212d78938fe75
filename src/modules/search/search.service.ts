// The full-text index of published items: the catalog indexes an item inside its publishing
// transaction and removes it when it is withdrawn, so only published information is findable.
// Ranking: title matches first, then matches in the body or attachments; newest first within
// each. Both tiers are read in key order and stop at the page (no ranking of every match: bm25
// over every match of a word most items contain costs ~80 ms at 100k items).
import type { DbOrTrx, DialectName } from '../../core/db/database.ts';
import { queryTerms, segmentForSearch } from '../../core/text/segment.ts';
import { highlight, snippet } from './search.highlight.ts';
import { createSearchRepository, KEYS_PER_DAY, type IndexedDocument, type SearchFilters, type SearchRow } from './search.repository.ts';
import type { SearchDocument, SearchHit, SearchQuery, SearchResult, SearchService } from './search.contract.ts';

/**
 * Matches are counted up to here; beyond it the portal shows "1000+ 条" (SearchResult.totalCapped).
 * Counting every match of a word most items contain costs milliseconds per 10,000 matches.
 */
export const TOTAL_CAP = 1_000;
/** Deepest result reachable by paging: the first TOTAL_CAP results, as search engines do. */
export const MAX_WINDOW = TOTAL_CAP;
const MAX_PAGE_SIZE = 100;
/** Longest query we segment: a pasted paragraph is still a query, a pasted book is not. */
const MAX_QUERY_CHARS = 200;
const MAX_TERMS = 32;
const DAY_MS = 86_400_000;

export interface SearchDeps {
  db: DbOrTrx;
  dialect: DialectName;
}

function epochDay(publishedOn: string): number {
  const ms = Date.parse(`${publishedOn.slice(0, 10)}T00:00:00Z`);
  return Number.isFinite(ms) && ms > 0 ? Math.floor(ms / DAY_MS) : 0;
}

function yearOf(publishedOn: string): number {
  const y = Number(publishedOn.slice(0, 4));
  return Number.isInteger(y) ? y : 0;
}

function toHit(row: SearchRow, terms: string[]): SearchHit {
  return {
    itemId: row.itemId,
    title: row.title,
    titleHtml: highlight(row.title, terms),
    snippetHtml: snippet(row.bodyText, terms),
    docNumber: row.docNumber,
    publishedOn: row.publishedOn,
    columnId: row.columnId,
    isClarification: Number(row.isClarification) === 1,
  };
}

export function createSearchService(deps: SearchDeps): SearchService {
  const { db } = deps;
  const repo = createSearchRepository(deps.dialect);

  function prepared(doc: SearchDocument, docKey: number): IndexedDocument {
    const bodyText = doc.attachmentsText.trim() === '' ? doc.bodyText : `${doc.bodyText}\n${doc.attachmentsText}`;
    const row: SearchRow = {
      docKey,
      itemId: doc.itemId,
      agencyId: doc.agencyId,
      columnId: doc.columnId,
      year: yearOf(doc.publishedOn),
      issuer: doc.issuer,
      topic: doc.topic,
      validity: doc.validity,
      publishedOn: doc.publishedOn,
      title: doc.title,
      docNumber: doc.docNumber,
      bodyText,
      isClarification: doc.isClarification ? 1 : 0,
    };
    return {
      row,
      titleTokens: segmentForSearch(`${doc.title} ${doc.docNumber}`).join(' '),
      bodyTokens: segmentForSearch(bodyText).join(' '),
    };
  }

  /** (Re)indexes distinct items in one go: keys are allocated per publication day, rows inserted in chunks. */
  async function indexItems(trx: DbOrTrx, docs: SearchDocument[]): Promise<void> {
    if (docs.length === 0) return;
    const existing = await repo.findKeys(trx, docs.map((d) => d.itemId));
    // Keep the key of a re-indexed item unless its publication day moved.
    const kept = new Map<string, number>();
    const keptMax = new Map<number, number>();
    for (const doc of docs) {
      const key = existing.get(doc.itemId);
      const day = epochDay(doc.publishedOn);
      if (key === undefined || Math.floor(key / KEYS_PER_DAY) !== day) continue;
      kept.set(doc.itemId, key);
      keptMax.set(day, Math.max(key, keptMax.get(day) ?? key));
    }
    await repo.removeKeys(trx, [...existing.values()]);
    const next = new Map<number, number>();
    const entries: IndexedDocument[] = [];
    for (const doc of docs) {
      let key = kept.get(doc.itemId);
      if (key === undefined) {
        const day = epochDay(doc.publishedOn);
        // A kept key was removed above: new keys of its day must still come after it.
        const free = next.get(day) ?? Math.max(await repo.nextKeyForDay(trx, day), (keptMax.get(day) ?? -1) + 1);
        key = free;
        next.set(day, free + 1);
      }
      entries.push(prepared(doc, key));
    }
    await repo.insertMany(trx, entries);
  }

  const indexItem = (trx: DbOrTrx, doc: SearchDocument) => indexItems(trx, [doc]);

  async function search(query: SearchQuery): Promise<SearchResult> {
    const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(query.pageSize) || 1));
    const page = Math.max(1, Math.floor(query.page) || 1);
    const terms = queryTerms(query.q.slice(0, MAX_QUERY_CHARS)).slice(0, MAX_TERMS);
    const empty: SearchResult = { hits: [], total: 0, totalCapped: false, page, pageSize, terms };
    if (terms.length === 0 || query.columnIds?.length === 0) return empty;

    const filters: SearchFilters = {
      agencyId: query.agencyId,
      columnIds: query.columnIds ?? (query.columnId !== undefined ? [query.columnId] : undefined),
      year: query.year,
      issuer: query.issuer,
      topic: query.topic,
      validity: query.validity,
    };
    const counted = await repo.count(db, terms, 'all', filters, TOTAL_CAP);
    const start = (page - 1) * pageSize;
    const result = { ...empty, total: counted, totalCapped: counted >= TOTAL_CAP };
    if (counted === 0 || start >= MAX_WINDOW) return result;

    // Capped count reached: the words are common, the newest documents will hold the page.
    const frequent = counted >= TOTAL_CAP;
    const titleRows = await repo.page(db, terms, 'title', filters, pageSize, start, frequent);
    let bodyRows: SearchRow[] = [];
    if (titleRows.length < pageSize) {
      // Where the body tier starts on this page: the number of title matches before the window.
      const titleTotal = titleRows.length > 0 ? start + titleRows.length : await repo.count(db, terms, 'title', filters, start);
      bodyRows = await repo.page(db, terms, 'bodyOnly', filters, pageSize - titleRows.length, Math.max(0, start - titleTotal), frequent);
    }
    return { ...result, hits: [...titleRows, ...bodyRows].map((row) => toHit(row, terms)) };
  }

  async function reindexAll(load: () => AsyncIterable<SearchDocument>): Promise<number> {
    let count = 0;
    await db.transaction().execute(async (trx) => {
      await repo.clear(trx);
      for await (const doc of load()) {
        await indexItem(trx, doc);
        count++;
      }
    });
    return count;
  }

  return {
    indexItem,
    indexItems,
    removeItem: (trx, itemId) => repo.remove(trx, itemId),
    search,
    indexedItemIds: (afterItemId, limit) => repo.itemIdsAfter(db, afterItemId, limit),
    reindexAll,
  };
}
