// Reply files (the information provided with a reply) and their redaction (区分处理, 条例
// 第三十七条): the handling department uploads them while drafting, optionally tied to an item of
// the reply; personal data found in them is listed for the drafter to tick, any other text can be
// added, each with its legal ground; a scanned page or a photo (JPEG/PNG) is marked by areas
// instead; every change makes a redacted, content-addressed copy from the ORIGINAL with every mark
// so far (text and pixels removed, not covered; see reply-files.copy.ts). The original never changes.
import { fileTypeFromBuffer } from 'file-type';
import { appendAuditEvent } from '../../core/audit/audit.ts';
import { authorize } from '../../core/authz/authz.ts';
import type { DbOrTrx } from '../../core/db/database.ts';
import type { ReplyFileRedactionTable, ReplyFileTable } from '../../core/db/schema.ts';
import { AppError, notFound, validationFailed } from '../../core/errors.ts';
import { guardUpload } from '../../core/files/upload-guards.ts';
import { newId } from '../../core/ids.ts';
import { findPersonalData } from '../../core/text/pii.ts';
import { nowIso } from '../../core/time/clock.ts';
import { auditActor, hasRole, type SessionUser, type StaffActor } from '../accounts/index.ts';
import { extractDocxText } from '../catalog/index.ts';
import {
  clipArea, findTextAreas, isRedactionReason, maskedPreview, pdfPageTexts, REDACTION_REASON_LABELS, textInArea, type PdfArea, type RedactionReason,
} from '../privacy/index.ts';
import { safeFilename } from './application-files.ts';
import { isOutcome, reportedOutcome, type ItemDecision, type Outcome, type OutcomeReason } from './outcomes.ts';
import type { RequestDetail, RequestsService } from './requests.contract.ts';
import type { RequestsDeps } from './requests.deps.ts';
import { areaOf, areaPages, buildCopy, isImage, kindOf, pagePreview, type AreaPage, type ReplyFileKind } from './reply-files.copy.ts';
import { fileRelease, MAX_REPLY_FILES, REPLY_FILE_TYPES, type FileRelease } from './reply-files.rules.ts';
import { replyFilesRepository, type ReplyFilesRepository } from './reply-files.repository.ts';

export interface ReplyFileView {
  id: string;
  filename: string;
  mediaType: string;
  size: number;
  replyItemId: string | null;
  /** "2. 某某文件（部分公开）", or "整份答复". */
  itemLabel: string;
  redacted: { size: number; at: string; by: string } | null;
  redactions: { id: string; preview: string; reason: RedactionReason; reasonLabel: string; occurrences: number; byName: string; area: PdfArea | null }[];
  release: FileRelease;
  kind: ReplyFileKind;
  /** Every reply file type can be redacted: PDF and DOCX by text, PDF and images by area. */
  redactable: boolean;
}

export interface FileFinding {
  type: string;
  masked: string;
  text: string;
}

export interface ReplyFilesDeps extends RequestsDeps {
  requests: Pick<RequestsService, 'get'>;
}

const OUTCOME_TEXT: Record<Outcome, string> = { granted: '予以公开', partlyGranted: '部分公开', refused: '不予公开', unableToProvide: '无法提供', notProcessed: '不予处理', otherHandling: '其他处理' };
const EDIT_STATUSES = ['drafting', 'consulting'];
const invalid = (field: string, message: string) => new AppError(422, 'REPLY_FILE_INVALID', message, [{ field, message }]);

/** The handling department while drafting; the office while it checks the draft. */
export function canEditReplyFiles(user: SessionUser, r: Pick<RequestDetail, 'status' | 'handlingDepartments'>): boolean {
  if (r.status === 'officeReview') return hasRole(user, 'officer');
  if (!EDIT_STATUSES.includes(r.status)) return false;
  return hasRole(user, 'drafter', 'departmentHead') && !!user.departmentId && r.handlingDepartments.some((d) => d.id === user.departmentId);
}

/** Each file's release given the reply's items (see reply-files.rules.ts). */
export async function releaseOfFiles(repo: ReplyFilesRepository, requestId: string): Promise<{ file: ReplyFileTable; release: FileRelease; itemLabel: string }[]> {
  const [files, items] = await Promise.all([repo.filesOf(requestId), repo.replyItemsOf(requestId)]);
  const decisions: ItemDecision[] = items.filter((i) => isOutcome(i.outcome)).map((i) => ({ outcome: i.outcome as Outcome, reason: i.reason as OutcomeReason | null }));
  const replyOutcome = decisions.length ? reportedOutcome(decisions).outcome : null;
  return files.map((file) => {
    // Saving the draft replaces its items: the tie falls back to the item's position. A tie that
    // no longer resolves makes the file part of the reply as a whole (redacted if the reply is partial).
    const item = file.replyItemId ? (items.find((i) => i.id === file.replyItemId) ?? items.find((i) => Number(i.position) === Number(file.replyItemPosition))) : undefined;
    const itemOutcome = item && isOutcome(item.outcome) ? item.outcome : null;
    const itemLabel = item ? `${item.position}. ${item.description.slice(0, 40)}（${OUTCOME_TEXT[item.outcome as Outcome] ?? item.outcome}）` : '整份答复';
    return { file, release: fileRelease({ hasRedactedCopy: !!file.redactedSha256, itemOutcome, replyOutcome }), itemLabel };
  });
}

