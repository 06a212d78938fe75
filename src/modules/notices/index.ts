// What other modules may use from the notices module.
export { NOTICE_KINDS, type NoticeKind, type IssueNoticeInput, type IssuedNotice, type NoticeIssuer } from './notices.contract.ts';
export { createNoticesService, isNoticeKind, type NoticesService, type NoticeTemplateView, type RemedySettings } from './notices.service.ts';
export { CALLER_PLACEHOLDERS, NOTICE_KIND_LABELS, PLACEHOLDER_LABELS, REMEDY_KINDS } from './notice-templates.defaults.ts';
export { NOTICE_CONTENT_TYPES, type NoticeFormat } from './notice-render.ts';
export { remedySentence, formatNoticeNumber } from './remedy.ts';
export { allowedPlaceholders } from './notice-template.ts';
export { canEditNoticeTemplates, canReadNoticeTemplates } from './notices.policy.ts';
export { readNoticeForStaff, registerNoticesApi } from './notices.api.ts';
