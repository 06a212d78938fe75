// Reply file pages: the list and upload form of a request's reply files, removal, staff downloads
// of the original and of the redacted copy, the redaction page of one file with its forms (text
// marks; area marks on PDF pages and images by coordinates; taking a mark back), and its page images. Rules (who may edit, when, what the applicant gets) live in the reply files service.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { authorize } from '../../core/authz/authz.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { parseParams } from '../../core/http/api.ts';
import { sendDownload } from '../../core/http/download.ts';
import { refuseNulFields } from '../../core/http/reject-nul.ts';
import { sendPage } from '../../core/http/render.ts';
import { staffActor, type StaffActor } from '../accounts/index.ts';
import { canEditReplyFiles } from '../requests/index.ts';
import type { Services } from '../../services.ts';
import { fieldErrorsOf, parseForm, readForm } from './console.forms.ts';
import type { FieldErrorView, FormValues } from './console.layout.tsx';
import { pageContext, redirect } from './console.routes.ts';
import { fileHref, filesHref, ReplyFileRedactionPage, ReplyFilesPage } from './reply-files.pages.tsx';

const params = z.object({ id: z.string().min(1).max(64), fileId: z.string().min(1).max(64) });
const markParams = params.extend({ markId: z.string().min(1).max(64) });
const num = (label: string) => z.coerce.number({ error: `请填写${label}` }).refine(Number.isFinite, `请填写${label}`);
const areaForm = z.object({ page: z.coerce.number().int().min(1, '请选择页码'), x: num('左边距 x'), y: num('上边距 y'), width: num('宽度'), height: num('高度'), reason: z.string() });
const NOTICES: Record<string, string> = {
  uploaded: '已上传答复材料。', removed: '已删除答复材料。', redacted: '已删除所选内容，并从原件重新生成了处理后的副本。',
  area: '已删除所标注的区域，并从原件重新生成了处理后的副本。', unmarked: '已撤销该项删除，并从原件重新生成了处理后的副本。',
};
const str = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] ?? '' : v ?? '');

interface UploadForm {
  values: FormValues;
  file: { filename: string; bytes: Buffer } | null;
  errors: FieldErrorView[];
}

/** The multipart upload form: one file and the item it belongs to; an oversized file is a field error. */
async function readUpload(request: FastifyRequest): Promise<UploadForm> {
  const out: UploadForm = { values: {}, file: null, errors: [] };
  if (!request.isMultipart()) return { ...out, errors: [{ field: 'file', message: '请选择要上传的文件' }] };
  for await (const part of request.parts()) {
    if (part.type !== 'file') {
      if (part.fieldname !== '_csrf') out.values[part.fieldname] = String(part.value ?? '');
      continue;
    }
    if (part.fieldname !== 'file' || !part.filename || out.file) {
      part.file.resume();
      continue;
    }
    const bytes = await part.toBuffer().catch(() => null);
    if (!bytes || part.file.truncated) out.errors.push({ field: 'file', message: `文件“${part.filename}”过大或上传不完整` });
    else if (bytes.length) out.file = { filename: part.filename, bytes };
  }
  if (!out.file && !out.errors.length) out.errors.push({ field: 'file', message: '请选择要上传的文件' });
  refuseNulFields({ ...out.values, file: out.file?.filename });
  return out;
}

