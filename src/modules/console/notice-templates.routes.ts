// Notice templates and remedy settings (kept by officers and sysAdmin, read by the work roles too;
// not by the security administrator or the auditor), and the download of an issued notice as DOCX
// or PDF for those who may read its request.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { authorize } from '../../core/authz/authz.ts';
import { sendDownload } from '../../core/http/download.ts';
import { sendPage } from '../../core/http/render.ts';
import { notFound } from '../../core/errors.ts';
import type { Services } from '../../services.ts';
import { staffActor } from '../accounts/index.ts';
import { allowedPlaceholders, canEditNoticeTemplates, canReadNoticeTemplates, isNoticeKind, NOTICE_CONTENT_TYPES, NOTICE_KIND_LABELS, readNoticeForStaff, type NoticeKind } from '../notices/index.ts';
import { fieldErrorsOf, parseForm, readForm } from './console.forms.ts';
import type { FieldErrorView, FormValues } from './console.layout.tsx';
import { NoticeTemplatePage, NoticeTemplatesPage } from './notice-templates.pages.tsx';
import { pageContext, redirect } from './console.routes.ts';

const templateForm = z.object({
  action: z.enum(['save', 'preview', 'reset']).default('save'),
  title: z.string().default(''),
  body: z.string().default(''),
});
const remedyForm = z.object({ reconsiderationBody: z.string().max(100, '不超过100个字').default(''), litigationCourt: z.string().max(100, '不超过100个字').default('') });
const kindParams = z.object({ kind: z.string() });

/** Role before anything else (notices.policy). */
function requireTemplateReader(request: FastifyRequest): void {
  authorize(canReadNoticeTemplates(staffActor(request).user), '安全管理员和安全审计员不查看告知书模板');
}

function kindOf(params: unknown): NoticeKind {
  const kind = kindParams.safeParse(params);
  if (!kind.success || !isNoticeKind(kind.data.kind)) throw notFound('未找到该告知书模板');
  return kind.data.kind;
}

export function registerNoticeTemplatesRoutes(app: FastifyInstance, services: Services): void {
  async function listPage(request: FastifyRequest, values: FormValues, errors: FieldErrorView[], notice?: string) {
    const actor = staffActor(request);
    const [ctx, templates, remedy] = await Promise.all([pageContext(request, services), services.notices.templates.list(actor), services.notices.remedy.get(actor)]);
    const formValues = Object.keys(values).length ? values : { reconsiderationBody: remedy.reconsiderationBody, litigationCourt: remedy.litigationCourt };
    return NoticeTemplatesPage({ ctx, templates, remedy, canEdit: canEditNoticeTemplates(actor.user), values: formValues, errors, notice });
  }

  async function editPage(request: FastifyRequest, kind: NoticeKind, values: FormValues, errors: FieldErrorView[], notice?: string) {
    const actor = staffActor(request);
    const [ctx, template] = await Promise.all([pageContext(request, services), services.notices.templates.get(actor, kind)]);
    const draft = Object.keys(values).length ? { title: String(values.title ?? ''), body: String(values.body ?? '') } : undefined;
    let preview = null;
    if (errors.length === 0) {
      try {
        preview = (await services.notices.templates.preview(actor, kind, draft)).letter;
      } catch (err) {
        errors = fieldErrorsOf(err, 'body');
      }
    }
    const formValues = draft ?? { title: template.title, body: template.body };
    return NoticeTemplatePage({ ctx, kind, template, placeholders: allowedPlaceholders(kind), canEdit: canEditNoticeTemplates(actor.user), values: formValues, errors, preview, notice });
  }

  app.get('/console/notices/templates', async (request, reply) => {
    requireTemplateReader(request);
    const q = z.object({ saved: z.string().optional() }).safeParse(request.query);
    return sendPage(reply, await listPage(request, {}, [], q.success && q.data.saved ? '已保存救济途径。' : undefined));
  });

  app.post('/console/notices/remedy', async (request, reply) => {
    const actor = staffActor(request);
    authorize(canEditNoticeTemplates(actor.user));
    const { values } = await readForm(request);
    const parsed = parseForm(remedyForm, values);
    let errors = parsed.ok ? [] : parsed.errors;
    if (parsed.ok) {
      try {
        await services.notices.remedy.update(actor, parsed.data);
        return redirect(reply, '/console/notices/templates?saved=1');
      } catch (err) {
        errors = fieldErrorsOf(err, 'reconsiderationBody');
      }
    }
    return sendPage(reply, await listPage(request, values, errors), 422);
  });

  app.get('/console/notices/templates/:kind', async (request, reply) => {
    requireTemplateReader(request);
    const kind = kindOf(request.params);
    const q = z.object({ saved: z.string().optional() }).safeParse(request.query);
    return sendPage(reply, await editPage(request, kind, {}, [], q.success && q.data.saved ? `已保存“${NOTICE_KIND_LABELS[kind]}”模板。` : undefined));
  });

  app.post('/console/notices/templates/:kind', async (request, reply) => {
    const kind = kindOf(request.params);
    const actor = staffActor(request);
    authorize(canEditNoticeTemplates(actor.user));
    const { values } = await readForm(request);
    const parsed = parseForm(templateForm, values);
    if (!parsed.ok) return sendPage(reply, await editPage(request, kind, values, parsed.errors), 422);
    const { action, title, body } = parsed.data;
    if (action === 'preview') return sendPage(reply, await editPage(request, kind, { title, body }, []));
    try {
      if (action === 'reset') await services.notices.templates.reset(actor, kind);
      else await services.notices.templates.update(actor, kind, { title, body });
      return redirect(reply, `/console/notices/templates/${kind}?saved=1`);
    } catch (err) {
      return sendPage(reply, await editPage(request, kind, { title, body }, fieldErrorsOf(err, 'body')), 422);
    }
  });

  app.get('/console/notices/templates/:kind/preview.:format', async (request, reply) => {
    requireTemplateReader(request);
    const kind = kindOf(request.params);
    const format = z.object({ format: z.enum(['pdf', 'docx']) }).safeParse(request.params);
    if (!format.success) throw notFound();
    const preview = await services.notices.templates.preview(staffActor(request), kind);
    const bytes = await preview.render(format.data.format);
    return sendDownload(reply, { filename: `${preview.letter.title}（样稿）.${format.data.format}`, mediaType: NOTICE_CONTENT_TYPES[format.data.format], bytes });
  });

  // An issued notice for staff of its agency: /console/notices/<id>.pdf or .docx.
  app.get('/console/notices/:file', async (request, reply) => {
    const file = z.object({ file: z.string().regex(/^[0-9A-Za-z]{10,40}\.(pdf|docx)$/) }).safeParse(request.params);
    if (!file.success) throw notFound();
    const [id, format] = file.data.file.split('.') as [string, 'pdf' | 'docx'];
    const notice = await readNoticeForStaff(services, staffActor(request), id);
    const bytes = await services.notices.render(notice.id, format);
    return sendDownload(reply, { filename: `${notice.title}（${notice.number}）.${format}`, mediaType: NOTICE_CONTENT_TYPES[format], bytes });
  });
}
