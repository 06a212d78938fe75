// Row types: Privacy screening findings, the sensitive-word lexicon and redactions. See schema.ts for the conventions.
/** A marked area of an attachment to remove before publication (migration 20261122030500). */
export interface RedactionTable {
  id: string;
  attachmentId: string;
  itemId: string;
  /** 1-based page number (0 for DOCX, which has no fixed pages). */
  page: number;
  /** Area in PDF points from the page's top-left corner. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** The accepted finding's text, searched again when the copy is made (DOCX: the text removed). */
  searchText: string;
  /** Legal ground: an outcome reason identifier of the annual report (GLOSSARY). */
  reason: string;
  /** Masked preview of what was removed; never the personal data itself. */
  textPreview: string;
  createdBy: string;
  createdByName: string;
  createdAt: string;
  appliedAt: string | null;
}

/** The redacted copy of an attachment that publication uses (migration 20261122030500). */
export interface RedactedCopyTable {
  attachmentId: string;
  sha256: string;
  size: number;
  textContent: string;
  areaCount: number;
  appliedBy: string;
  appliedByName: string;
  appliedAt: string;
}

/** A screening finding on a submitted item and the reviewer's decision (migration 20261122030000). */
export interface PrivacyFindingTable {
  id: string;
  agencyId: string;
  itemId: string;
  subjectType: 'item' | 'attachment';
  subjectId: string;
  subjectLabel: string;
  /** A PiiType, or 'sensitiveWord'. */
  type: string;
  category: string;
  /** The found text, encrypted (it is personal data itself). */
  textEnc: string;
  maskedText: string;
  startOffset: number;
  endOffset: number;
  confidencePct: number;
  decision: 'pending' | 'masked' | 'kept';
  reason: string;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  createdAt: string;
}

export interface SensitiveWordTable {
  id: string;
  word: string;
  normalized: string;
  category: string;
  createdBy: string;
  createdAt: string;
}
