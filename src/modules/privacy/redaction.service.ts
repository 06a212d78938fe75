// Redaction use cases (区分处理, 条例 第三十七条): mark areas (PDF points, or pixels of a JPEG/PNG
// image) or accept detected personal data, with a legal ground each; apply them to make the
// published copy; read the log. The original
// attachment is never changed: the copy is another content-addressed file, and the public
// download and the search index use it (redactedCopyOf).
import { appendAuditEvent } from '../../core/audit/audit.ts';
import { authorize } from '../../core/authz/authz.ts';
import type { DbOrTrx } from '../../core/db/database.ts';
import { AppError, notFound } from '../../core/errors.ts';
import type { FileStore } from '../../core/files/file-store.ts';
import { newId } from '../../core/ids.ts';
import { findPersonalData } from '../../core/text/pii.ts';
import { nowIso, type Clock } from '../../core/time/clock.ts';
import { auditActor, type StaffActor } from '../accounts/index.ts';
import { extractDocxText, extractPdfText, type AttachmentInfo, type CatalogService, type ItemDetail } from '../catalog/index.ts';
import {
  isRedactionReason, type AttachmentRedactionState, type RedactedCopyInfo, type RedactionArea, type RedactionLogEntry, type RedactionReason,
} from './redaction.contract.ts';
import { redactDocx } from './redaction.docx.ts';
import { areaPages, clipArea, pagePreview, redactableKind, redactAreas, type AreaPage, type RedactableKind } from './redaction.areas.ts';
import { findTextAreas, pdfPageTexts, textInArea, type Rect } from './redaction.pdf.ts';
import { canReadRedactionLog, canRedact } from './redaction.policy.ts';
import { maskedPreview } from './redaction.preview.ts';
import { redactionRepository, type RedactedCopyRow, type RedactionRow } from './redaction.repository.ts';

export interface RedactionDeps {
  db: DbOrTrx;
  clock: Clock;
  files: FileStore;
  catalog: Pick<CatalogService, 'getForStaff'>;
}

export interface DetectedFinding {
  type: string;
  /** Masked for display; the text itself travels only in the accept form of the reviewer. */
  masked: string;
  text: string;
  /** Where it occurs in the PDF (empty when the text is not found as laid out). */
  areas: number;
}

export interface RedactionWorkspace {
  item: ItemDetail;
  attachment: AttachmentInfo;
  kind: RedactableKind;
  /** Where areas are drawn: PDF pages (points) or the image (page 1, pixels); none for DOCX. */
  pages: AreaPage[];
  areas: RedactionArea[];
  copy: RedactedCopyInfo | null;
  canEdit: boolean;
}

const toArea = (r: RedactionRow): RedactionArea => ({
  id: r.id, page: Number(r.page), rect: [Number(r.x0), Number(r.y0), Number(r.x1), Number(r.y1)], reason: r.reason as RedactionReason,
  textPreview: r.textPreview, createdByName: r.createdByName, createdAt: r.createdAt, appliedAt: r.appliedAt,
});
const toCopy = (c: RedactedCopyRow): RedactedCopyInfo => ({ sha256: c.sha256, size: Number(c.size), areaCount: Number(c.areaCount), appliedByName: c.appliedByName, appliedAt: c.appliedAt });

const invalid = (field: string, message: string) => new AppError(422, 'REDACTION_INVALID', message, [{ field, message }]);

