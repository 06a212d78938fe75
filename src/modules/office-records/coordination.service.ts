// Release coordination (发布协调, 条例 第十一条): before publishing information that concerns another
// agency, the office (or the drafting department) sends it a numbered consultation letter; the
// answer is due in 5 working days and its outcome is recorded. A pending letter blocks publication
// until it is answered or its deadline has passed (then it is recorded as 逾期未答复).
import { appendAuditEvent, systemActor } from '../../core/audit/audit.ts';
import type { Db, DbOrTrx } from '../../core/db/database.ts';
import type { ReleaseCoordinationTable } from '../../core/db/schema.ts';
import { AppError, conflict, forbidden, notFound, validationFailed } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { CalendarService } from '../../core/time/calendar.service.ts';
import { nowIso, today, type Clock } from '../../core/time/clock.ts';
import { deadlineState } from '../../core/time/deadline.ts';
import { auditActor, hasRole, type StaffActor } from '../accounts/index.ts';
import { assertCanReadContent } from '../catalog/index.ts';
import type { CoordinationInput, OutcomeInput, ReleaseCoordination } from './office-records.contract.ts';
import { officeRecordsRepository } from './office-records.repository.ts';
import { blocksPublication, COORDINATION_OUTCOME_LABELS, coordinationDeadline, coordinationNumber, type CoordinationOutcome } from './office-records.rules.ts';
import { coordinationInput, outcomeInput } from './office-records.schemas.ts';

export interface OfficeRecordsDeps {
  db: Db;
  clock: Clock;
  calendar: CalendarService;
}

const parse = <T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown): T => {
  const r = schema.safeParse(value ?? {});
  if (!r.success) throw validationFailed(r.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message })));
  return r.data;
};

/** The office, or the item's own department (drafter, department head), handles its coordination. */
function mayCoordinate(actor: StaffActor, item: { agencyId: string; departmentId: string }): boolean {
  const u = actor.user;
  if (u.agencyId !== item.agencyId) return false;
  return hasRole(u, 'officer') || (hasRole(u, 'drafter', 'departmentHead') && u.departmentId === item.departmentId);
}

