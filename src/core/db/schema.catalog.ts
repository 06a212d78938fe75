// Row types: Catalog, review records, search index and the public page caches. See schema.ts for the conventions.
/** Published, public items filed directly in a column; kept by triggers on `items`. */
export interface ColumnPublicCountTable {
  columnId: string;
  itemCount: number;
}

/** One row (id 1): bumped by triggers whenever a table public pages show changes (page cache). */
export interface PortalVersionTable {
  id: number;
  version: number;
}

export interface ColumnTable {
  id: string;
  agencyId: string;
  parentId: string | null;
  code: string;
  name: string;
  description: string;
  sortOrder: number;
  /** Expected update interval in calendar days; null = on change (按需更新). */
  updateIntervalDays: number | null;
  createdAt: string;
}

export interface ColumnDepartmentTable {
  columnId: string;
  departmentId: string;
}

export interface ItemTable {
  id: string;
  agencyId: string;
  columnId: string;
  departmentId: string;
  status: string;
  indexNumber: string | null;
  title: string;
  docNumber: string;
  /** JSON array of issuing agency names (joint documents have several). */
  issuers: string;
  writtenOn: string | null;
  topic: string;
  summary: string;
  bodyHtml: string;
  bodyText: string;
  disclosureMode: 'proactive' | 'onRequest' | 'withheld';
  disclosureModeReason: string;
  scope: 'public' | 'intranet';
  validity: 'inForce' | 'repealed' | 'expired' | 'amended';
  isMajor: number;
  /** Set when the item is a repeal notice (废止说明) for another item. */
  repealNoticeForItemId: string | null;
  publishDueOn: string | null;
  publishedOn: string | null;
  publishedAt: string | null;
  repealedOn: string | null;
  repealNoticeDueOn: string | null;
  /** Leader approval date: starts the publication clock when there is no writtenOn (migration 20261122000200). */
  approvedOn: string | null;
  /** De-identified copy for publication; null = the original (migration 20261122030000). */
  publicBodyHtml?: string | null;
  publicBodyText?: string | null;
  /** 澄清: an urgent item on the fast review path (migration 20261122060300). Optional here so inserts need not name it. */
  isClarification?: number;
  version: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface ItemVersionTable {
  id: string;
  itemId: string;
  version: number;
  /** JSON snapshot of the published fields as they were. */
  snapshot: string;
  createdBy: string;
  createdAt: string;
}

export interface ItemInterpretationTable {
  policyItemId: string;
  interpretationItemId: string;
}

export interface AttachmentTable {
  id: string;
  itemId: string;
  sha256: string;
  filename: string;
  mediaType: string;
  size: number;
  textContent: string;
  /** De-identified text for the search index; null = textContent (migration 20261122030000). */
  publicTextContent?: string | null;
  createdBy: string;
  createdAt: string;
}

export interface IndexCounterTable {
  agencyId: string;
  year: number;
  lastNumber: number;
}

export interface ReviewRecordTable {
  id: string;
  itemId: string;
  agencyId: string;
  step: string;
  conclusion: 'approved' | 'sentBack' | 'submitted' | 'published' | 'takenDown';
  opinion: string;
  basis: string;
  reviewerId: string;
  reviewerName: string;
  itemTitle: string;
  itemDocNumber: string;
  itemSummary: string;
  at: string;
}

/** The search index's own copy of what it filters on and builds snippets from (search module). */
export interface SearchDocumentTable {
  /** Grows with publishedOn (see db/migrations/20261122000100_search.ts); FTS5 rowid on SQLite. */
  docKey: number;
  itemId: string;
  agencyId: string;
  columnId: string;
  year: number;
  issuer: string;
  topic: string;
  validity: string;
  publishedOn: string;
  title: string;
  docNumber: string;
  /** Body and attachment text, original (unsegmented). */
  bodyText: string;
  /** 0/1: the item is a clarification (澄清); migration 20261122100100. */
  isClarification: number;
}
