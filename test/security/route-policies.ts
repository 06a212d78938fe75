// The declared authorisation policy of every route, keyed by "METHOD url" exactly as the route
// table lists it. The matrix test (authz-matrix.test.ts) fails for a route missing here, so a new
// route cannot ship without someone deciding who may call it.
//   who: 'public' (anyone, no sign-in), or the roles that can act on the matrix's records (SIGNED_IN:
//        any staff). Exactly those: a role the service would refuse is left out, so the matrix
//        expects 403/404 from it (the handler checks the role before it reads the form).
//   form: fields the matrix posts, where the handler reads the verb from its form (so an allowed
//        role gets past the verb to the role and state checks).
//   state: an allowed role may still be refused by the record's state (409): a verb or an edit is
//        allowed only in some states, and the matrix's records are in one. Never for refused roles.
//   department: the roles of a handling department that use the route on a request (or message)
//        assigned (routed) to their own department. The matrix's own request and message are assigned
//        to none, so these roles are refused there; a second check runs the route on one assigned to
//        the planning department, where they sit (allowed), and on one assigned to another (refused).
// Every handler checks the role (and the record's agency) before it reads the submitted form,
// JSON or upload: a refused role gets 403/404 whatever it sent, never a 400/422 about the form.
// Records of another agency must answer 404 (requireSameAgency); routes naming a record kind
// the harness creates in both agencies are checked with both agencies' ids.
import type { RoleKey } from './security-harness.ts';

export interface RoutePolicy {
  who: 'public' | readonly RoleKey[];
  form?: Readonly<Record<string, string>>;
  state?: true;
  department?: readonly RoleKey[];
  /** The form of the handling-department check, where it differs from `form` (a department's verb). */
  departmentForm?: Readonly<Record<string, string>>;
}

const SIGNED_IN: readonly RoleKey[] = [
  'drafter', 'departmentHead', 'confidentialityReviewer', 'leader', 'principalLeader', 'officer', 'sysAdmin', 'securityAdmin', 'auditor',
];
/** The work roles (三员分立: the three administrators handle no content). */
const WORK: readonly RoleKey[] = ['drafter', 'departmentHead', 'confidentialityReviewer', 'leader', 'principalLeader', 'officer'];
/** The disclosure office and the leaders: the register of requests (requests.policy). */
const REGISTER: readonly RoleKey[] = ['leader', 'principalLeader', 'officer'];
/** Release coordination and clarifications: the office and the item's own department. */
const ITEM_OFFICE: readonly RoleKey[] = ['drafter', 'departmentHead', 'officer'];
/** The office alone: charges, extensions, splits, challenges, filings, the annual report. */
const OFFICE: readonly RoleKey[] = ['officer'];
/**
 * Acting on a request and its reply (request.workflow): the office's verbs; a handling
 * department's drafters and heads act too, but only on requests assigned to them, and the matrix's
 * request is not assigned to any department, so they are refused there (403) like everyone else.
 */
const REQUEST_OFFICE: readonly RoleKey[] = ['officer'];
/** Leaders (the principal leader is one) decide fee waivers. */
const LEADERS: readonly RoleKey[] = ['leader', 'principalLeader'];
/**
 * Redaction of an item's attachment: the confidentiality reviewer during 保密审查, the office during
 * its check (redaction.policy). The matrix's attachment is on an item in 保密审查.
 */
const REDACTORS: readonly RoleKey[] = ['confidentialityReviewer'];
/**
 * A reply file of a request being drafted by the planning department (reply-files.service): the
 * department (drafter, head) changes it, the office and the leaders only read it until it is submitted.
 */
const REPLY_DEPARTMENT: readonly RoleKey[] = ['drafter', 'departmentHead'];
const REPLY_DEPARTMENT_READ: readonly RoleKey[] = ['drafter', 'departmentHead', ...REGISTER];
/** A handling department's members: they read and act on the requests and messages assigned to it. */
const HANDLING: readonly RoleKey[] = ['drafter', 'departmentHead'];
/** The matrix's notice is of a request answered by the planning department: its members read it too. */
const NOTICE_READERS: readonly RoleKey[] = [...HANDLING, ...REGISTER];
/** Notice templates: the office and the system administrator keep them, the work roles read them (notices.policy). */
const TEMPLATE_READERS: readonly RoleKey[] = [...WORK, 'sysAdmin'];
/** The matrix's notification (a tamper alert's) is addressed to the disclosure office's members. */
const OFFICE_DEPARTMENT: readonly RoleKey[] = ['confidentialityReviewer', 'officer'];