export function createCoordinationService(deps: OfficeRecordsDeps) {
  const { db, clock } = deps;

  async function present(rows: ReleaseCoordinationTable[]): Promise<ReleaseCoordination[]> {
    if (!rows.length) return [];
    const calendar = await deps.calendar.get();
    const todayOn = today(clock);
    return rows.map((r) => {
      const outcome = r.outcome as CoordinationOutcome;
      return {
        id: r.id, itemId: r.itemId, number: r.number, recipientAgency: r.recipientAgency, recipientContact: r.recipientContact,
        question: r.question, sentOn: r.sentOn, dueOn: r.dueOn, dueExplanation: coordinationDeadline(calendar, r.sentOn).explanation,
        dueState: outcome === 'pending' ? deadlineState(calendar, r.dueOn, todayOn) : null,
        outcome, outcomeLabel: COORDINATION_OUTCOME_LABELS[outcome], answerText: r.answerText, answeredOn: r.answeredOn,
        recordedBy: r.recordedBy, createdBy: r.createdBy, blocksPublication: blocksPublication(r, todayOn),
      };
    });
  }

  async function itemFor(actor: StaffActor, itemId: string, trx: DbOrTrx = db) {
    const item = await officeRecordsRepository(trx).item(itemId);
    if (!item || item.agencyId !== actor.user.agencyId) throw notFound('信息不存在');
    return item;
  }

  /** Pending letters past their deadline become 逾期未答复 (silence recorded as such). */
  async function expireOverdue(trx: DbOrTrx, rows: ReleaseCoordinationTable[]): Promise<void> {
    const todayOn = today(clock);
    for (const r of rows.filter((row) => row.outcome === 'pending' && row.dueOn < todayOn)) {
      const ok = await officeRecordsRepository(trx).recordOutcome(r.id, { outcome: 'noAnswer', answerText: '', answeredOn: null, recordedBy: '系统', updatedAt: nowIso(clock) });
      if (ok)
        await appendAuditEvent(trx, clock, systemActor('发布协调'), {
          action: 'releaseCoordination.noAnswer', subjectType: 'item', subjectId: r.itemId, agencyId: r.agencyId,
          before: { outcome: 'pending' }, after: { number: r.number, outcome: 'noAnswer', dueOn: r.dueOn },
        });
    }
  }

  /**
   * A letter is read with its item: the work roles only (三员分立: the administrators read no item
   * content), so every route or API that reads letters gets the same rule as the console pages.
   */
  async function get(actor: StaffActor, id: string): Promise<ReleaseCoordination> {
    assertCanReadContent(actor.user);
    const row = await officeRecordsRepository(db).coordination(id);
    if (!row || row.agencyId !== actor.user.agencyId) throw notFound('协调函不存在');
    return (await present([row]))[0];
  }

  return {
    get,
    async list(actor: StaffActor, itemId: string): Promise<ReleaseCoordination[]> {
      assertCanReadContent(actor.user);
      await itemFor(actor, itemId);
      return present(await officeRecordsRepository(db).coordinationsOfItem(itemId));
    },

    async send(actor: StaffActor, itemId: string, input: CoordinationInput): Promise<ReleaseCoordination> {
      const v = parse(coordinationInput, input);
      const id = newId();
      await db.transaction().execute(async (trx) => {
        const item = await itemFor(actor, itemId, trx);
        if (!mayCoordinate(actor, item)) throw forbidden('只有公开办或本科室人员可以发起发布协调');
        if (item.status === 'published' || item.status === 'takenDown')
          throw conflict('ITEM_ALREADY_PUBLISHED', '该信息已发布或已撤稿，发布协调须在发布前进行');
        const repo = officeRecordsRepository(trx);
        const sentOn = today(clock);
        const year = Number(sentOn.slice(0, 4));
        const serial = await repo.nextCoordinationSerial(item.agencyId, year);
        const dueOn = coordinationDeadline(await deps.calendar.get(trx), sentOn).dueOn;
        const at = nowIso(clock);
        const number = coordinationNumber(year, serial);
        await repo.insertCoordination({
          id, agencyId: item.agencyId, itemId, year, serial, number, ...v, sentOn, dueOn, outcome: 'pending', answerText: '',
          answeredOn: null, recordedBy: null, createdBy: `${actor.user.displayName}(${actor.user.username})`, createdAt: at, updatedAt: at,
        });
        await appendAuditEvent(trx, clock, auditActor(actor), {
          action: 'releaseCoordination.send', subjectType: 'item', subjectId: itemId, agencyId: item.agencyId,
          after: { id, number, recipientAgency: v.recipientAgency, dueOn },
        });
      });
      return get(actor, id);
    },

    async recordOutcome(actor: StaffActor, id: string, input: OutcomeInput): Promise<ReleaseCoordination> {
      const v = parse(outcomeInput, input);
      await db.transaction().execute(async (trx) => {
        const repo = officeRecordsRepository(trx);
        const row = await repo.coordination(id);
        if (!row || row.agencyId !== actor.user.agencyId) throw notFound('协调函不存在');
        const item = await itemFor(actor, row.itemId, trx);
        if (!mayCoordinate(actor, item)) throw forbidden('只有公开办或本科室人员可以登记协调结果');
        const todayOn = today(clock);
        if (v.outcome === 'noAnswer' && todayOn <= row.dueOn)
          throw new AppError(409, 'COORDINATION_NOT_DUE', `答复期限 ${row.dueOn} 尚未届满，不能登记为逾期未答复`);
        if (v.outcome === 'objections' && !v.answerText) throw validationFailed([{ field: 'answerText', message: '请填写对方提出的意见' }]);
        const answeredOn = v.outcome === 'noAnswer' ? null : (v.answeredOn ?? todayOn);
        if (answeredOn && (answeredOn < row.sentOn || answeredOn > todayOn))
          throw validationFailed([{ field: 'answeredOn', message: `答复日期须在 ${row.sentOn} 至 ${todayOn} 之间` }]);
        const ok = await repo.recordOutcome(id, {
          outcome: v.outcome, answerText: v.answerText, answeredOn, recordedBy: `${actor.user.displayName}(${actor.user.username})`, updatedAt: nowIso(clock),
        });
        if (!ok) throw conflict('COORDINATION_ALREADY_RECORDED', '该协调函的结果已登记');
        await appendAuditEvent(trx, clock, auditActor(actor), {
          action: 'releaseCoordination.outcome', subjectType: 'item', subjectId: row.itemId, agencyId: row.agencyId,
          before: { outcome: 'pending' }, after: { number: row.number, outcome: v.outcome, answeredOn },
        });
      });
      return get(actor, id);
    },

    /** Review hook: publishing waits while a letter is pending within its deadline (stable code RELEASE_COORDINATION_OPEN). */
    async assertPublishable(trx: DbOrTrx, itemId: string): Promise<void> {
      const rows = await officeRecordsRepository(trx).coordinationsOfItem(itemId);
      await expireOverdue(trx, rows);
      const todayOn = today(clock);
      const open = rows.filter((r) => blocksPublication(r, todayOn));
      if (open.length)
        throw new AppError(409, 'RELEASE_COORDINATION_OPEN',
          `该信息的发布协调尚未结束（${open.map((r) => `${r.number} 致${r.recipientAgency}，答复期限 ${r.dueOn}`).join('；')}），请登记对方答复或待期限届满后再发布`);
    },

    expireOverdue,
  };
}

export type CoordinationService = ReturnType<typeof createCoordinationService>;
