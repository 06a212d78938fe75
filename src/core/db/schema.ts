// Row types of every table, in the glossary's names (CamelCasePlugin maps them to snake_case
// columns). Booleans are stored as 0/1 integers and instants as UTC ISO strings so that SQLite
// and PostgreSQL behave the same.
export interface AgencyTable {
  id: string;
  code: string;
  name: string;
  shortName: string;
  creditCode: string;
  parentAgencyId: string | null;
  address: string;
  postcode: string;
  officeHours: string;
  phone: string;
  fax: string;
  email: string;
  website: string;
  /** JSON array of { name, address, hours }. */
  readingRooms: string;
  indexNumberTemplate: string;
  createdAt: string;
}

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

export interface DepartmentTable {
  id: string;
  agencyId: string;
  name: string;
  isDisclosureOffice: number;
  sortOrder: number;
  createdAt: string;
}

export interface UserTable {
  id: string;
  agencyId: string;
  departmentId: string | null;
  username: string;
  displayName: string;
  passwordHash: string;
  /** 主要领导: may give the principal-leader approval for major items. */
  isPrincipalLeader: number;
  active: number;
  mustChangePassword: number;
  createdAt: string;
}

export interface UserRoleTable {
  userId: string;
  role: string;
}

export interface SessionTable {
  /** SHA-256 of the cookie token: a database leak does not leak live sessions. */
  tokenHash: string;
  userId: string;
  csrfToken: string;
  ip: string;
  userAgent: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

export interface LoginAttemptTable {
  id: string;
  username: string;
  ip: string;
  succeeded: number;
  at: string;
}

export interface AuditEventTable {
  seq: number;
  id: string;
  at: string;
  actorId: string | null;
  actorName: string;
  agencyId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  /** JSON {before, after} summary. */
  summary: string;
  ip: string;
  prevHash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface CalendarDayTable {
  date: string;
  kind: 'holiday' | 'adjustedWorkday';
  name: string;
}

export interface CalendarYearTable {
  year: number;
  source: string;
  updatedAt: string;
  updatedBy: string;
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

export interface JobTable {
  id: string;
  kind: string;
  payload: string;
  uniqueKey: string | null;
  runAt: string;
  status: 'pending' | 'running' | 'done' | 'failed';
  attempts: number;
  lockedBy: string | null;
  lockedUntil: string | null;
  lastError: string;
  createdAt: string;
  finishedAt: string | null;
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
}

export interface RequestTable {
  id: string;
  agencyId: string;
  trackingCode: string;
  idempotencyKey: string | null;
  channel: string;
  applicantType: string;
  applicantName: string;
  idType: string;
  idNumberEnc: string;
  idNumberIndex: string;
  idNumberMasked: string;
  orgCreditCode: string;
  legalRepresentative: string;
  agentName: string;
  agentIdNumberEnc: string;
  agentIdNumberMasked: string;
  /** Masked (138****1234); the number itself is in phoneEnc (migration 20261122030100). */
  phone: string;
  phoneEnc?: string;
  phoneLast4: string;
  email: string;
  address: string;
  postcode: string;
  infoDescription: string;
  infoTitle: string;
  infoDocNumber: string;
  purpose: string;
  deliveryMethod: string;
  feeWaiverRequested: number;
  feeWaiverReason: string;
  status: string;
  outcome: string | null;
  outcomeReason: string | null;
  originalReceivedOn: string;
  receivedOn: string;
  receivedAt: string;
  correctionNoticeDueOn: string | null;
  correctionRequestedOn: string | null;
  correctionPeriodDueOn: string | null;
  correctionCount: number;
  /** The applicant's correction period in working days (migration 20261122010600). */
  correctionPeriodDays: number;
  replyDueOn: string | null;
  extensionDays: number;
  extensionReason: string;
  extensionApprovedBy: string;
  closedOn: string | null;
  mergedIntoId: string | null;
  splitFromId: string | null;
  imported: number;
  createdAt: string;
  updatedAt: string;
}

export interface RequestAssignmentTable {
  requestId: string;
  departmentId: string;
  isLead: number;
  assignedAt: string;
}

export interface RequestPauseTable {
  id: string;
  requestId: string;
  kind: 'thirdParty' | 'coAgency';
  partyName: string;
  startedOn: string;
  endedOn: string | null;
  windowDueOn: string;
  result: string;
}

export interface RequestEventTable {
  id: string;
  requestId: string;
  at: string;
  actorId: string | null;
  actorName: string;
  kind: string;
  note: string;
  data: string;
  visibleToApplicant: number;
}

export interface RequestAttachmentTable {
  id: string;
  requestId: string;
  purpose: string;
  sha256: string;
  filename: string;
  mediaType: string;
  size: number;
  createdAt: string;
}

export interface NotificationTable {
  id: string;
  uniqueKey: string | null;
  agencyId: string;
  departmentId: string | null;
  userId: string | null;
  subjectType: string;
  subjectId: string;
  kind: string;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

export interface OutboxEmailTable {
  id: string;
  toAddress: string;
  subject: string;
  body: string;
  createdAt: string;
  sentAt: string | null;
  lastError: string;
}

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

export interface Database {
  agencies: AgencyTable;
  departments: DepartmentTable;
  users: UserTable;
  userRoles: UserRoleTable;
  sessions: SessionTable;
  loginAttempts: LoginAttemptTable;
  auditEvents: AuditEventTable;
  auditHead: AuditHeadTable;
  calendarDays: CalendarDayTable;
  calendarYears: CalendarYearTable;
  columns: ColumnTable;
  columnDepartments: ColumnDepartmentTable;
  columnPublicCounts: ColumnPublicCountTable;
  portalVersions: PortalVersionTable;
  items: ItemTable;
  itemVersions: ItemVersionTable;
  itemInterpretations: ItemInterpretationTable;
  attachments: AttachmentTable;
  indexCounters: IndexCounterTable;
  reviewRecords: ReviewRecordTable;
  jobs: JobTable;
  requests: RequestTable;
  requestAssignments: RequestAssignmentTable;
  requestPauses: RequestPauseTable;
  requestEvents: RequestEventTable;
  requestAttachments: RequestAttachmentTable;
  notifications: NotificationTable;
  outboxEmails: OutboxEmailTable;
  searchDocuments: SearchDocumentTable;
  redactions: RedactionTable;
  redactedCopies: RedactedCopyTable;
  privacyFindings: PrivacyFindingTable;
  sensitiveWords: SensitiveWordTable;
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
