// Annual report use cases (第四十九、五十条): create the report of a year with a narrative
// pre-filled from the figures, edit the narrative and the hand-entered figures, and submit it. On
// submission the report becomes an item of the agency's 年报 column (code 'gknb') with the HTML as
// its body and the DOCX and PDF attached, and enters the ordinary review workflow: the report is
// published exactly when that item is (its status is read, there is no second workflow).
import { appendAuditEvent } from '../../core/audit/audit.ts';
import type { Db } from '../../core/db/database.ts';
import { AppError, conflict, forbidden, notFound, validationFailed } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { nowIso, today, type Clock } from '../../core/time/clock.ts';
import { auditActor, hasRole, type SessionUser, type StaffActor } from '../accounts/index.ts';
import type { CatalogService, ColumnNode, ItemStatus } from '../catalog/index.ts';
import type { ReviewService } from '../review/index.ts';
import { defaultNarrative, unwrittenSections, type ReportNarrative } from './annual-report.narrative.ts';
import { buildReportModel, reportTitle } from './annual-report.render.model.ts';
import { renderAnnualReport, type AnnualReportFileFormat, type RenderedReport } from './annual-report.render.ts';
import { renderAnnualReportHtml } from './annual-report.render.html.tsx';
import { annualReportsRepository, type AnnualReportRow } from './annual-reports.repository.ts';
import { manualCells, reportFormatFor, type AnnualReportFigures, type ComputeAnnualReportInput, type ManualFigures, type ReportFormat } from './reports.contract.ts';

/** The catalog column annual reports are published in (CATALOG.md: 公开年报). */
export const REPORT_COLUMN_CODE = 'gknb';
export const FIRST_REPORT_YEAR = 2019;

export type AnnualReportStatus = 'draft' | 'inReview' | 'published';
export const REPORT_STATUS_LABELS: Record<AnnualReportStatus, string> = { draft: '草稿', inReview: '审核中', published: '已发布' };

export interface AnnualReportView {
  id: string;
  agencyId: string;
  year: number;
  format: ReportFormat;
  status: AnnualReportStatus;
  title: string;
  narrative: ReportNarrative;
  manual: ManualFigures;
  catalogItemId: string | null;
  itemStatus: ItemStatus | null;
  submittedAt: string | null;
  updatedAt: string;
}

export interface PublishedAnnualReport {
  year: number;
  title: string;
  itemId: string;
  publishedOn: string | null;
  docxAttachmentId: string | null;
  pdfAttachmentId: string | null;
}

export interface AnnualReportsDeps {
  db: Db;
  clock: Clock;
  catalog: CatalogService;
  review: ReviewService;
  figures: { computeAnnualReport(input: ComputeAnnualReportInput): Promise<AnnualReportFigures> };
  agencyName(id: string): Promise<string>;
}

/** The disclosure office writes the report; leaders read it (and approve it in review). */
export function canViewAnnualReports(user: Pick<SessionUser, 'roles'>): boolean {
  return hasRole(user, 'officer', 'leader');
}
export function canEditAnnualReports(user: Pick<SessionUser, 'roles'>): boolean {
  return hasRole(user, 'officer');
}

/** draft until submitted; then the catalog item's status decides. */
export function statusFromItem(itemStatus: ItemStatus | null): AnnualReportStatus {
  if (itemStatus === null || itemStatus === 'draft' || itemStatus === 'takenDown') return 'draft';
  return itemStatus === 'published' ? 'published' : 'inReview';
}

function parseManual(json: string): ManualFigures {
  try {
    const value: unknown = JSON.parse(json || '{}');
    return value && typeof value === 'object' ? (value as ManualFigures) : {};
  } catch {
    return {};
  }
}

function findColumn(nodes: ColumnNode[], code: string): ColumnNode | undefined {
  for (const n of nodes) {
    if (n.code === code) return n;
    const below = findColumn(n.children, code);
    if (below) return below;
  }
  return undefined;
}

