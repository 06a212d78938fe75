// The quarterly withholding filing (不予公开备案表): generated from the quarter's refusals
// (idempotent per agency and quarter; regenerating a draft refreshes the rows but keeps the entered
// classification levels and opinions), reviewed row by row, exported, and marked as filed. Each
// step is audited.
import { appendAuditEvent } from '../../core/audit/audit.ts';
import { authorize, requireSameAgency } from '../../core/authz/authz.ts';
import type { DbOrTrx } from '../../core/db/database.ts';
import { isUniqueViolation } from '../../core/db/dialect.ts';
import { conflict, notFound, validationFailed } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { today } from '../../core/time/clock.ts';
import { maskName } from '../../core/text/mask.ts';
import { auditActor, hasRole, type SessionUser, type StaffActor } from '../accounts/index.ts';
import type { ZodType } from 'zod';
import { filingDocx, filingXlsx, type FilingDocument } from './filings.export.ts';
import { filingsRepository } from './filings.repository.ts';
import { filingRowReviewInput, markFiledInput, quarterInput, quarterSpan, type ClassificationLevel } from './filings.schemas.ts';
import type { RequestsDeps } from './requests.deps.ts';

export interface FilingRowView {
  id: string;
  requestId: string;
  trackingCode: string;
  applicantName: string;
  applicantNameMasked: string;
  repliedOn: string;
  description: string;
  docNumber: string;
  reason: string;
  classificationLevel: ClassificationLevel | '';
  confidentialityOpinion: string;
  reviewedBy: string;
}

export interface FilingSummary {
  id: string;
  year: number;
  quarter: number;
  status: 'draft' | 'filed';
  generatedAt: string;
  filedOn: string | null;
  filedTo: string;
  filedBy: string;
  rowCount: number;
}

export interface FilingDetail extends FilingSummary {
  agencyName: string;
  rows: FilingRowView[];
}

export interface FilingsApi {
  list(actor: StaffActor): Promise<FilingSummary[]>;
  generate(actor: StaffActor, input: { year: number; quarter: number }): Promise<FilingDetail>;
  get(actor: StaffActor, id: string): Promise<FilingDetail>;
  reviewRow(actor: StaffActor, filingId: string, rowId: string, input: { classificationLevel: string; confidentialityOpinion?: string }): Promise<FilingDetail>;
  markFiled(actor: StaffActor, id: string, input: { filedOn: string; filedTo: string }): Promise<FilingDetail>;
  export(actor: StaffActor, id: string, format: 'xlsx' | 'docx'): Promise<{ filename: string; mediaType: string; bytes: Buffer }>;
}

