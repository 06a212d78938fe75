// What other modules may use of the redaction feature (re-exported by the privacy module's index.ts).
export { createRedactionService, type RedactionService, type RedactionWorkspace, type DetectedFinding } from './redaction.service.ts';
export { redactedCopyOf } from './redaction.repository.ts';
export * from './redaction.contract.ts';
export {
  areaPages, clipArea, isImageType, pagePreview, PREVIEW_MAX_SIDE, REDACTABLE_TYPES, redactableKind, redactAreas,
  type AreaInput, type AreaPage, type RedactableKind,
} from './redaction.areas.ts';