export function createAnnualReportsService(deps: AnnualReportsDeps) {
  const { db, clock, catalog, review } = deps;
  const repo = annualReportsRepository(db);

  async function itemStatusOf(actor: StaffActor, row: AnnualReportRow): Promise<ItemStatus | null> {
    if (!row.catalogItemId) return null;
    return (await catalog.getForStaff(actor, row.catalogItemId)).status;
  }

  async function toView(actor: StaffActor, row: AnnualReportRow): Promise<AnnualReportView> {
    const itemStatus = await itemStatusOf(actor, row);
    const status = statusFromItem(itemStatus);
    // The stored status mirrors the item's (whose changes the review module audits): keep it current for listings.
    if (status !== row.status) await repo.update(row.id, { status });
    return {
      id: row.id, agencyId: row.agencyId, year: row.year, format: row.format as ReportFormat, status,
      title: reportTitle(await deps.agencyName(row.agencyId), row.year),
      narrative: { overview: row.overview, problems: row.problems, other: row.other },
      manual: parseManual(row.manualFigures), catalogItemId: row.catalogItemId, itemStatus, submittedAt: row.submittedAt, updatedAt: row.updatedAt,
    };
  }

  async function load(actor: StaffActor, id: string): Promise<AnnualReportRow> {
    if (!canViewAnnualReports(actor.user)) throw forbidden('只有公开办工作人员和领导可以查看年度报告');
    const row = await repo.byId(id);
    if (!row || row.agencyId !== actor.user.agencyId) throw notFound('找不到该年度报告');
    return row;
  }

  async function loadEditable(actor: StaffActor, id: string): Promise<AnnualReportRow> {
    const row = await load(actor, id);
    if (!canEditAnnualReports(actor.user)) throw forbidden('只有公开办工作人员可以编辑年度报告');
    if (statusFromItem(await itemStatusOf(actor, row)) !== 'draft') throw conflict('REPORT_NOT_DRAFT', '年度报告已提交审核或已发布，不能修改');
    return row;
  }

  /** Live figures while a draft; the frozen snapshot once submitted. */
  async function figuresOf(row: AnnualReportRow, status: AnnualReportStatus): Promise<AnnualReportFigures> {
    if (status !== 'draft' && row.figuresSnapshot) return JSON.parse(row.figuresSnapshot) as AnnualReportFigures;
    return deps.figures.computeAnnualReport({ agencyId: row.agencyId, year: row.year, manual: parseManual(row.manualFigures) });
  }

  async function audit(actor: StaffActor, row: AnnualReportRow, action: string, after: unknown, trx: Parameters<typeof appendAuditEvent>[0] = db) {
    await appendAuditEvent(trx, clock, auditActor(actor), { action, subjectType: 'annualReport', subjectId: row.id, agencyId: row.agencyId, after });
  }

  return {
    /** Every year from 2019 to last year, with its report if created (newest first). */
    async list(actor: StaffActor): Promise<{ year: number; report: AnnualReportView | null }[]> {
      if (!canViewAnnualReports(actor.user)) throw forbidden('只有公开办工作人员和领导可以查看年度报告');
      const rows = await repo.ofAgency(actor.user.agencyId);
      const lastYear = Number(today(clock).slice(0, 4)) - 1;
      const years = new Set([...rows.map((r) => r.year), ...Array.from({ length: Math.max(0, lastYear - FIRST_REPORT_YEAR + 1) }, (_v, i) => FIRST_REPORT_YEAR + i)]);
      const out = [];
      for (const year of [...years].sort((a, b) => b - a)) {
        const row = rows.find((r) => r.year === year);
        out.push({ year, report: row ? await toView(actor, row) : null });
      }
      return out;
    },

    async create(actor: StaffActor, year: number): Promise<AnnualReportView> {
      if (!canEditAnnualReports(actor.user)) throw forbidden('只有公开办工作人员可以编制年度报告');
      const currentYear = Number(today(clock).slice(0, 4));
      if (!Number.isInteger(year) || year < FIRST_REPORT_YEAR || year >= currentYear)
        throw validationFailed([{ field: 'year', message: `年度须在 ${FIRST_REPORT_YEAR} 年至 ${currentYear - 1} 年之间（年度结束后编制）` }]);
      const agencyId = actor.user.agencyId;
      const existing = await repo.byYear(agencyId, year);
      if (existing) return toView(actor, existing);
      const figures = await deps.figures.computeAnnualReport({ agencyId, year });
      const narrative = defaultNarrative(figures, { publishedItems: await repo.publishedItemsInYear(agencyId, year) });
      const at = nowIso(clock);
      const row: AnnualReportRow = {
        id: newId(), agencyId, year, format: reportFormatFor(year), status: 'draft', ...narrative, manualFigures: '{}',
        figuresSnapshot: null, catalogItemId: null, submittedAt: null, createdBy: actor.user.id, createdAt: at, updatedAt: at,
      };
      await db.transaction().execute(async (trx) => {
        await annualReportsRepository(trx).insert(row);
        await audit(actor, row, 'annualReport.create', { year }, trx);
      });
      return toView(actor, row);
    },

    async get(actor: StaffActor, id: string): Promise<{ report: AnnualReportView; figures: AnnualReportFigures }> {
      const row = await load(actor, id);
      const report = await toView(actor, row);
      return { report, figures: await figuresOf(row, report.status) };
    },

    async saveNarrative(actor: StaffActor, id: string, input: ReportNarrative): Promise<void> {
      const row = await loadEditable(actor, id);
      const narrative = { overview: input.overview.trim(), problems: input.problems.trim(), other: input.other.trim() };
      const tooLong = (['overview', 'problems', 'other'] as const).filter((k) => narrative[k].length > 20000);
      if (tooLong.length) throw validationFailed(tooLong.map((field) => ({ field, message: '每部分最多 20000 字' })));
      await db.transaction().execute(async (trx) => {
        await annualReportsRepository(trx).update(id, { ...narrative, updatedAt: nowIso(clock) });
        await audit(actor, row, 'annualReport.narrative', { lengths: [narrative.overview.length, narrative.problems.length, narrative.other.length] }, trx);
      });
    },

    /** Hand-entered table 二 figures (手工填报): only the cells the platform cannot count; blank = not known. */
    async saveManual(actor: StaffActor, id: string, input: Record<string, string>): Promise<void> {
      const row = await loadEditable(actor, id);
      const manual: ManualFigures = {};
      const errors: { field: string; message: string }[] = [];
      for (const cell of manualCells(row.format as ReportFormat)) {
        const raw = (input[cell.key] ?? '').trim();
        if (raw === '') { manual[cell.key] = null; continue; }
        const n = Number(raw);
        if (!/^-?\d+(\.\d{1,4})?$/.test(raw) || !Number.isFinite(n)) errors.push({ field: cell.key, message: `${cell.row}“${cell.column}”须为数字` });
        else manual[cell.key] = n;
      }
      if (errors.length) throw validationFailed(errors);
      await db.transaction().execute(async (trx) => {
        await annualReportsRepository(trx).update(id, { manualFigures: JSON.stringify(manual), updatedAt: nowIso(clock) });
        await audit(actor, row, 'annualReport.manualFigures', manual, trx);
      });
    },

    /**
     * For the command line (run by the operator on the server, no session): the figures and
     * narrative of the agency's stored report for the year — its frozen snapshot once submitted,
     * else live figures with its hand-entered cells — or live figures and no narrative when no
     * report has been created yet.
     */
    async forExport(agencyId: string, year: number): Promise<{ figures: AnnualReportFigures; narrative?: ReportNarrative }> {
      const row = await repo.byYear(agencyId, year);
      if (!row) return { figures: await deps.figures.computeAnnualReport({ agencyId, year }) };
      const figures = row.figuresSnapshot
        ? (JSON.parse(row.figuresSnapshot) as AnnualReportFigures)
        : await deps.figures.computeAnnualReport({ agencyId, year, manual: parseManual(row.manualFigures) });
      return { figures, narrative: { overview: row.overview, problems: row.problems, other: row.other } };
    },

    async render(actor: StaffActor, id: string, format: AnnualReportFileFormat): Promise<RenderedReport> {
      const { report, figures } = await this.get(actor, id);
      return renderAnnualReport(figures, report.narrative, format);
    },

    /** Into review as an item of the 年报 column; refused while a check fails or the template is unfinished. */
    async submit(actor: StaffActor, id: string): Promise<AnnualReportView> {
      const row = await loadEditable(actor, id);
      const narrative = { overview: row.overview, problems: row.problems, other: row.other };
      const unwritten = unwrittenSections(narrative);
      if (unwritten.length) throw validationFailed(unwritten.map((field) => ({ field, message: '请写完这一部分（删去模板中的“……”）' })));
      const figures = await deps.figures.computeAnnualReport({ agencyId: row.agencyId, year: row.year, manual: parseManual(row.manualFigures) });
      const failed = figures.checks.filter((c) => !c.ok);
      if (failed.length) throw new AppError(422, 'REPORT_CHECKS_FAILED', `表三校验未通过（${failed.map((c) => c.name).join('；')}），请先处理所列申请`);
      const departmentId = actor.user.departmentId;
      const canSubmit = departmentId && review.availableVerbs(actor, { status: 'draft', departmentId, agencyId: row.agencyId, isMajor: false }).includes('submit');
      if (!canSubmit) throw forbidden('提交审核须由具有经办人角色的公开办工作人员操作');
      const column = findColumn(await catalog.columnTree(row.agencyId), REPORT_COLUMN_CODE);
      if (!column) throw conflict('NO_REPORT_COLUMN', `目录中没有年报栏目（代码 ${REPORT_COLUMN_CODE}），请先在“目录栏目”中建立`);

      const model = buildReportModel(figures, narrative);
      const [docx, pdf] = await Promise.all([renderAnnualReport(figures, narrative, 'docx'), renderAnnualReport(figures, narrative, 'pdf')]);
      const input = {
        columnId: column.id, departmentId, title: model.title, docNumber: '', issuers: [await deps.agencyName(row.agencyId)], writtenOn: today(clock),
        topic: '', summary: `依据《中华人民共和国政府信息公开条例》第五十条编制的${row.year}年度政府信息公开工作年度报告。`,
        bodyHtml: renderAnnualReportHtml(model), disclosureMode: 'proactive' as const, disclosureModeReason: '', scope: 'public' as const,
        validity: 'inForce' as const, isMajor: false, interpretsItemIds: [],
      };
      // A report sent back in review is resubmitted through the same item.
      let itemId = row.catalogItemId;
      if (itemId) {
        const item = await catalog.updateDraft(actor, itemId, input);
        for (const a of item.attachments) await catalog.removeAttachment(actor, itemId, a.id);
      } else {
        itemId = (await catalog.createDraft(actor, input)).id;
        await repo.update(row.id, { catalogItemId: itemId });
      }
      for (const file of [docx, pdf]) await catalog.addAttachment(actor, itemId, { filename: file.filename, bytes: file.bytes });
      await review.act(actor, itemId, 'submit', { opinion: '', basis: '' });
      const at = nowIso(clock);
      await db.transaction().execute(async (trx) => {
        await annualReportsRepository(trx).update(row.id, { status: 'inReview', figuresSnapshot: JSON.stringify(figures), submittedAt: at, updatedAt: at });
        await audit(actor, row, 'annualReport.submit', { catalogItemId: itemId }, trx);
      });
      return toView(actor, (await repo.byId(row.id))!);
    },

    /** The agency's published reports for the portal, newest first (public: no actor). */
    async publishedReports(agencyId: string): Promise<PublishedAnnualReport[]> {
      const out: PublishedAnnualReport[] = [];
      for (const row of await repo.submittedOfAgency(agencyId)) {
        const item = await catalog.getPublished(row.catalogItemId!);
        if (!item) continue;
        const by = (ext: string) => item.attachments.find((a) => a.filename.toLowerCase().endsWith(`.${ext}`))?.id ?? null;
        out.push({ year: row.year, title: item.title, itemId: item.id, publishedOn: item.publishedOn, docxAttachmentId: by('docx'), pdfAttachmentId: by('pdf') });
      }
      return out;
    },
  };
}

export type AnnualReportsService = ReturnType<typeof createAnnualReportsService>;
