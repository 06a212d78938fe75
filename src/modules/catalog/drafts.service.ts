// Drafting: create and edit drafts, attachments, Word import. The disclosure attribute is fixed
// here at the source (源头认定), and the publication clock (第二十六条) is stored on the row.
import { fileTypeFromBuffer } from 'file-type';
import { appendAuditEvent } from '../../core/audit/audit.ts';
import { authorize } from '../../core/authz/authz.ts';
import { AppError, notFound, validationFailed } from '../../core/errors.ts';
import { guardUpload } from '../../core/files/upload-guards.ts';
import { newId } from '../../core/ids.ts';
import { nowIso } from '../../core/time/clock.ts';
import { auditActor, type StaffActor } from '../accounts/index.ts';
import type { AttachmentInfo, ItemDetail, ItemDraftInput } from './catalog.contract.ts';
import { DEFAULT_MAX_UPLOAD_BYTES, type CatalogDeps } from './catalog.deps.ts';
import { htmlToText, sanitizeBody } from './catalog.html.ts';
import { assertCanEditContent, canDraftFor, canImportWord } from './catalog.policy.ts';
import { catalogRepository } from './catalog.repository.ts';
import { itemDraftInput, parseOrFail } from './catalog.schemas.ts';
import { ALLOWED_ATTACHMENT_TYPES, attachmentText, checkAttachment } from './attachments.service.ts';
import { itemContentColumns } from './item-fields.ts';
import type { ItemQueries } from './item-query.service.ts';
import { syncSearch } from './publication.ts';
import { docxToHtml } from './text-extract.ts';

