// The staff JSON API of issued notices (告知书): a request's notices and one notice with its text.
// The letters themselves are the console's downloads (/console/notices/<id>.pdf|.docx), whose URLs
// the responses carry. The rules are the console's: a request's notices are read by those who may
// read the request (requests.get), and so is each notice of it (readNoticeForStaff).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { authorize } from '../../core/authz/authz.ts';
import { apiRoute } from '../../core/http/api.ts';
import { maskName } from '../../core/text/mask.ts';
import { hasRole, staffActor, type StaffActor } from '../accounts/index.ts';
import type { Services } from '../../services.ts';
import { NOTICE_KINDS, type IssuedNotice } from './notices.contract.ts';
import { NOTICE_KIND_LABELS } from './notice-templates.defaults.ts';
import { canReadNotices } from './notices.policy.ts';

/**
 * A notice for a staff member who may read its request: the role first (403 for the roles that
 * read no request), then the notice (404 for another agency's), then the request itself (403 for a
 * department the request is not assigned to). A notice without a request is the office's and the leaders'.
 */
export async function readNoticeForStaff(services: Services, actor: StaffActor, id: string): Promise<IssuedNotice> {
  authorize(canReadNotices(actor.user), '只有公开办、机关领导或承办单位可以查看告知书');
  const notice = await services.notices.get(actor, id);
  if (notice.requestId) await services.requests.get(actor, notice.requestId);
  else authorize(hasRole(actor.user, 'officer', 'leader'), '只有公开办或机关领导可以查看该告知书');
  return notice;
}

const idParams = z.object({ id: z.string().min(1).max(64) });

const noticeSummary = z.object({
  id: z.string(),
  kind: z.enum(NOTICE_KINDS),
  kindLabel: z.string(),
  /** 赣州自然资源公开〔2026〕12号 */
  number: z.string(),
  title: z.string(),
  /** The addressee, masked as in the console's lists (the full name is in the letter). */
  recipientMasked: z.string(),
  issuedOn: z.string(),
  requestId: z.string().nullable(),
  pdfUrl: z.string(),
  docxUrl: z.string(),
});

const noticeDetail = noticeSummary.extend({
  recipient: z.string(),
  /** The letter's text as issued, paragraphs separated by blank lines. */
  body: z.string(),
});

function summaryOf(n: IssuedNotice): z.input<typeof noticeSummary> {
  return {
    id: n.id, kind: n.kind, kindLabel: NOTICE_KIND_LABELS[n.kind], number: n.number, title: n.title, recipientMasked: maskName(n.recipient),
    issuedOn: n.issuedOn, requestId: n.requestId, pdfUrl: `/console/notices/${n.id}.pdf`, docxUrl: `/console/notices/${n.id}.docx`,
  };
}

export function registerNoticesApi(app: FastifyInstance, services: Services): void {
  apiRoute(app, {
    method: 'GET', url: '/api/v1/staff/requests/:id/notices', summary: '申请的告知书（回执、补正、延期、答复等），按出具先后', tags: ['notices', 'staff'], access: 'staff',
    params: idParams, response: z.object({ items: z.array(noticeSummary) }),
    // Whoever may read the request (its agency's office and leaders, the handling departments).
    authorize: async (request, { id }) => { await services.requests.get(staffActor(request), id); },
  }, async (_request, { params }) => ({ items: (await services.notices.listForRequest(params.id)).map(summaryOf) }));

  apiRoute(app, {
    method: 'GET', url: '/api/v1/staff/notices/:id', summary: '告知书（编号、收件人、正文；PDF 与 Word 的下载地址）', tags: ['notices', 'staff'], access: 'staff',
    params: idParams, response: noticeDetail,
    authorize: (request) => authorize(canReadNotices(staffActor(request).user), '只有公开办、机关领导或承办单位可以查看告知书'),
  }, async (request, { params }) => {
    const notice = await readNoticeForStaff(services, staffActor(request), params.id);
    return { ...summaryOf(notice), recipient: notice.recipient, body: notice.body };
  });
}
