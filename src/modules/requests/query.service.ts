// Reading requests: the office's register, the department's queue, the record page, the
// supervisor's view of its county bureaus, and the audited reveal of an identity number.
import { appendAuditEvent } from '../../core/audit/audit.ts';
import { authorize } from '../../core/authz/authz.ts';
import type { DbOrTrx } from '../../core/db/database.ts';
import { notFound, validationFailed } from '../../core/errors.ts';
import { today } from '../../core/time/clock.ts';
import { auditActor, type StaffActor } from '../accounts/index.ts';
import type { RequestStatus, RequestVerb } from './request.workflow.ts';
import type { RegisterQuery, RequestDetail, RequestSummary, SupervisedAgency } from './requests.contract.ts';
import { repoOf, type RequestsDeps } from './requests.deps.ts';
import { toDetail, toSummary } from './requests.mapping.ts';
import { assertCanListRegister, assertCanRead, assertCanSupervise, assertOfficerOf, availableVerbs, canSeeDepartmentQueue } from './requests.policy.ts';
import type { RequestRow } from './requests.repository.ts';
import { registerQueryInput } from './requests.schemas.ts';
import { normalizeTrackingCode } from '../../core/text/tracking-code.ts';

export function createQueryService(deps: RequestsDeps) {
  const { clock } = deps;

  /** The record page's data, without a policy check (callers check first). */
  async function loadDetail(id: string, db: DbOrTrx = deps.db): Promise<RequestDetail> {
    const repo = repoOf(deps, db);
    const row = await repo.requestById(id);
    if (!row) throw notFound('申请不存在');
    const [departments, pauses, events, attachments, calendar] = await Promise.all([
      repo.assignmentsOf(id), repo.pausesOf(id), repo.eventsOf(id), repo.attachmentsOf(id), deps.calendar.get(db),
    ]);
    return toDetail(row, { departments, pauses, events, attachments }, calendar, today(clock));
  }

  async function summaries(rows: RequestRow[]): Promise<RequestSummary[]> {
    const repo = repoOf(deps);
    const [assignments, calendar] = await Promise.all([repo.assignmentsFor(rows.map((r) => r.id)), deps.calendar.get()]);
    const todayOn = today(clock);
    return rows.map((r) => toSummary(r, assignments.filter((a) => a.requestId === r.id), calendar, todayOn));
  }

  async function accessOf(id: string) {
    const repo = repoOf(deps);
    const row = await repo.requestById(id);
    if (!row) return undefined;
    const assignments = await repo.assignmentsOf(id);
    return { row, access: { status: row.status as RequestStatus, agencyId: row.agencyId, handlingDepartmentIds: assignments.map((a) => a.id) } };
  }

  return {
    loadDetail,
    summaries,

    async get(actor: StaffActor, id: string): Promise<RequestDetail> {
      const found = await accessOf(id);
      assertCanRead(actor.user, found?.access);
      return loadDetail(id);
    },

    async attachment(actor: StaffActor, requestId: string, attachmentId: string) {
      const found = await accessOf(requestId);
      assertCanRead(actor.user, found?.access);
      const att = await repoOf(deps).attachmentById(requestId, attachmentId);
      if (!att) throw notFound('文件不存在');
      return { filename: att.filename, mediaType: att.mediaType, bytes: await deps.files.get(att.sha256) };
    },

    async list(actor: StaffActor, query: RegisterQuery) {
      assertCanListRegister(actor.user);
      const parsed = registerQueryInput.safeParse(query);
      if (!parsed.success) throw validationFailed(parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
      const q = parsed.data;
      const result = await repoOf(deps).list({
        agencyId: actor.user.agencyId, status: q.status, todayOn: today(clock), departmentId: q.departmentId, channel: q.channel,
        q: q.q || undefined, trackingCode: q.q ? normalizeTrackingCode(q.q) : null, receivedFrom: q.receivedFrom, receivedTo: q.receivedTo,
        limit: q.pageSize, offset: (q.page - 1) * q.pageSize,
      });
      return { items: await summaries(result.items), total: result.total, page: q.page, pageSize: q.pageSize };
    },

    async departmentQueue(actor: StaffActor): Promise<RequestSummary[]> {
      authorize(canSeeDepartmentQueue(actor.user), '只有承办单位的工作人员有本单位承办的申请');
      if (!actor.user.departmentId) return [];
      return summaries(await repoOf(deps).departmentQueue(actor.user.departmentId));
    },

    availableVerbs(actor: StaffActor, request: { status: RequestStatus; agencyId: string; handlingDepartmentIds: string[] }): RequestVerb[] {
      return availableVerbs(actor.user, request);
    },

    async revealIdNumber(actor: StaffActor, id: string): Promise<string> {
      const row = await repoOf(deps).requestById(id);
      assertOfficerOf(actor.user, row);
      return deps.db.transaction().execute(async (trx) => {
        await appendAuditEvent(trx, clock, auditActor(actor), {
          action: 'request.revealIdNumber', subjectType: 'request', subjectId: id, agencyId: row!.agencyId, after: { trackingCode: row!.trackingCode },
        });
        return deps.cipher.decrypt(row!.idNumberEnc);
      });
    },

    /** A city bureau's view of its county bureaus: open and overdue counts and the overdue list. */
    async supervisorSummary(actor: StaffActor): Promise<SupervisedAgency[]> {
      assertCanSupervise(actor.user);
      const children = await deps.childAgencies(actor.user.agencyId);
      const repo = repoOf(deps);
      const todayOn = today(clock);
      const out: SupervisedAgency[] = [];
      for (const child of children) {
        const counts = await repo.openAndOverdueCounts(child.id, todayOn);
        const overdue = counts.overdue
          ? (await repo.list({ agencyId: child.id, status: 'overdue', todayOn, limit: 100, offset: 0 })).items
          : [];
        out.push({ agencyId: child.id, agencyName: child.name, ...counts, overdueRequests: await summaries(overdue) });
      }
      return out;
    },
  };
}

export type QueryService = ReturnType<typeof createQueryService>;
