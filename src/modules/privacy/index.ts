// Public surface of the privacy module.
export { carryMasks, deidentifyText, maskValue, type MaskedSpan } from './deidentify.ts';
export { documentKind, documentText, type DocumentKind } from './document-text.ts';
export { htmlToScanText, replaceInHtml, type HtmlText } from './html-text.ts';
export * from './redaction.index.ts';
export { SCREENING_MIN_CONFIDENCE } from './screening.rules.ts';
export { createPrivacyService } from './privacy.service.ts';
export { rotateKeys, type RotationResult } from './key-rotation.ts';
export { canDecideFindings, canManageLexicon, REASON_REQUIRED } from './privacy.policy.ts';
export type { PrivacyDeps } from './screening.service.ts';
export * from './privacy.contract.ts';
export { buildLexiconMatcher, type LexiconMatcher, type WordMatch } from './lexicon.ts';
// The redaction engine itself, for reply files (requests module, 第三十七条).
export { findTextAreas, pdfPageSizes, pdfPageTexts, redactPdf, renderPdfPage, textInArea, type PdfArea, type Rect } from './redaction.pdf.ts';
export { redactDocx, REMOVED_MARK } from './redaction.docx.ts';
export { gridStep, imageSize, redactImage, renderImagePreview, type ImageSize } from './redaction.image.ts';
export { maskedPreview } from './redaction.preview.ts';
