// Item list, editor (new draft, edit draft) with Word import, and attachments.
import { sendDownload } from '../../core/http/download.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authorize } from '../../core/authz/authz.ts';
import { sendPage } from '../../core/http/render.ts';
import { staffActor, type StaffActor } from '../accounts/index.ts';
import type { ItemDetail } from '../catalog/catalog.contract.ts';
import { fieldErrorsOf, parseForm, readForm, type UploadedFile } from './console.forms.ts';
import type { FieldErrorView, FormValues } from './console.layout.tsx';
import { canDraftItems, canEditDraft, canSeeItems } from './console.policy.ts';
import { pageContext, redirect } from './console.routes.ts';
import { itemForm, listQuery } from './console.schemas.ts';
import type { Services } from '../../services.ts';
import { ItemEditorPage, ItemsListPage, type EditorMode } from './items.pages.tsx';

const NOTICES: Record<string, string> = {
  imported: '已从 Word 文档导入标题和正文，请核对后保存。',
  uploaded: '附件已上传。',
  removed: '附件已删除。',
};

export function itemValues(item: ItemDetail): FormValues {
  return {
    columnId: item.columnId, title: item.title, docNumber: item.docNumber, issuers: item.issuers.join('\n'), writtenOn: item.writtenOn ?? '',
    topic: item.topic, summary: item.summary, bodyHtml: item.bodyHtml, disclosureMode: item.disclosureMode,
    disclosureModeReason: item.disclosureModeReason, scope: item.scope, validity: item.validity, isMajor: item.isMajor ? '1' : undefined,
    interpretsItemIds: item.interprets.map((i) => i.id),
  };
}

