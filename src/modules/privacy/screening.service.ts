// Screening before review (条例 第十五条; 先审查后公开): when an item is submitted its body and its
// attachments' text are scanned for personal data and sensitive words; the findings wait in the
// confidentiality review step, where approval is blocked until each is masked (the public copy
// gets the masked value) or kept with a reason (e.g. 惩戒公示). The original stays as written.
import { appendAuditEvent } from '../../core/audit/audit.ts';
import { requireSameAgency } from '../../core/authz/authz.ts';
import type { FieldCipher } from '../../core/crypto/field-cipher.ts';
import type { Db, DbOrTrx } from '../../core/db/database.ts';
import { AppError, conflict, forbidden, notFound, validationFailed } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { findPersonalData } from '../../core/text/pii.ts';
import { nowIso, type Clock } from '../../core/time/clock.ts';
import { auditActor } from '../accounts/index.ts';
import { htmlToText, publicCopyRepository, type CatalogService } from '../catalog/index.ts';
import { maskValue } from './deidentify.ts';
import { htmlToScanText, replaceInHtml } from './html-text.ts';
import { buildLexiconMatcher } from './lexicon.ts';
import type { FindingType, FindingView, PrivacyService, ScreeningPort } from './privacy.contract.ts';
import { canDecideFindings, REASON_REQUIRED } from './privacy.policy.ts';
import { privacyRepository, type FindingRow } from './privacy.repository.ts';
import { SCREENING_MIN_CONFIDENCE } from './screening.rules.ts';

export interface PrivacyDeps {
  db: Db;
  clock: Clock;
  cipher: FieldCipher;
  catalog: CatalogService;
}

type Subject = { subjectType: 'item' | 'attachment'; subjectId: string; subjectLabel: string; text: string };

/** Splices same-length masks into a text at their offsets. */
function applyMasks(text: string, masks: { startOffset: number; endOffset: number; maskedText: string }[]): string {
  let out = '';
  let pos = 0;
  for (const m of masks) {
    if (m.startOffset < pos) continue;
    out += text.slice(pos, m.startOffset) + m.maskedText;
    pos = m.endOffset;
  }
  return out + text.slice(pos);
}

