// The catalog's JSON API: the public catalog (published, public-scope items only; anything else
// is 404) and the staff endpoints the console uses. Routes validate, call one service method
// and present the result.
import { sendDownload } from '../../core/http/download.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { apiRoute, parseParams } from '../../core/http/api.ts';
import { refuseNulFields } from '../../core/http/reject-nul.ts';
import { authorize, requireSameAgency } from '../../core/authz/authz.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { staffActor } from '../accounts/index.ts';
import type { Services } from '../../services.ts';
import type { AttachmentInfo } from './catalog.contract.ts';
import { ITEM_STATUSES } from './catalog.contract.ts';
import { assertCanEditContent, assertCanReadContent, canChangePublished, canDraft, canImportWord, canManageColumns } from './catalog.policy.ts';
import {
  attachmentInfo, columnBody, columnNode, idParams, itemBody, pageOf, pageQuery, publicItemDetail, publicItemSummary,
  repealBody, reviseBody, staffItemDetail, staffItemSummary,
} from './catalog.http-schemas.ts';

/** Sends a stored file as a download with its original (UTF-8) name. */
export function sendAttachment(reply: FastifyReply, file: { info: AttachmentInfo; bytes: Buffer }) {
  return sendDownload(reply, { filename: file.info.filename, mediaType: file.info.mediaType, bytes: file.bytes });
}

/** The single uploaded file of a multipart request. */
export async function uploadedFile(request: FastifyRequest): Promise<{ filename: string; bytes: Buffer }> {
  if (!request.isMultipart()) throw new AppError(400, 'INVALID_MULTIPART', '请以 multipart/form-data 上传文件', [{ field: 'file', message: '请选择文件' }]);
  const part = await request.file();
  if (!part) throw new AppError(422, 'VALIDATION_FAILED', '请选择文件', [{ field: 'file', message: '请选择文件' }]);
  refuseNulFields({ file: part.filename });
  return { filename: part.filename, bytes: await part.toBuffer() };
}

