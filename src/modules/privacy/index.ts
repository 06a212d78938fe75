// Public surface of the privacy module.
export { deidentifyText, maskValue, type MaskedSpan } from './deidentify.ts';
export { documentKind, documentText, type DocumentKind } from './document-text.ts';
export { htmlToScanText, replaceInHtml, type HtmlText } from './html-text.ts';
export * from './redaction.index.ts';
export { SCREENING_MIN_CONFIDENCE } from './screening.rules.ts';