export function createScreening(deps: PrivacyDeps): Pick<PrivacyService, 'screening' | 'findingsOf' | 'decide'> {
  const { clock, cipher } = deps;

  function scan(subject: Subject, matcher: ReturnType<typeof buildLexiconMatcher>, base: Omit<FindingRow, 'id' | 'subjectType' | 'subjectId' | 'subjectLabel' | 'type' | 'category' | 'textEnc' | 'maskedText' | 'startOffset' | 'endOffset' | 'confidencePct'>): FindingRow[] {
    const row = (type: FindingType, category: string, text: string, start: number, end: number, confidence: number, masked: string): FindingRow => ({
      ...base, id: newId(), subjectType: subject.subjectType, subjectId: subject.subjectId, subjectLabel: subject.subjectLabel,
      type, category, textEnc: cipher.encrypt(text), maskedText: masked, startOffset: start, endOffset: end, confidencePct: Math.round(confidence * 100),
    });
    const pii = findPersonalData(subject.text, { minConfidence: SCREENING_MIN_CONFIDENCE })
      .map((f) => row(f.type, '', f.text, f.start, f.end, f.confidence, maskValue(f.type, f.text)));
    const words = matcher.match(subject.text).map((w) => row('sensitiveWord', w.category, w.text, w.start, w.end, 1, w.text.replace(/\S/g, '*')));
    return [...pii, ...words];
  }

  async function rebuildPublicCopy(trx: DbOrTrx, itemId: string, subjectType: FindingRow['subjectType'], subjectId: string): Promise<void> {
    const masks = await privacyRepository(trx).maskedOf(itemId, subjectType, subjectId);
    const copies = publicCopyRepository(trx);
    const subject = await copies.screeningSubject(itemId);
    if (!subject) throw notFound();
    if (subjectType === 'item') {
      if (masks.length === 0) return copies.setPublicBody(itemId, null);
      const mapped = htmlToScanText(subject.bodyHtml);
      const html = replaceInHtml(subject.bodyHtml, mapped, masks.map((m) => ({ start: m.startOffset, end: m.endOffset, value: m.maskedText })));
      return copies.setPublicBody(itemId, { html, text: htmlToText(html) });
    }
    const att = subject.attachments.find((a) => a.id === subjectId);
    if (!att) throw notFound();
    await copies.setAttachmentPublicText(att.id, masks.length ? applyMasks(att.textContent, masks) : null);
  }

  function view(r: FindingRow): FindingView {
    return {
      id: r.id, subjectType: r.subjectType, subjectId: r.subjectId, subjectLabel: r.subjectLabel, type: r.type as FindingType, category: r.category,
      text: cipher.decrypt(r.textEnc), maskedText: r.maskedText, start: Number(r.startOffset), end: Number(r.endOffset),
      confidence: Number(r.confidencePct) / 100, decision: r.decision, reason: r.reason, decidedByName: r.decidedByName, decidedAt: r.decidedAt,
    };
  }

  const screening: ScreeningPort = {
    async onSubmit(trx, itemId, actor) {
      const copies = publicCopyRepository(trx);
      const item = await copies.screeningSubject(itemId);
      if (!item) throw notFound();
      const repo = privacyRepository(trx);
      // A resubmitted item is screened afresh: its text may have changed since the last decisions.
      await repo.deleteFindingsOf(itemId);
      await copies.setPublicBody(itemId, null);
      await copies.clearAttachmentsPublicText(itemId);
      const matcher = buildLexiconMatcher(await repo.words());
      const base = { agencyId: item.agencyId, itemId, decision: 'pending' as const, reason: '', decidedBy: null, decidedByName: null, decidedAt: null, createdAt: nowIso(clock) };
      const subjects: Subject[] = [
        { subjectType: 'item', subjectId: itemId, subjectLabel: '正文', text: htmlToScanText(item.bodyHtml).text },
        ...item.attachments.map((a) => ({ subjectType: 'attachment' as const, subjectId: a.id, subjectLabel: a.filename, text: a.textContent })),
      ];
      const rows = subjects.flatMap((s) => scan(s, matcher, base));
      await repo.insertFindings(rows);
      // Counts only: the audit log must never carry the personal data it is about. A clean scan
      // changes nothing and leaves no event.
      if (rows.length === 0) return;
      const byType: Record<string, number> = {};
      for (const r of rows) byType[r.type] = (byType[r.type] ?? 0) + 1;
      await appendAuditEvent(trx, clock, auditActor(actor), {
        action: 'privacy.screened', subjectType: 'item', subjectId: itemId, agencyId: item.agencyId, after: { findings: rows.length, byType },
      });
    },

    async assertClear(trx, itemId) {
      const pending = await privacyRepository(trx).pendingCount(itemId);
      if (pending > 0)
        throw new AppError(422, 'PRIVACY_FINDINGS_PENDING', `该信息还有 ${pending} 处个人信息或敏感词未处理：请逐项选择“遮盖”或“保留”（保留须说明理由，如惩戒公示）后再审核通过`);
      // A masked finding in an attachment is only masked in the published file once the file is
      // redacted: until then the download would still carry it.
      const unredacted = await privacyRepository(trx).attachmentsMaskedWithoutCopy(itemId);
      if (unredacted.length > 0)
        throw new AppError(422, 'ATTACHMENT_REDACTION_PENDING', `附件“${unredacted.join('”“')}”中有已决定遮盖的个人信息，请先在“删除处理”中对该附件应用删除，再审核通过`);
    },
  };

  return {
    screening,

    async findingsOf(actor, itemId) {
      await deps.catalog.getForStaff(actor, itemId);
      return (await privacyRepository(deps.db).findingsOf(itemId)).map(view);
    },

    async decide(actor, findingId, input) {
      if (!canDecideFindings(actor.user)) throw forbidden('只有保密审查人员可以处理个人信息检查结果');
      const reason = (input.reason ?? '').trim();
      if (input.decision !== 'masked' && input.decision !== 'kept') throw validationFailed([{ field: 'decision', message: '请选择遮盖或保留' }]);
      if (input.decision === 'kept' && !reason) throw validationFailed([{ field: 'reason', message: REASON_REQUIRED }]);
      if (reason.length > 200) throw validationFailed([{ field: 'reason', message: '理由不超过200字' }]);
      return deps.db.transaction().execute(async (trx) => {
        const repo = privacyRepository(trx);
        const finding = await repo.findingById(findingId);
        requireSameAgency(actor.user, finding);
        const item = await publicCopyRepository(trx).screeningSubject(finding!.itemId);
        if (item?.status !== 'confidentialityReview') throw conflict('ITEM_NOT_IN_CONFIDENTIALITY_REVIEW', '该信息不在保密审查环节，不能处理检查结果');
        const at = nowIso(clock);
        const patch = { decision: input.decision, reason: input.decision === 'kept' ? reason : '', decidedBy: actor.user.id, decidedByName: actor.user.displayName, decidedAt: at };
        await repo.decide(findingId, patch);
        await rebuildPublicCopy(trx, finding!.itemId, finding!.subjectType, finding!.subjectId);
        await appendAuditEvent(trx, clock, auditActor(actor), {
          action: `privacy.finding.${input.decision}`, subjectType: 'item', subjectId: finding!.itemId, agencyId: finding!.agencyId,
          before: { findingId, decision: finding!.decision },
          after: { findingId, type: finding!.type, subject: finding!.subjectLabel, masked: finding!.maskedText, reason: patch.reason || undefined },
        });
        return view({ ...finding!, ...patch });
      });
    },
  };
}
