// Public surface of the catalog module.
export { createCatalogService } from './catalog.service.ts';
export type { CatalogDeps } from './catalog.deps.ts';
export * from './catalog.contract.ts';
export { itemDraftInput, columnInput, repealInput } from './catalog.schemas.ts';
export { ALLOWED_ATTACHMENT_TYPES, ALLOWED_TYPES_TEXT } from './attachments.service.ts';
export { PUBLISH_WORKING_DAYS, REPEAL_NOTICE_WORKING_DAYS, publishDeadline, repealNoticeDeadline } from './catalog.deadlines.ts';
export { extractDocxText, extractPdfText, docxToHtml } from './text-extract.ts';
export { sanitizeBody, htmlToText, textToHtml } from './catalog.html.ts';
export { splitTitle } from './drafts.service.ts';
export { assertCanReadContent, canReadContent } from './catalog.policy.ts';
export { registerCatalogRoutes, sendAttachment, uploadedFile } from './catalog.routes.ts';
export { publicCopyRepository, type ScreeningSubject } from './public-copy.repository.ts';
export { rebuildCatalogSearchIndex, REBUILD_BATCH_SIZE, type RebuildProgress, type RebuildOptions } from './search-rebuild.ts';