export function createDraftsService(deps: CatalogDeps, queries: ItemQueries) {
  const { db, clock, calendar, files } = deps;
  const maxUploadBytes = deps.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;

  function parseDraft(actor: StaffActor, input: ItemDraftInput) {
    const v = parseOrFail(itemDraftInput, input);
    const departmentId = v.departmentId ?? actor.user.departmentId;
    if (!departmentId) throw validationFailed([{ field: 'departmentId', message: '请选择承办科室' }]);
    authorize(canDraftFor(actor.user, departmentId), '只能为本科室起草信息');
    return { ...v, departmentId };
  }

  return {
    async createDraft(actor: StaffActor, input: ItemDraftInput): Promise<ItemDetail> {
      const v = parseDraft(actor, input);
      const id = newId();
      const at = nowIso(clock);
      await db.transaction().execute(async (trx) => {
        const fields = await itemContentColumns(trx, calendar, actor.user.agencyId, null, v, null);
        await catalogRepository(trx).insertItem({
          id, agencyId: actor.user.agencyId, status: 'draft', indexNumber: null, ...fields,
          publishedOn: null, publishedAt: null, repealedOn: null, repealNoticeDueOn: null, approvedOn: null,
          version: 1, createdBy: actor.user.id, createdAt: at, updatedAt: at,
        });
        await catalogRepository(trx).setInterprets(id, v.interpretsItemIds);
        await appendAuditEvent(trx, clock, auditActor(actor), {
          action: 'item.create', subjectType: 'item', subjectId: id, agencyId: actor.user.agencyId,
          after: { title: v.title, columnId: v.columnId, disclosureMode: v.disclosureMode, scope: v.scope },
        });
      });
      return queries.getForStaff(actor, id);
    },

    async updateDraft(actor: StaffActor, id: string, input: ItemDraftInput): Promise<ItemDetail> {
      const v = parseDraft(actor, input);
      await db.transaction().execute(async (trx) => {
        const row = await queries.staffItem(actor, id, trx);
        if (row.status !== 'draft') throw new AppError(409, 'ITEM_LOCKED', '只有草稿可以修改；已发布的信息请使用“修订”');
        assertCanEditContent(actor.user, row);
        const fields = await itemContentColumns(trx, calendar, row.agencyId, id, v, row.approvedOn);
        const repo = catalogRepository(trx);
        if (!(await repo.updateItemIfStatus(id, 'draft', { ...fields, updatedAt: nowIso(clock) })))
          throw new AppError(409, 'ITEM_STATUS_CHANGED', '该信息的状态已被他人更改，请刷新后重试');
        await repo.setInterprets(id, v.interpretsItemIds);
        await appendAuditEvent(trx, clock, auditActor(actor), {
          action: 'item.update', subjectType: 'item', subjectId: id, agencyId: row.agencyId,
          before: { title: row.title, columnId: row.columnId }, after: { title: v.title, columnId: v.columnId },
        });
      });
      return queries.getForStaff(actor, id);
    },

    async addAttachment(actor: StaffActor, itemId: string, file: { filename: string; bytes: Buffer }): Promise<AttachmentInfo> {
      const row = await queries.staffItem(actor, itemId);
      assertCanEditContent(actor.user, row);
      const checked = await checkAttachment(file.filename, file.bytes, maxUploadBytes);
      const textContent = await attachmentText(checked.kind, file.bytes);
      const stored = await files.put(file.bytes);
      const info = { id: newId(), filename: checked.filename, mediaType: checked.mediaType, size: stored.size, sha256: stored.sha256 };
      await db.transaction().execute(async (trx) => {
        const current = await queries.staffItem(actor, itemId, trx);
        assertCanEditContent(actor.user, current);
        await catalogRepository(trx).insertAttachment({ ...info, itemId, textContent, createdBy: actor.user.id, createdAt: nowIso(clock) });
        await catalogRepository(trx).updateItem(itemId, { updatedAt: nowIso(clock) });
        if (current.status === 'published') {
          await syncSearch(deps, trx, itemId);
          await deps.onPublishedChange?.(trx, itemId, 'attachment');
        }
        await appendAuditEvent(trx, clock, auditActor(actor), {
          action: 'item.attachment.add', subjectType: 'item', subjectId: itemId, agencyId: current.agencyId,
          after: { attachmentId: info.id, filename: info.filename, sha256: info.sha256, size: info.size },
        });
      });
      return info;
    },

    async removeAttachment(actor: StaffActor, itemId: string, attachmentId: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const row = await queries.staffItem(actor, itemId, trx);
        assertCanEditContent(actor.user, row);
        const repo = catalogRepository(trx);
        const att = await repo.attachmentById(attachmentId);
        if (!att || att.itemId !== itemId) throw notFound();
        await repo.deleteAttachment(attachmentId);
        await repo.updateItem(itemId, { updatedAt: nowIso(clock) });
        if (row.status === 'published') {
          await syncSearch(deps, trx, itemId);
          await deps.onPublishedChange?.(trx, itemId, 'attachment');
        }
        await appendAuditEvent(trx, clock, auditActor(actor), {
          action: 'item.attachment.remove', subjectType: 'item', subjectId: itemId, agencyId: row.agencyId,
          before: { attachmentId, filename: att.filename, sha256: att.sha256 },
        });
      });
    },

    /** Word → sanitised body; the first heading (or first paragraph) becomes the title. */
    async importWord(actor: StaffActor, bytes: Buffer): Promise<{ title: string; bodyHtml: string; bodyText: string }> {
      authorize(canImportWord(actor.user), '只有经办人或公开办可以导入文档');
      const type = await fileTypeFromBuffer(bytes);
      if (type?.mime !== ALLOWED_ATTACHMENT_TYPES.docx.mediaType)
        throw new AppError(422, 'ATTACHMENT_TYPE_NOT_ALLOWED', '请上传 Word 文档（.docx）', [{ field: 'file', message: '请上传 .docx 格式的 Word 文档' }]);
      if (bytes.length > maxUploadBytes) throw new AppError(413, 'ATTACHMENT_TOO_LARGE', '文件过大', [{ field: 'file', message: '文件过大' }]);
      await guardUpload(type.mime, bytes);
      return splitTitle(sanitizeBody(await docxToHtml(bytes)));
    },
  };
}

/** Takes the first heading, else the first paragraph, as the title; it leaves the body. */
export function splitTitle(bodyHtml: string): { title: string; bodyHtml: string; bodyText: string } {
  const first = /^\s*<(h[2-4]|p)>([\s\S]*?)<\/\1>/.exec(bodyHtml);
  const heading = /<(h[2-4])>([\s\S]*?)<\/\1>/.exec(bodyHtml);
  const pick = heading ?? first;
  if (!pick) return { title: '', bodyHtml, bodyText: htmlToText(bodyHtml) };
  const title = htmlToText(pick[0]).replace(/\s+/g, ' ').slice(0, 200);
  const rest = (bodyHtml.slice(0, pick.index) + bodyHtml.slice(pick.index + pick[0].length)).trim();
  return { title, bodyHtml: rest, bodyText: htmlToText(rest) };
}