/**
 * The approval precondition of 第三十七条: no original of a partly granted item (or of a partly
 * granted reply) may reach the applicant, so approval waits for every such file's redacted copy.
 */
export async function assertReplyFilesReleasable(db: DbOrTrx, requestId: string): Promise<void> {
  const pending = (await releaseOfFiles(replyFilesRepository(db), requestId)).filter((f) => f.release === 'needsRedaction');
  if (pending.length)
    throw new AppError(409, 'REPLY_FILE_NOT_REDACTED', `部分公开的答复材料尚未作区分处理：${pending.map((p) => p.file.filename).join('、')}。请先删除不应公开的内容，生成处理后的副本，再审定答复（第三十七条）`);
}

export function createReplyFilesService(deps: ReplyFilesDeps) {
  const { db, clock, files } = deps;
  const repo = () => replyFilesRepository(db);

  async function loadFile(actor: StaffActor, requestId: string, fileId: string) {
    const r = await deps.requests.get(actor, requestId);
    const file = await repo().fileById(fileId);
    if (!file || file.requestId !== r.id) throw notFound('该申请没有这个答复材料');
    return { r, file };
  }

  async function editableFile(actor: StaffActor, requestId: string, fileId: string) {
    const loaded = await loadFile(actor, requestId, fileId);
    authorize(canEditReplyFiles(actor.user, loaded.r), '只有承办单位（办理中）或公开办（审核中）可以处理答复材料');
    return loaded;
  }

  function checkReason(reason: string): RedactionReason {
    if (!isRedactionReason(reason)) throw invalid('reason', '请选择删除的法定理由');
    return reason;
  }

  function markRow(actor: StaffActor, fileId: string, at: string, reason: RedactionReason, m: Partial<ReplyFileRedactionTable> & Pick<ReplyFileRedactionTable, 'searchText' | 'textPreview' | 'occurrences'>): ReplyFileRedactionTable {
    return { id: newId(), replyFileId: fileId, reason, createdBy: actor.user.displayName, createdAt: at, page: null, x0: null, y0: null, x1: null, y1: null, ...m };
  }

  /**
   * Applies a change of marks: the copy is made from the ORIGINAL with every mark after the
   * change, then the marks, the copy and the audit event are saved in one transaction.
   */
  async function rebuild(actor: StaffActor, r: RequestDetail, file: ReplyFileTable, change: { insert?: ReplyFileRedactionTable[]; removeId?: string }, action: string, detail: Record<string, unknown>) {
    const marks = [...(await repo().redactionsOf(file.id)).filter((m) => m.id !== change.removeId), ...(change.insert ?? [])];
    const out = await buildCopy(file.mediaType, await files.get(file.sha256), marks);
    const stored = out ? await files.put(out) : null;
    const at = nowIso(clock);
    await db.transaction().execute(async (trx) => {
      const tx = replyFilesRepository(trx);
      if (change.removeId && !(await tx.deleteRedaction(change.removeId, file.id))) throw notFound('该删除标记不存在');
      for (const m of change.insert ?? []) await tx.insertRedaction(m);
      await tx.setRedacted(file.id, stored
        ? { redactedSha256: stored.sha256, redactedSize: stored.size, redactedAt: at, redactedBy: actor.user.displayName }
        : { redactedSha256: null, redactedSize: null, redactedAt: null, redactedBy: null });
      await appendAuditEvent(trx, clock, auditActor(actor), {
        action, subjectType: 'request', subjectId: r.id, agencyId: r.agencyId, after: { fileId: file.id, sha256: stored?.sha256 ?? null, ...detail },
      });
    });
  }

  async function textOf(file: ReplyFileTable, bytes: Buffer): Promise<string> {
    const kind = kindOf(file.mediaType);
    if (kind === 'pdf') return (await pdfPageTexts(bytes)).join('\n');
    if (kind === 'docx') return extractDocxText(bytes);
    throw invalid('texts', '图片材料中没有可查找的文字，请在图片上按坐标标注要删除的区域');
  }

  return {
    async list(actor: StaffActor, requestId: string): Promise<ReplyFileView[]> {
      const r = await deps.requests.get(actor, requestId);
      const out: ReplyFileView[] = [];
      for (const { file, release, itemLabel } of await releaseOfFiles(repo(), r.id)) {
        const marks = await repo().redactionsOf(file.id);
        out.push({
          id: file.id, filename: file.filename, mediaType: file.mediaType, size: Number(file.size), replyItemId: file.replyItemId, itemLabel, release,
          redacted: file.redactedSha256 ? { size: Number(file.redactedSize), at: file.redactedAt!, by: file.redactedBy ?? '' } : null,
          redactions: marks.map((m) => ({
            id: m.id, preview: m.textPreview, reason: m.reason as RedactionReason, reasonLabel: REDACTION_REASON_LABELS[m.reason as RedactionReason] ?? m.reason,
            occurrences: Number(m.occurrences), byName: m.createdBy, area: areaOf(m),
          })),
          kind: kindOf(file.mediaType)!,
          redactable: !!kindOf(file.mediaType),
        });
      }
      return out;
    },

    /** PDF, DOCX, JPEG or PNG, checked by content; `replyItemId` must be an item of this reply. */
    async upload(actor: StaffActor, requestId: string, input: { filename: string; bytes: Buffer; replyItemId: string | null }): Promise<string> {
      const r = await deps.requests.get(actor, requestId);
      authorize(canEditReplyFiles(actor.user, r), '只有承办单位（办理中）或公开办（审核中）可以上传答复材料');
      if (input.bytes.length === 0) throw invalid('file', '请选择要上传的文件');
      if (input.bytes.length > deps.maxUploadBytes) throw invalid('file', `文件超过 ${Math.floor(deps.maxUploadBytes / 1048576)} MB`);
      const type = await fileTypeFromBuffer(input.bytes);
      const ext = type ? REPLY_FILE_TYPES.get(type.mime) : undefined;
      if (!type || !ext) throw invalid('file', `文件“${input.filename}”不是 PDF、DOCX、JPG 或 PNG 格式（按文件内容识别）`);
      await guardUpload(type.mime, input.bytes);
      const item = input.replyItemId ? (await repo().replyItemsOf(r.id)).find((i) => i.id === input.replyItemId) : undefined;
      if (input.replyItemId && !item) throw invalid('replyItemId', '请选择本答复中的一项信息');
      if ((await repo().countFiles(r.id)) >= MAX_REPLY_FILES) throw invalid('file', `每件答复最多 ${MAX_REPLY_FILES} 个材料`);
      const stored = await files.put(input.bytes);
      const id = newId();
      const filename = safeFilename(input.filename, ext);
      await db.transaction().execute(async (trx) => {
        await replyFilesRepository(trx).insertFile({
          id, requestId: r.id, replyItemId: item?.id ?? null, replyItemPosition: item ? Number(item.position) : null, filename, sha256: stored.sha256, mediaType: type.mime, size: stored.size,
          redactedSha256: null, redactedSize: null, redactedAt: null, redactedBy: null, createdBy: actor.user.displayName, createdAt: nowIso(clock),
        });
        await appendAuditEvent(trx, clock, auditActor(actor), {
          action: 'replyFile.uploaded', subjectType: 'request', subjectId: r.id, agencyId: r.agencyId,
          after: { fileId: id, sha256: stored.sha256, size: stored.size, mediaType: type.mime, replyItemId: input.replyItemId },
        });
      });
      return id;
    },

    async remove(actor: StaffActor, requestId: string, fileId: string): Promise<void> {
      const { r, file } = await editableFile(actor, requestId, fileId);
      await db.transaction().execute(async (trx) => {
        await replyFilesRepository(trx).deleteFile(file.id);
        await appendAuditEvent(trx, clock, auditActor(actor), {
          action: 'replyFile.removed', subjectType: 'request', subjectId: r.id, agencyId: r.agencyId, before: { fileId: file.id, sha256: file.sha256 },
        });
      });
    },

    /** Staff download: the original, or the redacted copy. */
    async download(actor: StaffActor, requestId: string, fileId: string, which: 'original' | 'redacted') {
      const { file } = await loadFile(actor, requestId, fileId);
      const sha = which === 'redacted' ? file.redactedSha256 : file.sha256;
      if (!sha) throw notFound('尚未生成区分处理后的副本');
      const filename = which === 'redacted' ? file.filename.replace(/(\.[^.]+)?$/, (ext) => `（区分处理）${ext}`) : file.filename;
      return { filename, mediaType: file.mediaType, bytes: await files.get(sha) };
    },

    /** Personal data detected in the file (masked for display; the text travels in the form only). */
    async findings(actor: StaffActor, requestId: string, fileId: string): Promise<FileFinding[]> {
      const { file } = await loadFile(actor, requestId, fileId);
      if (!['pdf', 'docx'].includes(kindOf(file.mediaType) ?? '')) return [];
      const seen = new Map<string, FileFinding>();
      for (const f of findPersonalData(await textOf(file, await files.get(file.sha256))))
        if (!seen.has(f.text)) seen.set(f.text, { type: f.type, text: f.text, masked: maskedPreview(f.text, f.type) });
      return [...seen.values()];
    },

    /** Marks the texts for removal on `reason`, then makes the redacted copy from the original with every mark. */
    async redact(actor: StaffActor, requestId: string, fileId: string, input: { texts: { text: string; type?: string }[]; reason: string }): Promise<void> {
      const { r, file } = await editableFile(actor, requestId, fileId);
      const reason = checkReason(input.reason);
      const texts = [...new Map(input.texts.map((t) => [t.text.trim(), t] as const)).entries()].filter(([t]) => t);
      if (!texts.length) throw invalid('texts', '请勾选检测到的个人信息，或填写要删除的文字');
      const original = await files.get(file.sha256);
      const kind = kindOf(file.mediaType);
      const fullText = await textOf(file, original);
      const marks: { text: string; preview: string; occurrences: number }[] = [];
      for (const [text, t] of texts) {
        const occurrences = kind === 'pdf' ? (await findTextAreas(original, text)).length : fullText.split(text).length - 1;
        if (occurrences === 0) throw validationFailed([{ field: 'texts', message: `材料中没有找到“${maskedPreview(text, t.type)}”` }]);
        marks.push({ text, preview: maskedPreview(text, t.type), occurrences });
      }
      const at = nowIso(clock);
      const rows = marks.map((m) => markRow(actor, file.id, at, reason, { searchText: m.text, textPreview: m.preview, occurrences: m.occurrences }));
      // The log says what kind of thing was removed and why, never the personal data itself.
      await rebuild(actor, r, file, { insert: rows }, 'replyFile.redacted', { reason, removed: marks.map((m) => ({ preview: m.preview, occurrences: m.occurrences })) });
    },

    /**
     * An area to remove: image pixels (JPEG, PNG: page 1) or PDF points on a page, from the
     * top-left corner; clipped to the page. The copy is made again from the original at once.
     */
    async addArea(actor: StaffActor, requestId: string, fileId: string, input: { page: number; x: number; y: number; width: number; height: number; reason: string }): Promise<void> {
      const { r, file } = await editableFile(actor, requestId, fileId);
      const reason = checkReason(input.reason);
      const original = await files.get(file.sha256);
      const area = clipArea(await areaPages(file.mediaType, original), input);
      if ('field' in area) throw invalid(area.field, area.message);
      const { page, rect } = area;
      const preview = isImage(file.mediaType) ? '' : maskedPreview(await textInArea(original, area));
      const [x0, y0, x1, y1] = rect;
      const row = markRow(actor, file.id, nowIso(clock), reason, { searchText: '', textPreview: preview, occurrences: 1, page, x0, y0, x1, y1 });
      const round = (n: number) => Math.round(n * 10) / 10;
      await rebuild(actor, r, file, { insert: [row] }, 'replyFile.areaRedacted', { reason, page, rect: rect.map(round), preview });
    },

    /** Takes a mark back; the copy is made again from the remaining marks (none left: no copy). */
    async removeMark(actor: StaffActor, requestId: string, fileId: string, markId: string): Promise<void> {
      const { r, file } = await editableFile(actor, requestId, fileId);
      const mark = (await repo().redactionsOf(file.id)).find((m) => m.id === markId);
      if (!mark) throw notFound('该删除标记不存在');
      await rebuild(actor, r, file, { removeId: mark.id }, 'replyFile.redactionRemoved', { reason: mark.reason, preview: mark.textPreview, area: areaOf(mark) });
    },

    /** Where areas may be drawn: the PDF's pages (points) or the image (page 1, pixels); none for DOCX. */
    async pages(actor: StaffActor, requestId: string, fileId: string): Promise<AreaPage[]> {
      const { file } = await loadFile(actor, requestId, fileId);
      return areaPages(file.mediaType, await files.get(file.sha256));
    },

    /** A page image: the original with the marked areas tinted (an image also with its grid), or the redacted copy. */
    async pageImage(actor: StaffActor, requestId: string, fileId: string, page: number, which: 'original' | 'redacted'): Promise<Buffer> {
      const { file } = await loadFile(actor, requestId, fileId);
      const sha = which === 'redacted' ? file.redactedSha256 : file.sha256;
      if (!sha) throw notFound('尚未生成区分处理后的副本');
      const marks = which === 'original' ? (await repo().redactionsOf(file.id)).map(areaOf).filter((a) => a?.page === page).map((a) => a!.rect) : [];
      const png = await pagePreview(file.mediaType, await files.get(sha), page, { marks, grid: which === 'original' });
      if (!png) throw notFound('页码超出范围');
      return png;
    },
  };
}

export type ReplyFilesService = ReturnType<typeof createReplyFilesService>;