function parse<T>(schema: ZodType<T>, input: unknown): T {
  const r = schema.safeParse(input ?? {});
  if (!r.success) throw validationFailed(r.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
  return r.data;
}

/** Officers file; the confidentiality reviewer reviews the rows (levels and opinions). */
export const canSeeFilings = (user: SessionUser) => hasRole(user, 'officer', 'confidentialityReviewer');

export function createFilingsService(deps: RequestsDeps): FilingsApi {
  const { clock } = deps;
  const see = (actor: StaffActor) => authorize(canSeeFilings(actor.user), '只有公开办工作人员或保密审查员可以办理不予公开备案');

  async function loadDetail(db: DbOrTrx, id: string): Promise<FilingDetail> {
    const repo = filingsRepository(db);
    const f = await repo.filingById(id);
    if (!f) throw notFound('未找到该备案表');
    const agency = await db.selectFrom('agencies').select('name').where('id', '=', f.agencyId).executeTakeFirst();
    const rows = await repo.rowsOf(id);
    return {
      id: f.id, year: Number(f.year), quarter: Number(f.quarter), status: f.status as 'draft' | 'filed', generatedAt: f.generatedAt,
      filedOn: f.filedOn, filedTo: f.filedTo, filedBy: f.filedBy, rowCount: rows.length, agencyName: agency?.name ?? '',
      rows: rows.map((r) => ({
        id: r.id, requestId: r.requestId, trackingCode: r.trackingCode, applicantName: r.applicantName, applicantNameMasked: maskName(r.applicantName),
        repliedOn: r.repliedOn, description: r.description, docNumber: r.docNumber, reason: r.reason,
        classificationLevel: r.classificationLevel as ClassificationLevel | '', confidentialityOpinion: r.confidentialityOpinion, reviewedBy: r.reviewedBy,
      })),
    };
  }

  async function ownFiling(actor: StaffActor, db: DbOrTrx, id: string) {
    const f = await filingsRepository(db).filingById(id);
    requireSameAgency(actor.user, f);
    see(actor);
    return f!;
  }

  /** The filing of the quarter, created on first use (a concurrent creator wins; we re-read). */
  async function filingOf(trx: DbOrTrx, agencyId: string, year: number, quarter: number, now: string) {
    const repo = filingsRepository(trx);
    const existing = await repo.filingFor(agencyId, year, quarter);
    if (existing) return existing;
    const row = { id: newId(), agencyId, year, quarter, status: 'draft', generatedAt: now, filedOn: null, filedTo: '', filedBy: '', createdAt: now, updatedAt: now };
    try {
      await repo.insertFiling(row);
      return row;
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      throw conflict('FILING_BEING_GENERATED', '该季度的备案表正由他人生成，请稍后刷新');
    }
  }

  return {
    async list(actor) {
      see(actor);
      const rows = await filingsRepository(deps.db).filingsOf(actor.user.agencyId);
      return rows.map((f) => ({
        id: f.id, year: Number(f.year), quarter: Number(f.quarter), status: f.status as 'draft' | 'filed', generatedAt: f.generatedAt,
        filedOn: f.filedOn, filedTo: f.filedTo, filedBy: f.filedBy, rowCount: Number(f.rowCount ?? 0),
      }));
    },

    async generate(actor, raw) {
      const { year, quarter } = parse(quarterInput, raw);
      authorize(hasRole(actor.user, 'officer'), '只有公开办工作人员可以生成备案表');
      const agencyId = actor.user.agencyId;
      const id = await deps.db.transaction().execute(async (trx) => {
        const now = clock.now().toISOString();
        const filing = await filingOf(trx, agencyId, year, quarter, now);
        if (filing.status === 'filed') throw conflict('FILING_ALREADY_FILED', '该季度的备案表已经报送，不能重新生成');
        const repo = filingsRepository(trx);
        const { from, to } = quarterSpan(year, quarter);
        const sources = await repo.refusals(agencyId, from, to);
        const existing = new Map((await repo.rowsOf(filing.id)).map((r) => [r.sourceKey, r]));
        for (const [i, s] of sources.entries()) {
          const fields = { position: i + 1, repliedOn: s.repliedOn, description: s.description, docNumber: s.docNumber, reason: s.reason, updatedAt: now };
          const old = existing.get(s.sourceKey);
          if (old) await repo.updateRow(old.id, fields);
          else
            await repo.insertRow({
              id: newId(), filingId: filing.id, requestId: s.requestId, replyItemId: s.replyItemId, sourceKey: s.sourceKey, ...fields,
              classificationLevel: '', confidentialityOpinion: '', reviewedBy: '',
            });
          existing.delete(s.sourceKey);
        }
        // A refusal no longer in the quarter (reply changed) leaves the draft.
        await repo.deleteRows([...existing.values()].map((r) => r.id));
        await repo.updateFiling(filing.id, { generatedAt: now, updatedAt: now });
        await appendAuditEvent(trx, clock, auditActor(actor), {
          action: 'filing.generate', subjectType: 'withholdingFiling', subjectId: filing.id, agencyId, after: { year, quarter, rows: sources.length },
        });
        return filing.id;
      });
      return loadDetail(deps.db, id);
    },

    async get(actor, id) {
      await ownFiling(actor, deps.db, id);
      return loadDetail(deps.db, id);
    },

    async reviewRow(actor, filingId, rowId, raw) {
      const input = parse(filingRowReviewInput, raw);
      await deps.db.transaction().execute(async (trx) => {
        const f = await ownFiling(actor, trx, filingId);
        if (f.status === 'filed') throw conflict('FILING_ALREADY_FILED', '备案表已经报送，不能再修改');
        const repo = filingsRepository(trx);
        const row = await repo.rowById(filingId, rowId);
        if (!row) throw notFound('未找到该备案条目');
        const who = auditActor(actor);
        await repo.updateRow(rowId, { ...input, reviewedBy: who.name, updatedAt: clock.now().toISOString() });
        await appendAuditEvent(trx, clock, who, {
          action: 'filing.reviewRow', subjectType: 'withholdingFiling', subjectId: filingId, agencyId: f.agencyId,
          before: { rowId, classificationLevel: row.classificationLevel, confidentialityOpinion: row.confidentialityOpinion }, after: { rowId, ...input },
        });
      });
      return loadDetail(deps.db, filingId);
    },

    async markFiled(actor, id, raw) {
      const input = parse(markFiledInput, raw);
      authorize(hasRole(actor.user, 'officer'), '只有公开办工作人员可以登记报送');
      await deps.db.transaction().execute(async (trx) => {
        const f = await ownFiling(actor, trx, id);
        if (f.status === 'filed') throw conflict('FILING_ALREADY_FILED', '备案表已经报送');
        if (input.filedOn > today(clock)) throw validationFailed([{ field: 'filedOn', message: '备案日期不能晚于今天' }]);
        const rows = await filingsRepository(trx).rowsOf(id);
        if (rows.some((r) => !r.classificationLevel)) throw conflict('FILING_NOT_REVIEWED', '还有条目未填写密级，请先完成保密审查');
        const who = auditActor(actor);
        await filingsRepository(trx).updateFiling(id, { status: 'filed', filedOn: input.filedOn, filedTo: input.filedTo, filedBy: who.name, updatedAt: clock.now().toISOString() });
        await appendAuditEvent(trx, clock, who, { action: 'filing.markFiled', subjectType: 'withholdingFiling', subjectId: id, agencyId: f.agencyId, after: { ...input, rows: rows.length } });
      });
      return loadDetail(deps.db, id);
    },

    async export(actor, id, format) {
      await ownFiling(actor, deps.db, id);
      const d = await loadDetail(deps.db, id);
      const doc: FilingDocument = d;
      const base = `不予公开备案表-${d.year}-Q${d.quarter}`;
      return format === 'xlsx'
        ? { filename: `${base}.xlsx`, mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: await filingXlsx(doc) }
        : { filename: `${base}.docx`, mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes: await filingDocx(doc) };
    },
  };
}