export function registerItemsRoutes(app: FastifyInstance, services: Services): void {
  const { catalog } = services;

  async function editor(request: FastifyRequest, actor: StaffActor, mode: EditorMode, values: FormValues, errors: FieldErrorView[], notice?: string) {
    const [ctx, columns, policies] = await Promise.all([
      pageContext(request, services),
      catalog.columnTree(actor.user.agencyId),
      catalog.listForStaff(actor, { status: 'published', page: 1, pageSize: 100 }),
    ]);
    const policyItems = policies.items.filter((i) => mode.kind === 'new' || i.id !== mode.itemId);
    return ItemEditorPage({ ctx, mode, columns, policyItems, values, errors, notice });
  }

  /** Word import fills title and body and keeps everything else typed. */
  async function importWord(actor: StaffActor, values: FormValues, files: UploadedFile[]): Promise<FieldErrorView[]> {
    const file = files.find((f) => f.field === 'wordFile');
    if (!file) return [{ field: 'wordFile', message: '请选择要导入的 Word 文档（.docx）' }];
    try {
      const imported = await catalog.importWord(actor, file.bytes);
      if (imported.title) values.title = imported.title;
      values.bodyHtml = imported.bodyHtml;
      return [];
    } catch (err) {
      return fieldErrorsOf(err, 'wordFile', { bytes: 'wordFile', file: 'wordFile' });
    }
  }

  app.get('/console/items', async (request, reply) => {
    const actor = staffActor(request);
    authorize(canSeeItems(actor.user));
    const q = listQuery.parse(request.query);
    const [ctx, page, columns] = await Promise.all([
      pageContext(request, services),
      catalog.listForStaff(actor, { ...q, pageSize: 20 }),
      catalog.columnTree(actor.user.agencyId),
    ]);
    return sendPage(reply, ItemsListPage({ ctx, page, columns, filters: { status: q.status, columnId: q.columnId, q: q.q }, canDraft: canDraftItems(actor.user) }));
  });

  app.get('/console/items/new', async (request, reply) => {
    const actor = staffActor(request);
    authorize(canDraftItems(actor.user));
    const defaults = { disclosureMode: 'proactive', scope: 'public', validity: 'inForce' };
    return sendPage(reply, await editor(request, actor, { kind: 'new' }, defaults, []));
  });

  app.post('/console/items/new', async (request, reply) => {
    const actor = staffActor(request);
    authorize(canDraftItems(actor.user));
    const { values, files } = await readForm(request);
    if (values.intent === 'import') {
      const errors = await importWord(actor, values, files);
      return sendPage(reply, await editor(request, actor, { kind: 'new' }, values, errors, errors.length ? undefined : NOTICES.imported), errors.length ? 422 : 200);
    }
    const parsed = parseForm(itemForm, values);
    let errors = parsed.ok ? [] : parsed.errors;
    if (parsed.ok) {
      try {
        const item = await catalog.createDraft(actor, parsed.data);
        return redirect(reply, `/console/items/${item.id}?done=created`);
      } catch (err) {
        errors = fieldErrorsOf(err, 'title');
      }
    }
    return sendPage(reply, await editor(request, actor, { kind: 'new' }, values, errors), 422);
  });

  async function editable(actor: StaffActor, id: string): Promise<{ item: ItemDetail; mode: EditorMode & { kind: 'edit' } }> {
    const item = await catalog.getForStaff(actor, id);
    authorize(canEditDraft(actor.user, item), '只有草稿可以编辑；已发布的信息请使用“修订”。');
    const maxUploadMb = Math.round(services.config.maxUploadBytes / 1024 / 1024);
    return { item, mode: { kind: 'edit', itemId: id, attachments: item.attachments, maxUploadMb } };
  }

  app.get('/console/items/:id/edit', async (request, reply) => {
    const actor = staffActor(request);
    const { id } = request.params as { id: string };
    const { item, mode } = await editable(actor, id);
    const done = (request.query as { done?: string }).done;
    return sendPage(reply, await editor(request, actor, mode, itemValues(item), [], done ? NOTICES[done] : undefined));
  });

  app.post('/console/items/:id/edit', async (request, reply) => {
    const actor = staffActor(request);
    const { id } = request.params as { id: string };
    const { mode } = await editable(actor, id);
    const { values, files } = await readForm(request);
    if (values.intent === 'import') {
      const errors = await importWord(actor, values, files);
      return sendPage(reply, await editor(request, actor, mode, values, errors, errors.length ? undefined : NOTICES.imported), errors.length ? 422 : 200);
    }
    const parsed = parseForm(itemForm, values);
    let errors = parsed.ok ? [] : parsed.errors;
    if (parsed.ok) {
      try {
        await catalog.updateDraft(actor, id, parsed.data);
        return redirect(reply, `/console/items/${id}?done=saved`);
      } catch (err) {
        errors = fieldErrorsOf(err, 'title');
      }
    }
    return sendPage(reply, await editor(request, actor, mode, values, errors), 422);
  });

  app.post('/console/items/:id/attachments', async (request, reply) => {
    const actor = staffActor(request);
    const { id } = request.params as { id: string };
    const { mode } = await editable(actor, id);
    const { files } = await readForm(request);
    const uploads = files.filter((f) => f.field === 'file');
    let errors: FieldErrorView[] = uploads.length ? [] : [{ field: 'file', message: '请选择要上传的文件' }];
    for (const file of uploads) {
      try {
        await catalog.addAttachment(actor, id, { filename: file.filename, bytes: file.bytes });
      } catch (err) {
        errors = fieldErrorsOf(err, 'file', { filename: 'file', bytes: 'file' });
        break;
      }
    }
    if (!errors.length) return redirect(reply, `/console/items/${id}/edit?done=uploaded`);
    const item = await catalog.getForStaff(actor, id);
    return sendPage(reply, await editor(request, actor, { ...mode, attachments: item.attachments }, itemValues(item), errors), 422);
  });

  app.post('/console/items/:id/attachments/:attachmentId/delete', async (request, reply) => {
    const actor = staffActor(request);
    const { id, attachmentId } = request.params as { id: string; attachmentId: string };
    await catalog.removeAttachment(actor, id, attachmentId);
    return redirect(reply, `/console/items/${id}/edit?done=removed`);
  });

  app.get('/console/attachments/:attachmentId', async (request, reply) => {
    const actor = staffActor(request);
    const { attachmentId } = request.params as { attachmentId: string };
    const { info, bytes } = await catalog.getAttachmentForStaff(actor, attachmentId);
    return sendDownload(reply, { filename: info.filename, mediaType: info.mediaType, bytes });
  });
}
