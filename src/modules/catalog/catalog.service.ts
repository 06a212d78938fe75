// createCatalogService: the catalog's use cases composed from their parts (columns, drafts,
// reads, published changes, the workflow port). It registers the deadline recomputer with the
// calendar so that a changed holiday schedule moves every open publication deadline.
import type { CatalogService } from './catalog.contract.ts';
import type { CatalogDeps } from './catalog.deps.ts';
import { createColumnsService } from './columns.service.ts';
import { createDraftsService } from './drafts.service.ts';
import { createItemQueries } from './item-query.service.ts';
import { createPublishedChangesService } from './published-changes.service.ts';
import { createWorkflowPort } from './publication.ts';

export function createCatalogService(deps: CatalogDeps): CatalogService {
  const queries = createItemQueries(deps);
  const columns = createColumnsService(deps, queries);
  const drafts = createDraftsService(deps, queries);
  const published = createPublishedChangesService(deps, queries);
  deps.calendar.onChange((trx) => published.recomputeDeadlines(trx));

  return {
    columnTree: queries.columnTree,
    column: queries.column,
    createColumn: columns.createColumn,
    updateColumn: columns.updateColumn,
    listPublished: queries.listPublished,
    getPublished: queries.getPublished,
    getPublishedAttachment: queries.getPublishedAttachment,
    publishedSummaries: queries.publishedSummaries,
    createDraft: drafts.createDraft,
    updateDraft: drafts.updateDraft,
    getForStaff: queries.getForStaff,
    listForStaff: queries.listForStaff,
    addAttachment: drafts.addAttachment,
    removeAttachment: drafts.removeAttachment,
    getAttachmentForStaff: queries.getAttachmentForStaff,
    importWord: drafts.importWord,
    revise: published.revise,
    repeal: published.repeal,
    importPublished: published.importPublished,
    recomputeDeadlines: published.recomputeDeadlines,
    workflow: createWorkflowPort(deps),
  };
}