export const ROUTE_POLICIES: Record<string, RoutePolicy> = {
  'GET /healthz': { who: 'public' },
  'GET /readyz': { who: 'public' },
  'GET /metrics': { who: 'public' },
  'GET /api/v1/items': { who: 'public' },
  'GET /api/v1/items/:id': { who: 'public' },
  'GET /api/v1/attachments/:id': { who: 'public' },
  'GET /api/v1/columns': { who: 'public' },
  'GET /api/v1/staff/items': { who: WORK },
  'GET /api/v1/staff/items/:id': { who: WORK },
  'GET /api/v1/staff/attachments/:id': { who: WORK },
  'GET /api/v1/staff/columns': { who: WORK },
  'GET /api/v1/staff/queue': { who: WORK },
  'GET /api/v1/staff/items/:id/review-records': { who: WORK },
  'GET /api/v1/staff/requests': { who: REGISTER },
  'GET /api/v1/staff/requests/queue': { who: HANDLING },
  'GET /api/v1/staff/requests/supervision': { who: REGISTER },
  'GET /api/v1/staff/requests/:id': { who: REGISTER, department: HANDLING },
  'GET /api/v1/staff/notifications': { who: WORK },
  'GET /api/v1/staff/requests/:id/notices': { who: REGISTER, department: HANDLING },
  'GET /api/v1/staff/notices/:id': { who: NOTICE_READERS },
  'GET /api/v1/staff/challenges': { who: REGISTER },
  'GET /api/v1/staff/requests/:id/challenges': { who: REGISTER },
  'GET /api/v1/staff/filings': { who: ['confidentialityReviewer', 'officer'] },
  'GET /api/v1/staff/filings/:id': { who: ['confidentialityReviewer', 'officer'] },
  'GET /api/v1/staff/reports/annual/:year/figures': { who: ['departmentHead', 'leader', 'principalLeader', 'officer'] },
  'GET /prefs': { who: 'public' },
  'GET /': { who: 'public' },
  'GET /catalog': { who: 'public' },
  'GET /columns/:id': { who: 'public' },
  'GET /items/:id': { who: 'public' },
  'GET /items/:id/print': { who: 'public' },
  'GET /guide': { who: 'public' },
  'GET /reports': { who: 'public' },
  'GET /search': { who: 'public' },
  'GET /attachments/:id': { who: 'public' },
  'GET /apply': { who: 'public' },
  'GET /apply/receipt/:trackingCode': { who: 'public' },
  'GET /track': { who: 'public' },
  'GET /track/files/*': { who: 'public' },
  'GET /interact': { who: 'public' },
  'GET /interact/consult/new': { who: 'public' },
  'GET /interact/mailbox/new': { who: 'public' },
  'GET /interact/receipt/:trackingCode': { who: 'public' },
  'GET /interact/track': { who: 'public' },
  'GET /interact/answers': { who: 'public' },
  'GET /interact/answers/:id': { who: 'public' },
  'GET /columns/:id/rss.xml': { who: 'public' },
  'GET /columns/:id/atom.xml': { who: 'public' },
  'GET /feeds/columns/:file': { who: 'public' },
  'GET /sitemap.xml': { who: 'public' },
  'GET /sitemaps/:file': { who: 'public' },
  'GET /robots.txt': { who: 'public' },
  'GET /qr.svg': { who: 'public' },
  'GET /api/openapi.json': { who: 'public' },
  'GET /api/v1/requests/track': { who: 'public' },
  'GET /console/login': { who: 'public' },
  'GET /console/password': { who: SIGNED_IN },
  'GET /console/users': { who: ['sysAdmin', 'securityAdmin'] },
  'GET /console/account': { who: SIGNED_IN },
  'GET /console/security': { who: ['securityAdmin'] },
  'GET /console/security/users/:id': { who: ['securityAdmin'] },
  'GET /console/audit': { who: ['auditor'] },
  'GET /console/audit/export.csv': { who: ['auditor'] },
  'GET /console/audit/export.xlsx': { who: ['auditor'] },
  'GET /console/calendar': { who: ['sysAdmin'] },
  'GET /console': { who: SIGNED_IN },
  'GET /console/items': { who: WORK },
  'GET /console/items/new': { who: ['drafter', 'officer'] },
  'GET /console/items/:id/edit': { who: ['drafter', 'officer'] },
  'GET /console/attachments/:attachmentId': { who: WORK },
  'GET /console/items/:id': { who: WORK },
  'GET /console/items/:id/revise': { who: ['officer'] },
  'GET /console/items/:id/review-records': { who: WORK },
  'GET /console/columns': { who: ['officer'] },
  'GET /console/columns/:id/edit': { who: ['officer'] },
  'GET /console/requests': { who: REGISTER },
  'GET /console/requests/export.csv': { who: REGISTER },
  'GET /console/requests/export.xlsx': { who: REGISTER },
  'GET /console/requests/new': { who: ['officer'] },
  'GET /console/requests/queue': { who: ['drafter', 'departmentHead'] },
  'GET /console/requests/supervision': { who: REGISTER },
  'GET /console/inbox': { who: WORK },
  'GET /console/requests/:id': { who: REGISTER, department: HANDLING },
  'GET /console/requests/:id/attachments/:attachmentId': { who: REGISTER },
  'GET /console/requests/:id/fee': { who: REGISTER },
  'GET /console/requests/:id/challenges': { who: REGISTER },
  'GET /console/challenges': { who: REGISTER },
  'GET /console/filings': { who: ['confidentialityReviewer', 'officer'] },
  'GET /console/filings/:id': { who: ['confidentialityReviewer', 'officer'] },
  'GET /console/filings/:id/export.:format': { who: ['confidentialityReviewer', 'officer'] },
  'GET /console/requests/:id/reply': { who: REGISTER, department: HANDLING },
  'GET /console/requests/:id/files': { who: REPLY_DEPARTMENT_READ, department: HANDLING },
  'GET /console/requests/:id/files/:fileId/download': { who: REPLY_DEPARTMENT_READ },
  'GET /console/requests/:id/files/:fileId/redact': { who: REPLY_DEPARTMENT_READ },
  'GET /console/requests/:id/files/:fileId/pages/:n': { who: REPLY_DEPARTMENT_READ },
  'GET /console/items/:id/attachments/:attachmentId/redact': { who: WORK },
  'GET /console/items/:id/attachments/:attachmentId/pages/:n': { who: WORK },
  'GET /console/items/:id/redactions': { who: WORK },
  'GET /console/lexicon': { who: ['sysAdmin'] },
  'GET /console/dashboard': { who: REGISTER },
  'GET /console/assessment': { who: REGISTER },
  'GET /console/assessment.xlsx': { who: REGISTER },
  'GET /console/freshness': { who: ['drafter', 'departmentHead', 'leader', 'principalLeader', 'officer'] },
  'GET /console/tamper': { who: REGISTER },
  'GET /console/reports/rollup': { who: ['departmentHead', 'leader', 'principalLeader', 'officer'] },
  'GET /console/reports/rollup.xlsx': { who: ['departmentHead', 'leader', 'principalLeader', 'officer'] },
  'GET /console/reports': { who: REGISTER },
  'GET /console/reports/:id': { who: REGISTER },
  'GET /console/reports/:id/download.:format': { who: REGISTER },
  'GET /console/notices/templates': { who: TEMPLATE_READERS },
  'GET /console/notices/templates/:kind': { who: TEMPLATE_READERS },
  'GET /console/notices/templates/:kind/preview.:format': { who: TEMPLATE_READERS },
  'GET /console/notices/:file': { who: NOTICE_READERS },
  'GET /console/messages': { who: ['drafter', 'departmentHead', 'leader', 'principalLeader', 'officer'] },
  // The matrix's message is a consultation not yet routed to a department: the office and the leaders.
  'GET /console/messages/:id': { who: REGISTER, department: HANDLING },
  // 三员分立: the checklist names items and staff, for the office and the leaders; the system
  // administrator keeps the room list (configuration) on its own page.
  'GET /console/reading-rooms': { who: REGISTER },
  'GET /console/reading-rooms/rooms': { who: ['officer', 'sysAdmin'] },
  'GET /console/items/:id/coordination': { who: WORK },
  'GET /console/coordination/:id/letter.docx': { who: WORK },
  'GET /console/coordination/:id/letter': { who: WORK },
  'POST /api/v1/staff/items': { who: ['drafter', 'officer'] },
  'PUT /api/v1/staff/items/:id': { who: ['drafter', 'officer'] },
  'POST /api/v1/staff/items/:id/revise': { who: ['officer'] },
  'POST /api/v1/staff/items/:id/repeal': { who: ['officer'] },
  'POST /api/v1/staff/items/:id/attachments': { who: ['drafter', 'officer'] },
  'DELETE /api/v1/staff/items/:id/attachments/:attachmentId': { who: ['officer'] },
  'POST /api/v1/staff/word-import': { who: ['drafter', 'officer'] },
  'POST /api/v1/staff/columns': { who: ['officer'] },
  'PUT /api/v1/staff/columns/:id': { who: ['officer'] },
  // The matrix's verb is submit, a drafter's (review.workflow); its item is published already: 409.
  'POST /api/v1/staff/items/:id/actions/:verb': { who: ['drafter'], state: true },
  'POST /api/v1/staff/requests': { who: ['officer'] },
  'POST /api/v1/staff/requests/:id/actions/:verb': { who: ['officer'], department: HANDLING, departmentForm: { verb: 'submitReply' } },
  'POST /api/v1/staff/requests/:id/extension': { who: ['officer'] },
  'POST /api/v1/staff/requests/:id/split': { who: ['officer'] },
  'POST /api/v1/staff/requests/:id/id-number': { who: ['officer'] },
  'POST /api/v1/staff/notifications/:id/read': { who: OFFICE_DEPARTMENT },
  'POST /api/v1/staff/requests/:id/challenges': { who: ['officer'] },
  'POST /api/v1/staff/requests/:id/challenges/:challengeId/decision': { who: ['officer'] },
  'POST /api/v1/staff/filings': { who: ['officer'] },
  'POST /api/v1/staff/filings/:id/rows/:rowId': { who: ['confidentialityReviewer', 'officer'] },
  'POST /api/v1/staff/filings/:id/filed': { who: ['officer'] },
  'POST /console/login': { who: 'public' },
  // The second step of a login with TOTP: the pending sign-in, not a session, authorises it.
  'POST /console/login/totp': { who: 'public' },
  'POST /console/password': { who: SIGNED_IN },
  'POST /console/users': { who: ['sysAdmin', 'securityAdmin'] },
  'POST /console/users/:id/active': { who: ['sysAdmin', 'securityAdmin'], form: { active: '1' } },
  'POST /console/tamper/check': { who: REGISTER },
  'POST /console/tamper/:id/resolve': { who: REGISTER },
  // The matrix's item was fingerprinted when published: it has no baseline waiting (409).
  'POST /console/tamper/baselines/:itemId/confirm': { who: REGISTER, state: true },
  'POST /console/account/totp': { who: SIGNED_IN },
  'POST /console/account/totp/confirm': { who: SIGNED_IN },
  'POST /console/security/users/:id/roles': { who: ['securityAdmin'] },
  'POST /console/security/users/:id/unlock': { who: ['securityAdmin'] },
  'POST /console/security/users/:id/password': { who: ['securityAdmin'] },
  'POST /console/security/users/:id/totp-reset': { who: ['securityAdmin'] },
  'POST /console/security/sessions/revoke': { who: ['securityAdmin'] },
  'POST /console/calendar': { who: ['sysAdmin'] },
  'POST /console/items/new': { who: ['drafter', 'officer'] },
  'POST /console/items/:id/edit': { who: ['drafter', 'officer'] },
  'POST /console/items/:id/attachments': { who: ['drafter', 'officer'] },
  'POST /console/items/:id/attachments/:attachmentId/delete': { who: ['officer'] },
  'POST /console/items/:id/act': { who: ['drafter'], form: { verb: 'submit' }, state: true },
  'POST /console/items/:id/clarification': { who: ITEM_OFFICE },
  'POST /console/items/:id/repeal': { who: ['officer'] },
  'POST /console/items/:id/revise': { who: ['officer'] },
  'POST /console/columns': { who: ['officer'] },
  'POST /console/columns/:id/edit': { who: ['officer'] },
  'POST /console/requests/new': { who: ['officer'] },
  'POST /console/inbox/:id/read': { who: OFFICE_DEPARTMENT },
  'POST /console/requests/:id/act': { who: REQUEST_OFFICE, form: { verb: 'requestCorrection' }, department: HANDLING, departmentForm: { verb: 'submitReply' } },
  'POST /console/requests/:id/extend': { who: OFFICE },
  'POST /console/requests/:id/split': { who: OFFICE },
  'POST /console/requests/:id/reveal': { who: ['officer'] },
  'POST /console/requests/:id/fee/notice': { who: OFFICE },
  'POST /console/requests/:id/fee/payment': { who: OFFICE },
  'POST /console/requests/:id/fee/close': { who: OFFICE },
  'POST /console/requests/:id/fee/waiver': { who: OFFICE },
  'POST /console/requests/:id/fee/waiver-decision': { who: LEADERS },
  'POST /console/requests/:id/challenges': { who: OFFICE },
  'POST /console/requests/:id/challenges/:challengeId/decide': { who: OFFICE },
  'POST /console/filings': { who: OFFICE },
  'POST /console/filings/:id/rows/:rowId': { who: ['confidentialityReviewer', 'officer'] },
  'POST /console/filings/:id/filed': { who: OFFICE },
  'POST /console/requests/:id/reply': { who: REQUEST_OFFICE, department: HANDLING },
  'POST /console/requests/:id/reply/act': { who: REQUEST_OFFICE, form: { verb: 'approve' }, department: HANDLING, departmentForm: { verb: 'submitReply' } },
  'POST /console/requests/:id/files': { who: REPLY_DEPARTMENT, department: HANDLING },
  'POST /console/requests/:id/files/:fileId/delete': { who: REPLY_DEPARTMENT },
  // A typed text mark the file holds (each allowed role adds it; the copy is made again each time).
  'POST /console/requests/:id/files/:fileId/redact': { who: REPLY_DEPARTMENT, form: { text: 'Compensation plan', reason: 'thirdPartyRights' } },
  'POST /console/requests/:id/files/:fileId/redact/areas': { who: REPLY_DEPARTMENT },
  'POST /console/requests/:id/files/:fileId/redact/marks/:markId/delete': { who: REPLY_DEPARTMENT },
  'POST /console/items/:id/attachments/:attachmentId/redact/areas': { who: REDACTORS },
  'POST /console/items/:id/attachments/:attachmentId/redact/accept': { who: REDACTORS },
  'POST /console/items/:id/attachments/:attachmentId/redact/areas/:areaId/delete': { who: REDACTORS },
  'POST /console/items/:id/attachments/:attachmentId/redact/apply': { who: REDACTORS },
  'POST /console/items/:id/findings/:findingId': { who: ['confidentialityReviewer'], form: { decision: 'masked' } },
  'POST /console/lexicon': { who: ['sysAdmin'] },
  'POST /console/lexicon/:wordId/remove': { who: ['sysAdmin'] },
  'POST /console/assessment/rule': { who: ['officer'] },
  'POST /console/reports': { who: OFFICE },
  'POST /console/reports/:id/narrative': { who: OFFICE },
  'POST /console/reports/:id/manual': { who: OFFICE },
  'POST /console/reports/:id/submit': { who: OFFICE },
  'POST /console/notices/remedy': { who: ['officer', 'sysAdmin'] },
  'POST /console/notices/templates/:kind': { who: ['officer', 'sysAdmin'] },
  'POST /console/messages/:id/route': { who: ['officer'] },
  // The office answers directly; a department drafts the answers routed to it (participation.policy),
  // and the matrix's message is routed to none.
  'POST /console/messages/:id/draft': { who: ['officer'], department: HANDLING },
  'POST /console/messages/:id/approve': { who: ['officer'] },
  'POST /console/messages/:id/return': { who: ['officer'] },
  'POST /console/messages/:id/invalid': { who: ['officer'] },
  'POST /console/reading-rooms/provided': { who: ['officer'] },
  'POST /console/reading-rooms/rooms': { who: ['officer', 'sysAdmin'] },
  'POST /console/items/:id/coordination': { who: ITEM_OFFICE },
  'POST /console/coordination/:id/outcome': { who: ITEM_OFFICE },
  'POST /console/logout': { who: SIGNED_IN },
  'POST /apply': { who: 'public' },
  'POST /track': { who: 'public' },
  'POST /interact/consult/new': { who: 'public' },
  'POST /interact/mailbox/new': { who: 'public' },
  'POST /interact/track': { who: 'public' },
  'POST /api/v1/requests': { who: 'public' },
};
