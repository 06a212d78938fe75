// Notices: issue (number, fill, freeze, audit — inside the caller's transaction), read, render as
// DOCX/PDF, and the administrator-editable templates with their preview.
import { appendAuditEvent, type Actor } from '../../core/audit/audit.ts';
import type { Db, DbOrTrx } from '../../core/db/database.ts';
import type { NoticeTable } from '../../core/db/schema.ts';
import { badRequest, forbidden, notFound, validationFailed } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { formatChineseDate, today, type Clock } from '../../core/time/clock.ts';
import { yearOf } from '../../core/time/dates.ts';
import { auditActor, type StaffActor } from '../accounts/index.ts';
import { NOTICE_KINDS, type IssuedNotice, type IssueNoticeInput, type NoticeIssuer, type NoticeKind } from './notices.contract.ts';
import { fillTemplate, paragraphsOf, templateProblems } from './notice-template.ts';
import { DEFAULT_TEMPLATES } from './notice-templates.defaults.ts';
import { canEditNoticeTemplates, canReadNotice } from './notices.policy.ts';
import { noticesRepository } from './notices.repository.ts';
import { defaultReconsiderationBody, DEFAULT_LITIGATION_COURT, formatNoticeNumber, remedySentence } from './remedy.ts';
import { noticeLetter, renderLetter, SAMPLE_VALUES, type NoticeFormat } from './notice-render.ts';

export interface NoticeTemplateView {
  kind: NoticeKind;
  title: string;
  body: string;
  /** False while the agency uses the default wording. */
  customised: boolean;
  updatedAt: string | null;
}

export interface RemedySettings {
  reconsiderationBody: string;
  litigationCourt: string;
  /** What an empty field falls back to. */
  defaults: { reconsiderationBody: string; litigationCourt: string };
  sentence: string;
}

export function isNoticeKind(value: unknown): value is NoticeKind {
  return typeof value === 'string' && (NOTICE_KINDS as readonly string[]).includes(value);
}

function toIssued(row: NoticeTable): IssuedNotice {
  return { id: row.id, kind: row.kind as NoticeKind, number: row.number, title: row.title, recipient: row.recipient, body: row.body, issuedOn: row.issuedOn, requestId: row.requestId };
}