export function registerCatalogRoutes(app: FastifyInstance, services: Services): void {
  const { catalog, search } = services;

  // Role before form: these run before the body is validated (apiRoute's `authorize`), so a
  // caller without the role gets 403 (another agency's record 404) whatever they sent; the
  // services check again inside their transactions.
  const mayReadContent = (request: FastifyRequest) => assertCanReadContent(staffActor(request).user);
  const mayDraft = (request: FastifyRequest) => authorize(canDraft(staffActor(request).user), '只有经办人或公开办可以起草信息');
  const mayEdit = async (request: FastifyRequest, { id }: { id: string }) => {
    const actor = staffActor(request);
    assertCanEditContent(actor.user, await catalog.getForStaff(actor, id));
  };
  const mayChangePublished = async (request: FastifyRequest, { id }: { id: string }) => {
    const actor = staffActor(request);
    await catalog.getForStaff(actor, id);
    authorize(canChangePublished(actor.user), '已发布信息只能由公开办修订或废止');
  };
  const mayManageColumns = (request: FastifyRequest) => authorize(canManageColumns(staffActor(request).user), '只有公开办可以维护栏目');

  apiRoute(app, {
    method: 'GET', url: '/api/v1/items', summary: '已公开的政府信息列表（可检索）', tags: ['catalog'], access: 'public',
    query: z.object({ q: z.string().trim().max(100).optional(), column: z.string().max(64).optional(), agency: z.string().max(64).optional(), ...pageQuery }),
    response: pageOf(publicItemSummary),
  }, async (_request, { query }) => {
    if (query.q) {
      const result = await search.search({ q: query.q, columnId: query.column, agencyId: query.agency, page: query.page, pageSize: query.pageSize });
      const items = await catalog.publishedSummaries(result.hits.map((h) => h.itemId));
      return { items, total: result.total, page: result.page };
    }
    const result = await catalog.listPublished({ columnId: query.column, agencyId: query.agency, page: query.page, pageSize: query.pageSize });
    return { items: result.items, total: result.total, page: result.page };
  });

  apiRoute(app, {
    method: 'GET', url: '/api/v1/items/:id', summary: '一条已公开的政府信息：元数据、正文、附件', tags: ['catalog'], access: 'public',
    params: idParams, response: publicItemDetail,
  }, async (_request, { params }) => {
    const item = await catalog.getPublished(params.id);
    if (!item) throw notFound('该信息不存在或未公开');
    return item;
  });

  app.get('/api/v1/attachments/:id', async (request, reply) => {
    const { id } = parseParams(idParams, request.params);
    const file = await catalog.getPublishedAttachment(id);
    if (!file) throw notFound('附件不存在或未公开');
    return sendAttachment(reply, file);
  });

  apiRoute(app, {
    method: 'GET', url: '/api/v1/columns', summary: '信息公开目录（栏目树）', tags: ['catalog'], access: 'public',
    query: z.object({ agency: z.string().max(64).optional() }), response: z.object({ columns: z.array(columnNode) }),
  }, async (_request, { query }) => {
    const agency = query.agency ? await services.accounts.agencyByCode(query.agency) : await services.accounts.firstAgency();
    return { columns: agency ? await catalog.columnTree(agency.id) : [] };
  });

  // ---- staff ----
  apiRoute(app, {
    method: 'GET', url: '/api/v1/staff/items', summary: '本机关的信息（任意状态）', tags: ['catalog', 'staff'], access: 'staff',
    query: z.object({ status: z.enum(ITEM_STATUSES).optional(), column: z.string().max(64).optional(), q: z.string().trim().max(100).optional(), ...pageQuery }),
    response: pageOf(staffItemSummary),
    authorize: mayReadContent,
  }, async (request, { query }) => {
    const r = await catalog.listForStaff(staffActor(request), { status: query.status, columnId: query.column, q: query.q, page: query.page, pageSize: query.pageSize });
    return { items: r.items, total: r.total, page: r.page };
  });

  apiRoute(app, {
    method: 'POST', url: '/api/v1/staff/items', summary: '新建草稿', tags: ['catalog', 'staff'], access: 'staff', status: 201,
    authorize: mayDraft, body: itemBody, response: staffItemDetail,
  }, async (request, { body }) => catalog.createDraft(staffActor(request), body));

  apiRoute(app, {
    method: 'GET', url: '/api/v1/staff/items/:id', summary: '信息详情（本机关）', tags: ['catalog', 'staff'], access: 'staff',
    params: idParams, response: staffItemDetail,
  }, async (request, { params }) => catalog.getForStaff(staffActor(request), params.id));

  apiRoute(app, {
    method: 'PUT', url: '/api/v1/staff/items/:id', summary: '修改草稿', tags: ['catalog', 'staff'], access: 'staff',
    authorize: mayEdit, params: idParams, body: itemBody, response: staffItemDetail,
  }, async (request, { params, body }) => catalog.updateDraft(staffActor(request), params.id, body));

  apiRoute(app, {
    method: 'POST', url: '/api/v1/staff/items/:id/revise', summary: '修订已发布信息（保留旧版本）', tags: ['catalog', 'staff'], access: 'staff',
    authorize: mayChangePublished, params: idParams, body: reviseBody, response: staffItemDetail,
  }, async (request, { params, body }) => catalog.revise(staffActor(request), params.id, body.item, body.reason));

  apiRoute(app, {
    method: 'POST', url: '/api/v1/staff/items/:id/repeal', summary: '废止（10 个工作日内发布废止说明）', tags: ['catalog', 'staff'], access: 'staff',
    authorize: mayChangePublished, params: idParams, body: repealBody, response: staffItemDetail,
  }, async (request, { params, body }) => catalog.repeal(staffActor(request), params.id, body));

  apiRoute(app, {
    method: 'POST', url: '/api/v1/staff/items/:id/attachments', summary: '上传附件（multipart，字段 file）', tags: ['catalog', 'staff'], access: 'staff',
    authorize: mayEdit, params: idParams, response: attachmentInfo, status: 201,
  }, async (request, { params }) => {
    const actor = staffActor(request);
    return catalog.addAttachment(actor, params.id, await uploadedFile(request));
  });

  apiRoute(app, {
    method: 'DELETE', url: '/api/v1/staff/items/:id/attachments/:attachmentId', summary: '删除附件', tags: ['catalog', 'staff'], access: 'staff',
    params: z.object({ id: z.string().min(1).max(64), attachmentId: z.string().min(1).max(64) }), response: z.object({ ok: z.literal(true) }),
  }, async (request, { params }) => {
    await catalog.removeAttachment(staffActor(request), params.id, params.attachmentId);
    return { ok: true as const };
  });

  app.get('/api/v1/staff/attachments/:id', async (request, reply) => {
    const { id } = parseParams(idParams, request.params);
    return sendAttachment(reply, await catalog.getAttachmentForStaff(staffActor(request), id));
  });

  apiRoute(app, {
    method: 'POST', url: '/api/v1/staff/word-import', summary: 'Word 导入（multipart，字段 file）：返回标题与净化后的正文', tags: ['catalog', 'staff'], access: 'staff',
    authorize: (request) => authorize(canImportWord(staffActor(request).user), '只有经办人或公开办可以导入文档'),
    response: z.object({ title: z.string(), bodyHtml: z.string(), bodyText: z.string() }),
  }, async (request) => {
    const actor = staffActor(request);
    return catalog.importWord(actor, (await uploadedFile(request)).bytes);
  });

  apiRoute(app, {
    method: 'GET', url: '/api/v1/staff/columns', summary: '本机关栏目树', tags: ['catalog', 'staff'], access: 'staff',
    response: z.object({ columns: z.array(columnNode) }),
    // The staff tree is for those who file items in it; the public tree is /api/v1/columns.
    authorize: mayReadContent,
  }, async (request) => ({ columns: await catalog.columnTree(staffActor(request).user.agencyId) }));

  apiRoute(app, {
    method: 'POST', url: '/api/v1/staff/columns', summary: '新建栏目', tags: ['catalog', 'staff'], access: 'staff', status: 201,
    authorize: mayManageColumns, body: columnBody, response: columnNode,
  }, async (request, { body }) => catalog.createColumn(staffActor(request), body));

  apiRoute(app, {
    method: 'PUT', url: '/api/v1/staff/columns/:id', summary: '修改栏目', tags: ['catalog', 'staff'], access: 'staff',
    authorize: async (request, { id }) => {
      mayManageColumns(request);
      requireSameAgency(staffActor(request).user, await catalog.column(id));
    },
    params: idParams, body: columnBody, response: columnNode,
  }, async (request, { params, body }) => catalog.updateColumn(staffActor(request), params.id, body));
}
