// Reading-room provision (查阅场所, 条例 第二十五条): every published public item is provided to each
// reading room the agency has configured within 20 working days of publication. Rows are created
// in the publication transaction (review hook) and by a daily job that fills what is missing;
// the office ticks them off (one or many at a time) with the date and who did it.
import { appendAuditEvent } from '../../core/audit/audit.ts';
import type { DbOrTrx } from '../../core/db/database.ts';
import { forbidden, validationFailed } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { nowIso, today } from '../../core/time/clock.ts';
import { addCalendarDays } from '../../core/time/dates.ts';
import { deadlineState } from '../../core/time/deadline.ts';
import { auditActor, hasRole, type StaffActor } from '../accounts/index.ts';
import { assertCanReadContent } from '../catalog/index.ts';
import type { OfficeRecordsDeps } from './coordination.service.ts';
import type { ProvisionQuery, ProvisionRow, ReadingRoom } from './office-records.contract.ts';
import { officeRecordsRepository } from './office-records.repository.ts';
import { parseReadingRooms, READING_ROOM_BACKFILL_DAYS, readingRoomDeadline } from './office-records.rules.ts';
import { provideInput, readingRoomsInput } from './office-records.schemas.ts';
import { readingRoomsRepository } from './reading-rooms.repository.ts';

const LIST_LIMIT = 1000;

const issues = (error: { issues: { path: PropertyKey[]; message: string }[] }) =>
  validationFailed(error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message })));

/**
 * The office keeps the checklist and the leaders oversee it; administrators and the office keep
 * the room list. The checklist names items and the staff who provided them: 三员分立, the system
 * administrator keeps the room list (configuration) but reads no checklist, nor do the security
 * administrator and the auditor.
 */
const mayReadChecklist = (actor: StaffActor) => hasRole(actor.user, 'officer', 'leader');
const mayTick = (actor: StaffActor) => hasRole(actor.user, 'officer');
const mayEditRooms = (actor: StaffActor) => hasRole(actor.user, 'officer', 'sysAdmin');

