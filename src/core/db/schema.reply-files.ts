// Row types: reply files, their redaction marks and deliveries (migration 20261122050400). See schema.ts for the conventions.

/** A file of information provided with a reply, uploaded by the handling department. */
export interface ReplyFileTable {
  id: string;
  requestId: string;
  /** The reply item it belongs to (reply_items.id); null: the reply as a whole. */
  replyItemId: string | null;
  /** Its position when uploaded: saving the draft renumbers item ids, so the tie falls back to the position. */
  replyItemPosition: number | null;
  filename: string;
  /** The original, content-addressed; never given out when the item is partly granted. */
  sha256: string;
  mediaType: string;
  size: number;
  /** The redacted copy (第三十七条), content-addressed; null until redaction is applied. */
  redactedSha256: string | null;
  redactedSize: number | null;
  redactedAt: string | null;
  /** Display name of who applied the redaction. */
  redactedBy: string | null;
  createdBy: string;
  createdAt: string;
}

/** One text removed from a reply file, with its legal ground; the preview is masked. */
export interface ReplyFileRedactionTable {
  id: string;
  replyFileId: string;
  /** The text removed (kept with the original, which staff may see; never in the audit log). */
  searchText: string;
  /** A REDACTION_REASONS value. */
  reason: string;
  textPreview: string;
  occurrences: number;
  createdBy: string;
  createdAt: string;
  /** An area mark (migration 20261122110200): 1-based page (1 for an image) and the rectangle in PDF points or image pixels; null for a text mark. */
  page: number | null;
  x0: number | null;
  y0: number | null;
  x1: number | null;
  y1: number | null;
}

/** How and when the reply was delivered (送达). One per request. */
export interface ReplyDeliveryTable {
  id: string;
  requestId: string;
  /** A DELIVERY_METHODS value. */
  method: string;
  deliveredOn: string;
  /** Paper post: the postal tracking number (邮寄单号). */
  trackingNumber: string;
  /** Pick-up: who signed for it; otherwise any note. */
  recipientNote: string;
  recordedBy: string;
  recordedAt: string;
  /** Online download: the applicant's first download (logged, not what makes it delivered). */
  firstDownloadedAt: string | null;
}
