// The search module's public surface.
export { createSearchService, TOTAL_CAP, MAX_WINDOW } from './search.service.ts';
export type { SearchDocument, SearchHit, SearchQuery, SearchResult, SearchService } from './search.contract.ts';