export function createNoticesService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  async function agencyOf(trx: DbOrTrx, agencyId: string) {
    const agency = await noticesRepository(trx).agency(agencyId);
    if (!agency) throw notFound('未找到该机关');
    return agency;
  }

  async function templateFor(trx: DbOrTrx, agencyId: string, kind: NoticeKind): Promise<NoticeTemplateView> {
    const own = await noticesRepository(trx).template(agencyId, kind);
    if (own) return { kind, title: own.title, body: own.body, customised: true, updatedAt: own.updatedAt };
    return { kind, ...DEFAULT_TEMPLATES[kind], customised: false, updatedAt: null };
  }

  type AgencyRow = Awaited<ReturnType<typeof agencyOf>>;
  const agencyValues = (agency: AgencyRow, issuedOn: string, number: string, recipient: string): Record<string, string> => ({
    agencyName: agency.name, agencyShort: agency.shortName, agencyAddress: agency.address, agencyPhone: agency.phone,
    issuedOn, noticeNumber: number, recipient, remedy: remedySentence(agency),
  });

  function requireEditor(actor: StaffActor) {
    if (!canEditNoticeTemplates(actor.user)) throw forbidden('只有政务公开工作人员或系统管理员可以修改告知书模板');
  }

  async function issue(trx: DbOrTrx, actor: Actor, input: IssueNoticeInput): Promise<IssuedNotice> {
    if (!isNoticeKind(input.kind)) throw badRequest('NOTICE_KIND_UNKNOWN', `未知的告知书类型：${String(input.kind)}`);
    if (!input.recipient.trim()) throw badRequest('NOTICE_RECIPIENT_MISSING', '告知书缺少收件人');
    const repo = noticesRepository(trx);
    const agency = await agencyOf(trx, input.agencyId);
    const template = await templateFor(trx, input.agencyId, input.kind);
    const issuedOn = today(clock);
    const year = yearOf(issuedOn);
    const serial = await repo.nextSerial(input.agencyId, year);
    const number = formatNoticeNumber(agency.shortName, year, serial);
    // The agency's own values win over the caller's: a caller cannot change the number or remedy.
    const values = { ...input.values, ...agencyValues(agency, issuedOn, number, input.recipient) };
    const row: NoticeTable = {
      id: newId(), agencyId: input.agencyId, requestId: input.requestId, kind: input.kind, number, year, serial,
      title: fillTemplate(template.title, values), recipient: input.recipient.trim(),
      body: paragraphsOf(fillTemplate(template.body, values)).join('\n\n'),
      issuedOn, issuedBy: actor.id ?? actor.name, createdAt: clock.now().toISOString(),
    };
    await repo.insertNotice(row);
    await appendAuditEvent(trx, clock, actor, {
      action: 'notice.issue', subjectType: 'notice', subjectId: row.id, agencyId: row.agencyId,
      after: { kind: row.kind, number: row.number, requestId: row.requestId },
    });
    return toIssued(row);
  }

  async function noticeRow(id: string) {
    const row = await noticesRepository(db).notice(id);
    if (!row) throw notFound('未找到该告知书');
    return row;
  }

  /** The letter model of an issued notice (its agency signs it). */
  async function letterOf(row: NoticeTable) {
    const agency = await agencyOf(db, row.agencyId);
    return noticeLetter({ title: row.title, number: row.number, recipient: row.recipient, body: row.body, agencyName: agency.name, issuedOn: row.issuedOn });
  }

  return {
    issue,
    async get(actor: StaffActor, id: string): Promise<IssuedNotice & { agencyId: string }> {
      const row = await noticeRow(id);
      if (!canReadNotice(actor.user, row)) throw notFound('未找到该告知书');
      return { ...toIssued(row), agencyId: row.agencyId };
    },
    /** Every notice of a request, oldest first (for the console and the applicant's /track page). */
    async listForRequest(requestId: string): Promise<IssuedNotice[]> {
      return (await noticesRepository(db).noticesForRequest(requestId)).map(toIssued);
    },
    /** The issued notice as a file. Callers check who may see it (staff of the agency, or the applicant on /track). */
    async render(id: string, format: NoticeFormat): Promise<Buffer> {
      return renderLetter(await letterOf(await noticeRow(id)), format);
    },
    templates: {
      async list(actor: StaffActor): Promise<NoticeTemplateView[]> {
        const own = new Map((await noticesRepository(db).templates(actor.user.agencyId)).map((t) => [t.kind, t]));
        return NOTICE_KINDS.map((kind) => {
          const t = own.get(kind);
          return t ? { kind, title: t.title, body: t.body, customised: true, updatedAt: t.updatedAt } : { kind, ...DEFAULT_TEMPLATES[kind], customised: false, updatedAt: null };
        });
      },
      get: (actor: StaffActor, kind: NoticeKind) => templateFor(db, actor.user.agencyId, kind),
      async update(actor: StaffActor, kind: NoticeKind, input: { title: string; body: string }): Promise<NoticeTemplateView> {
        requireEditor(actor);
        const problems = templateProblems(kind, input.title, input.body);
        if (problems.length > 0) throw validationFailed(problems);
        const agencyId = actor.user.agencyId;
        return db.transaction().execute(async (trx) => {
          const before = await templateFor(trx, agencyId, kind);
          const updatedAt = clock.now().toISOString();
          await noticesRepository(trx).upsertTemplate({ agencyId, kind, title: input.title.trim(), body: input.body.trim(), updatedBy: actor.user.id, updatedAt });
          await appendAuditEvent(trx, clock, auditActor(actor), {
            action: 'notice.template.update', subjectType: 'noticeTemplate', subjectId: `${agencyId}:${kind}`, agencyId,
            before: { title: before.title, body: before.body }, after: { title: input.title.trim(), body: input.body.trim() },
          });
          return templateFor(trx, agencyId, kind);
        });
      },
      /** Back to the default wording. */
      async reset(actor: StaffActor, kind: NoticeKind): Promise<NoticeTemplateView> {
        requireEditor(actor);
        const agencyId = actor.user.agencyId;
        return db.transaction().execute(async (trx) => {
          await noticesRepository(trx).deleteTemplate(agencyId, kind);
          await appendAuditEvent(trx, clock, auditActor(actor), { action: 'notice.template.reset', subjectType: 'noticeTemplate', subjectId: `${agencyId}:${kind}`, agencyId });
          return templateFor(trx, agencyId, kind);
        });
      },
      /**
       * A template (saved, or as being edited) filled with sample values, without a number: the
       * letter as text paragraphs, or as a DOCX/PDF file.
       */
      async preview(actor: StaffActor, kind: NoticeKind, draft?: { title: string; body: string }) {
        const template = draft ?? (await templateFor(db, actor.user.agencyId, kind));
        const problems = templateProblems(kind, template.title, template.body);
        if (problems.length > 0) throw validationFailed(problems);
        const agency = await agencyOf(db, actor.user.agencyId);
        const issuedOn = today(clock);
        const values = { ...SAMPLE_VALUES, ...agencyValues(agency, issuedOn, `${agency.shortName}公开〔${yearOf(issuedOn)}〕（样稿）号`, SAMPLE_VALUES.applicantName!) };
        const letter = noticeLetter({ title: fillTemplate(template.title, values), number: values.noticeNumber!, recipient: values.recipient!, body: fillTemplate(template.body, values), agencyName: agency.name, issuedOn });
        return { letter, render: (format: NoticeFormat) => renderLetter(letter, format) };
      },
    },
    remedy: {
      async get(actor: StaffActor): Promise<RemedySettings> {
        const agency = await agencyOf(db, actor.user.agencyId);
        return {
          reconsiderationBody: agency.reconsiderationBody ?? '', litigationCourt: agency.litigationCourt ?? '',
          defaults: { reconsiderationBody: defaultReconsiderationBody(agency.name), litigationCourt: DEFAULT_LITIGATION_COURT },
          sentence: remedySentence(agency),
        };
      },
      async update(actor: StaffActor, input: { reconsiderationBody: string; litigationCourt: string }): Promise<void> {
        requireEditor(actor);
        const patch = { reconsiderationBody: input.reconsiderationBody.trim(), litigationCourt: input.litigationCourt.trim() };
        await db.transaction().execute(async (trx) => {
          const before = await agencyOf(trx, actor.user.agencyId);
          await noticesRepository(trx).updateAgencyRemedy(actor.user.agencyId, patch);
          await appendAuditEvent(trx, clock, auditActor(actor), {
            action: 'notice.remedy.update', subjectType: 'agency', subjectId: actor.user.agencyId,
            before: { reconsiderationBody: before.reconsiderationBody ?? '', litigationCourt: before.litigationCourt ?? '' }, after: patch,
          });
        });
      },
    },
    /** The date as a notice shows it (for pages that list notices). */
    displayDate: (date: string) => formatChineseDate(date),
  } satisfies NoticeIssuer & Record<string, unknown>;
}

export type NoticesService = ReturnType<typeof createNoticesService>;