export function registerReplyFilesRoutes(app: FastifyInstance, services: Services): void {
  const { replyFiles, requests } = services;
  const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;
  const ids = (request: FastifyRequest) => parseParams(params, request.params);
  const maxUploadMb = Math.round(services.config.maxUploadBytes / 1024 / 1024);
  const doneOf = (request: FastifyRequest) => NOTICES[(request.query as { done?: string }).done ?? ''];

  async function listPage(request: FastifyRequest, reply: FastifyReply, actor: StaffActor, opts: { values?: FormValues; errors?: FieldErrorView[]; status?: number } = {}) {
    const id = idOf(request);
    const r = await requests.get(actor, id);
    const [ctx, files, view] = await Promise.all([pageContext(request, services), replyFiles.list(actor, r.id), requests.replies.get(actor, r.id)]);
    const page = ReplyFilesPage({
      ctx, r, files, items: view.items, canEdit: canEditReplyFiles(actor.user, r), maxUploadMb, values: opts.values ?? {}, errors: opts.errors ?? [],
      notice: opts.errors?.length ? undefined : doneOf(request),
    });
    return sendPage(reply, page, opts.status ?? 200);
  }

  async function redactionPage(request: FastifyRequest, reply: FastifyReply, actor: StaffActor, opts: { values?: FormValues; errors?: FieldErrorView[]; status?: number } = {}) {
    const p = ids(request);
    const r = await requests.get(actor, p.id);
    const file = (await replyFiles.list(actor, r.id)).find((f) => f.id === p.fileId);
    if (!file) throw notFound('该申请没有这个答复材料');
    const canEdit = canEditReplyFiles(actor.user, r) && file.redactable;
    const [ctx, findings, pages] = await Promise.all([
      pageContext(request, services),
      canEdit ? replyFiles.findings(actor, r.id, file.id) : Promise.resolve([]),
      replyFiles.pages(actor, r.id, file.id),
    ]);
    const page = ReplyFileRedactionPage({
      ctx, r, file, findings, pages, canEdit, values: opts.values ?? {}, errors: opts.errors ?? [], notice: opts.errors?.length ? undefined : doneOf(request),
    });
    // The checkboxes carry the detected personal data itself: keep the page out of caches.
    reply.header('cache-control', 'no-store');
    return sendPage(reply, page, opts.status ?? 200);
  }

  app.get('/console/requests/:id/files', async (request, reply) => listPage(request, reply, staffActor(request)));

  // Role before form on every POST: the request (404 for another agency's), then whether the
  // reply is the user's to work on (the handling department while drafting, the office while
  // reviewing: the service checks which state); then the upload or the form.
  const fileWorker = async (request: FastifyRequest) => {
    const actor = staffActor(request);
    // Who may change the files in the request's current state (the service's rule), before the form:
    // a refused role gets 403 whatever it sent, never a 422 about the form.
    authorize(canEditReplyFiles(actor.user, await requests.get(actor, idOf(request))), '只有承办单位（办理中）或公开办（审核中）可以处理答复材料');
    return actor;
  };

  app.post('/console/requests/:id/files', async (request, reply) => {
    const actor = await fileWorker(request);
    const id = idOf(request);
    const form = await readUpload(request);
    let errors = form.errors;
    if (form.file) {
      try {
        await replyFiles.upload(actor, id, { ...form.file, replyItemId: str(form.values.replyItemId) || null });
        return redirect(reply, `${filesHref(id)}?done=uploaded`);
      } catch (err) {
        errors = fieldErrorsOf(err, 'file', { bytes: 'file', filename: 'file' });
      }
    }
    return listPage(request, reply, actor, { values: form.values, errors, status: 422 });
  });

  app.post('/console/requests/:id/files/:fileId/delete', async (request, reply) => {
    const actor = await fileWorker(request);
    const p = ids(request);
    await replyFiles.remove(actor, p.id, p.fileId);
    return redirect(reply, `${filesHref(p.id)}?done=removed`);
  });

  app.get('/console/requests/:id/files/:fileId/download', async (request, reply) => {
    const actor = staffActor(request);
    const p = ids(request);
    const which = (request.query as { copy?: string }).copy === 'redacted' ? 'redacted' : 'original';
    reply.header('cache-control', 'private, no-store');
    return sendDownload(reply, await replyFiles.download(actor, p.id, p.fileId, which));
  });

  app.get('/console/requests/:id/files/:fileId/redact', async (request, reply) => redactionPage(request, reply, staffActor(request)));

  app.post('/console/requests/:id/files/:fileId/redact', async (request, reply) => {
    const actor = await fileWorker(request);
    const p = ids(request);
    const { values } = await readForm(request);
    const texts = [values.finding ?? []].flat().map((v) => ({ type: v.slice(0, v.indexOf(':')) || undefined, text: v.slice(v.indexOf(':') + 1) }));
    const typed = str(values.text).trim();
    if (typed) texts.push({ type: undefined, text: typed });
    try {
      await replyFiles.redact(actor, p.id, p.fileId, { texts, reason: str(values.reason) });
      return redirect(reply, `${fileHref(p.id, p.fileId)}/redact?done=redacted`);
    } catch (err) {
      // The ticked findings are not kept: their values hold the personal data itself.
      const errors = fieldErrorsOf(err, 'text', { texts: 'text' });
      return redactionPage(request, reply, actor, { values: { text: typed, reason: str(values.reason) }, errors, status: 422 });
    }
  });

  // An area by coordinates (image pixels, or PDF points on a page), each with its legal ground.
  app.post('/console/requests/:id/files/:fileId/redact/areas', async (request, reply) => {
    const actor = await fileWorker(request);
    const p = ids(request);
    // Whose turn it is (the service checks it too) before the form is looked at.
    authorize(canEditReplyFiles(actor.user, await requests.get(actor, p.id)), '只有承办单位（办理中）或公开办（审核中）可以处理答复材料');
    const { values } = await readForm(request);
    try {
      const parsed = parseForm(areaForm, values);
      if (!parsed.ok) throw new AppError(422, 'VALIDATION_FAILED', '请检查区域', parsed.errors);
      await replyFiles.addArea(actor, p.id, p.fileId, parsed.data);
      return redirect(reply, `${fileHref(p.id, p.fileId)}/redact?done=area`);
    } catch (err) {
      const kept = { page: str(values.page), x: str(values.x), y: str(values.y), width: str(values.width), height: str(values.height), reason: str(values.reason) };
      return redactionPage(request, reply, actor, { values: kept, errors: fieldErrorsOf(err, 'x', { reason: 'areaReason' }), status: 422 });
    }
  });

  app.post('/console/requests/:id/files/:fileId/redact/marks/:markId/delete', async (request, reply) => {
    const actor = await fileWorker(request);
    const p = parseParams(markParams, request.params);
    await replyFiles.removeMark(actor, p.id, p.fileId, p.markId);
    return redirect(reply, `${fileHref(p.id, p.fileId)}/redact?done=unmarked`);
  });

  app.get('/console/requests/:id/files/:fileId/pages/:n', async (request, reply) => {
    const actor = staffActor(request);
    const p = ids(request);
    const n = Number(/^(\d{1,5})\.png$/.exec((request.params as { n: string }).n)?.[1] ?? NaN);
    const which = (request.query as { copy?: string }).copy === 'redacted' ? 'redacted' : 'original';
    const png = await replyFiles.pageImage(actor, p.id, p.fileId, Number.isInteger(n) ? n : 0, which);
    return reply.type('image/png').header('cache-control', 'private, no-store').send(png);
  });
}