export function createRedactionService(deps: RedactionDeps) {
  const { db, clock, files, catalog } = deps;
  const repo = () => redactionRepository(db);

  async function load(actor: StaffActor, itemId: string, attachmentId: string) {
    const item = await catalog.getForStaff(actor, itemId);
    const attachment = item.attachments.find((a) => a.id === attachmentId);
    if (!attachment) throw notFound('该信息没有这个附件');
    const kind = redactableKind(attachment.mediaType);
    if (!kind) throw new AppError(422, 'REDACTION_UNSUPPORTED', '只能对 PDF、DOCX 和图片（JPEG、PNG）附件做删除处理');
    return { item, attachment, kind, bytes: await files.get(attachment.sha256) };
  }

  async function editable(actor: StaffActor, itemId: string, attachmentId: string) {
    const loaded = await load(actor, itemId, attachmentId);
    authorize(canRedact(actor.user, loaded.item), '只有保密审查员（保密审查环节）或公开办（复核环节）可以标注删除区域');
    return loaded;
  }

  function checkReason(reason: string): RedactionReason {
    if (!isRedactionReason(reason)) throw invalid('reason', '请选择删除的法定理由');
    return reason;
  }

  async function insertAreas(actor: StaffActor, item: ItemDetail, attachmentId: string, areas: { page: number; rect: Rect; searchText: string; preview: string }[], reason: RedactionReason, action: string) {
    const at = nowIso(clock);
    const ids: string[] = [];
    await db.transaction().execute(async (trx) => {
      const r = redactionRepository(trx);
      for (const a of areas) {
        const id = newId();
        ids.push(id);
        const [x0, y0, x1, y1] = a.rect;
        await r.insertArea({
          id, attachmentId, itemId: item.id, page: a.page, x0, y0, x1, y1, searchText: a.searchText, reason, textPreview: a.preview,
          createdBy: actor.user.id, createdByName: actor.user.displayName, createdAt: at, appliedAt: null,
        });
      }
      await appendAuditEvent(trx, clock, auditActor(actor), {
        action, subjectType: 'attachment', subjectId: attachmentId, agencyId: item.agencyId,
        after: { itemId: item.id, reason, areas: areas.map((a) => ({ page: a.page, rect: a.rect.map((n) => Math.round(n * 10) / 10), preview: a.preview })) },
      });
    });
    return ids;
  }

  return {
    async workspace(actor: StaffActor, itemId: string, attachmentId: string): Promise<RedactionWorkspace> {
      const { item, attachment, kind, bytes } = await load(actor, itemId, attachmentId);
      const [pages, areas, copy] = await Promise.all([areaPages(attachment.mediaType, bytes), repo().areasOf(attachmentId), repo().copyOf(attachmentId)]);
      return { item, attachment, kind, pages, areas: areas.map(toArea), copy: copy ? toCopy(copy) : null, canEdit: canRedact(actor.user, item) };
    },

    /** Personal data found in the attachment's text, with how often each occurs on the pages. */
    async findings(actor: StaffActor, itemId: string, attachmentId: string): Promise<DetectedFinding[]> {
      const { kind, bytes } = await load(actor, itemId, attachmentId);
      if (kind !== 'pdf' && kind !== 'docx') return []; // an image has no text to search
      const text = kind === 'pdf' ? (await pdfPageTexts(bytes)).join('\n') : await extractDocxText(bytes);
      const seen = new Map<string, DetectedFinding>();
      for (const f of findPersonalData(text)) {
        if (seen.has(f.text)) continue;
        const areas = kind === 'pdf' ? (await findTextAreas(bytes, f.text)).length : 1;
        seen.set(f.text, { type: f.type, text: f.text, masked: maskedPreview(f.text, f.type), areas });
      }
      return [...seen.values()];
    },

    /**
     * An area drawn by the reviewer, from the top-left corner: page and rectangle in points (PDF),
     * or the rectangle in pixels of the upright image (JPEG, PNG: page 1). Clipped to the page.
     */
    async addArea(actor: StaffActor, itemId: string, attachmentId: string, input: { page: number; x: number; y: number; width: number; height: number; reason: string }) {
      const { item, kind, bytes, attachment } = await editable(actor, itemId, attachmentId);
      const reason = checkReason(input.reason);
      const area = clipArea(await areaPages(attachment.mediaType, bytes), input);
      if ('field' in area) throw invalid(area.field, kind === 'docx' ? 'DOCX 附件请按文字删除' : area.message);
      const preview = kind === 'pdf' ? maskedPreview(await textInArea(bytes, area)) : '';
      return insertAreas(actor, item, attachmentId, [{ ...area, searchText: '', preview }], reason, 'redaction.areaAdded');
    },

    /** Accepting a finding (or any text): every place it occurs becomes an area. */
    async acceptText(actor: StaffActor, itemId: string, attachmentId: string, input: { text: string; type?: string; reason: string }) {
      const { item, kind, bytes } = await editable(actor, itemId, attachmentId);
      const reason = checkReason(input.reason);
      const text = input.text.trim();
      if (!text) throw invalid('text', '请填写要删除的文字');
      if (kind !== 'pdf' && kind !== 'docx') throw invalid('text', '图片附件中没有可查找的文字，请在图片上按坐标标注要删除的区域');
      const preview = maskedPreview(text, input.type);
      if (kind === 'docx') {
        if (!(await extractDocxText(bytes)).includes(text)) throw invalid('text', '附件中没有找到这段文字');
        return insertAreas(actor, item, attachmentId, [{ page: 0, rect: [0, 0, 0, 0], searchText: text, preview }], reason, 'redaction.textAccepted');
      }
      const hits = await findTextAreas(bytes, text);
      if (hits.length === 0) throw invalid('text', '附件页面中没有找到这段文字，请按坐标标注区域');
      return insertAreas(actor, item, attachmentId, hits.map((h) => ({ ...h, searchText: '', preview })), reason, 'redaction.textAccepted');
    },

    async removeArea(actor: StaffActor, itemId: string, attachmentId: string, areaId: string): Promise<void> {
      const { item } = await editable(actor, itemId, attachmentId);
      await db.transaction().execute(async (trx) => {
        const area = await redactionRepository(trx).area(areaId);
        if (!area || !(await redactionRepository(trx).deletePendingArea(areaId, attachmentId))) throw notFound('该区域不存在或已应用');
        await appendAuditEvent(trx, clock, auditActor(actor), {
          action: 'redaction.areaRemoved', subjectType: 'attachment', subjectId: attachmentId, agencyId: item.agencyId,
          before: { page: area.page, reason: area.reason, preview: area.textPreview },
        });
      });
    },

    /** Makes the published copy from the ORIGINAL with every area marked so far (应用删除). */
    async apply(actor: StaffActor, itemId: string, attachmentId: string): Promise<RedactedCopyInfo> {
      const { item, kind, bytes, attachment } = await editable(actor, itemId, attachmentId);
      const areas = await repo().areasOf(attachmentId);
      if (areas.length === 0) throw invalid('areas', '尚未标注任何删除区域');
      const out = kind === 'docx'
        ? (await redactDocx(bytes, areas.map((a) => a.searchText))).bytes
        : await redactAreas(attachment.mediaType, bytes, areas.map((a) => ({ page: Number(a.page), rect: [Number(a.x0), Number(a.y0), Number(a.x1), Number(a.y1)] as Rect })));
      // The search index takes the copy's text; an image has none.
      const textContent = kind === 'pdf' ? await extractPdfText(out) : kind === 'docx' ? await extractDocxText(out) : '';
      const stored = await files.put(out);
      const at = nowIso(clock);
      const row: RedactedCopyRow = {
        attachmentId, sha256: stored.sha256, size: stored.size, textContent, areaCount: areas.length,
        appliedBy: actor.user.id, appliedByName: actor.user.displayName, appliedAt: at,
      };
      await db.transaction().execute(async (trx) => {
        const r = redactionRepository(trx);
        await r.saveCopy(row);
        await r.markApplied(attachmentId, at);
        await appendAuditEvent(trx, clock, auditActor(actor), {
          action: 'redaction.applied', subjectType: 'attachment', subjectId: attachmentId, agencyId: item.agencyId,
          after: { itemId: item.id, sha256: stored.sha256, areaCount: areas.length, reasons: [...new Set(areas.map((a) => a.reason))] },
        });
      });
      return toCopy(row);
    },

    /**
     * A page image: the original with the marked areas tinted (an image also with its coordinate
     * grid), or the redacted copy as it is; both for the reviewers of the item (保密审查 and after).
     */
    async pageImage(actor: StaffActor, itemId: string, attachmentId: string, page: number, which: 'marked' | 'redacted'): Promise<Buffer> {
      const { kind, bytes, attachment } = await load(actor, itemId, attachmentId);
      if (kind === 'docx') throw notFound();
      let png: Buffer | undefined;
      if (which === 'redacted') {
        const copy = await repo().copyOf(attachmentId);
        if (!copy) throw notFound('尚未生成删除后的副本');
        png = await pagePreview(attachment.mediaType, await files.get(copy.sha256), page, {});
      } else {
        const marks = (await repo().areasOf(attachmentId)).filter((a) => Number(a.page) === page).map((a) => [Number(a.x0), Number(a.y0), Number(a.x1), Number(a.y1)] as Rect);
        png = await pagePreview(attachment.mediaType, bytes, page, { marks, grid: true });
      }
      if (!png) throw notFound('页码超出范围');
      return png;
    },

    /**
     * For the item's record page, by attachment id: the redacted copy the portal serves in place of
     * the original (区分处理, 第三十七条) and the areas marked but not yet applied. Readers of the log only.
     */
    async attachmentStates(actor: StaffActor, itemId: string): Promise<Record<string, AttachmentRedactionState>> {
      authorize(canReadRedactionLog(actor.user));
      const item = await catalog.getForStaff(actor, itemId);
      const ids = item.attachments.map((a) => a.id);
      const [copies, areas] = await Promise.all([repo().copiesOf(ids), repo().areasOfItem(itemId)]);
      const byId = new Map(copies.map((c) => [c.attachmentId, toCopy(c)]));
      return Object.fromEntries(ids.map((id) => [id, {
        copy: byId.get(id) ?? null,
        pendingAreas: areas.filter((a) => a.attachmentId === id && !a.appliedAt).length,
      }]));
    },

    /** The printable log of an item's redactions (who, which page and area, which ground, when). */
    async log(actor: StaffActor, itemId: string): Promise<{ item: ItemDetail; entries: RedactionLogEntry[]; copies: (RedactedCopyInfo & { attachmentId: string; filename: string })[] }> {
      authorize(canReadRedactionLog(actor.user));
      const item = await catalog.getForStaff(actor, itemId);
      const names = new Map(item.attachments.map((a) => [a.id, a.filename]));
      const rows = (await repo().areasOfItem(itemId)).filter((r) => names.has(r.attachmentId));
      const copies = [];
      for (const a of item.attachments) {
        const c = await repo().copyOf(a.id);
        if (c) copies.push({ ...toCopy(c), attachmentId: a.id, filename: a.filename });
      }
      return { item, entries: rows.map((r) => ({ ...toArea(r), attachmentId: r.attachmentId, filename: names.get(r.attachmentId)! })), copies };
    },
  };
}

export type RedactionService = ReturnType<typeof createRedactionService>;