export function createReadingRoomsService(deps: OfficeRecordsDeps) {
  const { db, clock } = deps;

  async function roomsOf(trx: DbOrTrx, agencyId: string): Promise<ReadingRoom[]> {
    const agency = await officeRecordsRepository(trx).agency(agencyId);
    return agency ? parseReadingRooms(agency.readingRooms) : [];
  }

  /** Rows for one item in every room; existing rows are left alone. */
  async function provideRows(trx: DbOrTrx, agencyId: string, items: { id: string; publishedOn: string | null }[], rooms: ReadingRoom[]): Promise<number> {
    if (!rooms.length || !items.length) return 0;
    const calendar = await deps.calendar.get(trx);
    const at = nowIso(clock);
    const rows = items.filter((i) => i.publishedOn).flatMap((i) => {
      const dueOn = readingRoomDeadline(calendar, i.publishedOn!).dueOn;
      return rooms.map((r) => ({
        id: newId(), agencyId, itemId: i.id, roomName: r.name, publishedOn: i.publishedOn!, dueOn,
        providedOn: null, providedBy: null, providedById: null, createdAt: at,
      }));
    });
    return readingRoomsRepository(trx).insertMissing(rows);
  }

  return {
    rooms: (agencyId: string) => roomsOf(db, agencyId),

    async setRooms(actor: StaffActor, input: { rooms: ReadingRoom[] }): Promise<ReadingRoom[]> {
      if (!mayEditRooms(actor)) throw forbidden('只有系统管理员或公开办可以维护查阅场所');
      const parsed = readingRoomsInput.safeParse(input ?? {});
      if (!parsed.success) throw issues(parsed.error);
      const agencyId = actor.user.agencyId;
      await db.transaction().execute(async (trx) => {
        const before = await roomsOf(trx, agencyId);
        await readingRoomsRepository(trx).setRooms(agencyId, JSON.stringify(parsed.data.rooms));
        await appendAuditEvent(trx, clock, auditActor(actor), {
          action: 'agency.readingRooms', subjectType: 'agency', subjectId: agencyId, agencyId, before: { rooms: before }, after: { rooms: parsed.data.rooms },
        });
      });
      return roomsOf(db, agencyId);
    },

    /** Review hook (publication transaction): rows for each configured room, public items only. */
    async onPublished(trx: DbOrTrx, itemId: string, publishedOn: string): Promise<void> {
      const item = await officeRecordsRepository(trx).item(itemId);
      if (!item || item.scope !== 'public') return;
      await provideRows(trx, item.agencyId, [{ id: itemId, publishedOn }], await roomsOf(trx, item.agencyId));
    },

    /** Safety net (daily job): fills missing rows for recent publications; idempotent. */
    async fillMissing(): Promise<number> {
      const sinceOn = addCalendarDays(today(clock), -READING_ROOM_BACKFILL_DAYS);
      let total = 0;
      for (const agency of await readingRoomsRepository(db).agencies()) {
        const rooms = parseReadingRooms(agency.readingRooms);
        if (!rooms.length) continue;
        const items = await readingRoomsRepository(db).publishedPublicSince(agency.id, sinceOn);
        total += await db.transaction().execute((trx) => provideRows(trx, agency.id, items, rooms));
      }
      return total;
    },

    /** The checklist: not provided first, overdue first (earliest due), then provided ones. */
    async list(actor: StaffActor, query: ProvisionQuery): Promise<ProvisionRow[]> {
      if (!mayReadChecklist(actor)) throw forbidden('只有公开办和机关领导可以查看查阅场所提供清单');
      const agencyId = actor.user.agencyId;
      const roomNames = (await roomsOf(db, agencyId)).map((r) => r.name);
      const rows = await readingRoomsRepository(db).list({ agencyId, roomNames, roomName: query.roomName || undefined, state: query.state }, LIST_LIMIT);
      const calendar = rows.length ? await deps.calendar.get() : undefined;
      const todayOn = today(clock);
      const out = rows.map((r) => ({ ...r, dueState: r.providedOn || !calendar ? null : deadlineState(calendar, r.dueOn, todayOn) }));
      return [...out.filter((r) => !r.providedOn), ...out.filter((r) => r.providedOn)];
    },

    /** An item's rows, for its record page: the item's readers (the work roles). */
    async ofItem(actor: StaffActor, itemId: string): Promise<ProvisionRow[]> {
      assertCanReadContent(actor.user);
      const item = await officeRecordsRepository(db).item(itemId);
      if (!item || item.agencyId !== actor.user.agencyId) return [];
      const calendar = await deps.calendar.get();
      const todayOn = today(clock);
      return (await readingRoomsRepository(db).ofItem(itemId)).map((r) => ({
        id: r.id, itemId: r.itemId, title: item.title, indexNumber: null, roomName: r.roomName, publishedOn: r.publishedOn, dueOn: r.dueOn,
        providedOn: r.providedOn, providedBy: r.providedBy, dueState: r.providedOn ? null : deadlineState(calendar, r.dueOn, todayOn),
      }));
    },

    /** Ticks rows as provided (bulk); rows already ticked are left as they were. Returns how many changed. */
    async markProvided(actor: StaffActor, input: { ids: string[]; providedOn: string }): Promise<number> {
      if (!mayTick(actor)) throw forbidden('只有公开办可以登记查阅场所提供情况');
      const parsed = provideInput.safeParse(input ?? {});
      if (!parsed.success) throw issues(parsed.error);
      const { ids, providedOn } = parsed.data;
      const todayOn = today(clock);
      if (providedOn > todayOn) throw validationFailed([{ field: 'providedOn', message: '提供日期不能晚于今天' }]);
      return db.transaction().execute(async (trx) => {
        const repo = readingRoomsRepository(trx);
        const rows = (await repo.byIds(actor.user.agencyId, [...new Set(ids)])).filter((r) => !r.providedOn);
        const early = rows.find((r) => providedOn < r.publishedOn);
        if (early) throw validationFailed([{ field: 'providedOn', message: `提供日期不能早于发布日期 ${early.publishedOn}` }]);
        const providedBy = `${actor.user.displayName}(${actor.user.username})`;
        const changed = await repo.markProvided(rows.map((r) => r.id), { providedOn, providedBy, providedById: actor.user.id });
        for (const r of rows)
          await appendAuditEvent(trx, clock, auditActor(actor), {
            action: 'readingRoom.provided', subjectType: 'item', subjectId: r.itemId, agencyId: r.agencyId,
            after: { roomName: r.roomName, providedOn, dueOn: r.dueOn },
          });
        return changed;
      });
    },
  };
}

export type ReadingRoomsService = ReturnType<typeof createReadingRoomsService>;
