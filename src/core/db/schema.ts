// Row types of every table, in the glossary's names (CamelCasePlugin maps them to snake_case
// columns). Booleans are stored as 0/1 integers and instants as UTC ISO strings so that SQLite
// and PostgreSQL behave the same.
// The row types live in one file per area (schema.<area>.ts); this file assembles the Database.
import type { AgencyTable, DepartmentTable, UserTable, UserRoleTable, SessionTable, LoginAttemptTable } from './schema.accounts.ts';
import type { AuditEventTable, AuditHeadTable, CalendarDayTable, CalendarYearTable, JobTable } from './schema.platform.ts';
import type { ColumnPublicCountTable, PortalVersionTable, ColumnTable, ColumnDepartmentTable, ItemTable, ItemVersionTable, ItemInterpretationTable, AttachmentTable, IndexCounterTable, ReviewRecordTable, SearchDocumentTable } from './schema.catalog.ts';
import type { RequestTable, RequestAssignmentTable, RequestPauseTable, RequestEventTable, RequestAttachmentTable, NotificationTable, OutboxEmailTable } from './schema.requests.ts';
import type { ReplyItemTable, RequestChallengeTable } from './schema.replies.ts';
import type { ReplyFileTable, ReplyFileRedactionTable, ReplyDeliveryTable } from './schema.reply-files.ts';
import type { NoticeTemplateTable, NoticeCounterTable, NoticeTable } from './schema.notices.ts';
import type { RequestReplyTable } from './schema.reply-drafts.ts';
import type { RequestFeeTable } from './schema.fees.ts';
import type { WithholdingFilingTable, WithholdingFilingRowTable } from './schema.filings.ts';
import type { RedactionTable, RedactedCopyTable, PrivacyFindingTable, SensitiveWordTable } from './schema.privacy.ts';
import type { AssessmentRuleTable } from './schema.assessment.ts';
import type { AnnualReportTable } from './schema.reports.ts';
import type { ReleaseCoordinationTable, ItemClarificationTable, ReadingRoomProvisionTable } from './schema.office-records.ts';
import type { MessageTable } from './schema.participation.ts';

export type * from './schema.accounts.ts';
export type * from './schema.platform.ts';
export type * from './schema.catalog.ts';
export type * from './schema.requests.ts';
export type * from './schema.privacy.ts';
export type * from './schema.assessment.ts';
export type * from './schema.reports.ts';
export type * from './schema.office-records.ts';
export type * from './schema.participation.ts';
export type * from './schema.replies.ts';
export type * from './schema.reply-files.ts';
export type * from './schema.fees.ts';
export type * from './schema.filings.ts';
export type * from './schema.notices.ts';
export type * from './schema.reply-drafts.ts';

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
  replyItems: ReplyItemTable;
  requestChallenges: RequestChallengeTable;
  replyFiles: ReplyFileTable;
  replyFileRedactions: ReplyFileRedactionTable;
  replyDeliveries: ReplyDeliveryTable;
  requestFees: RequestFeeTable;
  withholdingFilings: WithholdingFilingTable;
  withholdingFilingRows: WithholdingFilingRowTable;
  noticeTemplates: NoticeTemplateTable;
  noticeCounters: NoticeCounterTable;
  notices: NoticeTable;
  requestReplies: RequestReplyTable;
  assessmentRules: AssessmentRuleTable;
  annualReports: AnnualReportTable;
  releaseCoordinations: ReleaseCoordinationTable;
  itemClarifications: ItemClarificationTable;
  readingRoomProvisions: ReadingRoomProvisionTable;
  messages: MessageTable;
}
