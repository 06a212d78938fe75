// What the requests use cases need, and the small helpers they share: stored deadlines
// recomputed from their inputs, timeline events, the public actor.
import type { Actor } from '../../core/audit/audit.ts';
import type { FieldCipher } from '../../core/crypto/field-cipher.ts';
import type { FileStore } from '../../core/files/file-store.ts';
import type { Db, DbOrTrx, DialectName } from '../../core/db/database.ts';
import type { RequestEventTable, RequestPauseTable, RequestTable } from '../../core/db/schema.ts';
import { newId } from '../../core/ids.ts';
import type { NoticeIssuer } from '../notices/notices.contract.ts';
import type { CalendarService } from '../../core/time/calendar.service.ts';
import type { WorkingDayCalendar } from '../../core/time/calendar.ts';
import type { Clock } from '../../core/time/clock.ts';
import { toldDateAfterCalendarChange } from '../../core/time/told-dates.ts';
import { correctionNoticeDeadline, correctionPeriodDeadline, replyDeadline } from './request.deadlines.ts';
import { isOpen, type RequestStatus } from './request.workflow.ts';
import { requestsRepository } from './requests.repository.ts';

export interface RequestsDeps {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  calendar: CalendarService;
  cipher: FieldCipher;
  /** Where application files are kept (content-addressed), and the largest accepted. */
  files: FileStore;
  maxUploadBytes: number;
  /** Supervision: the agencies a city bureau oversees. */
  childAgencies(agencyId: string): Promise<{ id: string; name: string }[]>;
  /** Issues the workflow's notices (告知书) in the step's transaction (request-notices.ts). */
  notices: NoticeIssuer;
  /** The portal's public address, for links in e-mails (/track); null: relative links. */
  publicUrl?: string | null;
}

export const repoOf = (deps: RequestsDeps, db: DbOrTrx = deps.db) => requestsRepository(db, deps.dialect);

/** The applicant, as the audit log names them (no personal data in the log). */
export const publicActor = (agencyId: string, ip: string): Actor => ({ id: null, name: '公众（网上申请）', agencyId, ip });

export type StoredDeadlines = Pick<RequestTable, 'replyDueOn' | 'correctionNoticeDueOn' | 'correctionPeriodDueOn'>;

/**
 * The stored due dates of a request from their inputs. While the applicant is correcting
 * (第三十条) there is no reply deadline: the clock restarts from the corrected request.
 * Closed requests keep the dates they had.
 */
export function storedDeadlines(
  calendar: WorkingDayCalendar,
  row: Pick<RequestTable, 'status' | 'receivedOn' | 'extensionDays' | 'correctionCount' | 'correctionRequestedOn' | 'correctionPeriodDays' | 'replyDueOn' | 'correctionNoticeDueOn' | 'correctionPeriodDueOn'>,
  pauses: Pick<RequestPauseTable, 'startedOn' | 'endedOn'>[],
  todayOn: string,
): StoredDeadlines {
  const status = row.status as RequestStatus;
  if (!isOpen(status) || status === 'delivered')
    return { replyDueOn: row.replyDueOn, correctionNoticeDueOn: row.correctionNoticeDueOn, correctionPeriodDueOn: row.correctionPeriodDueOn };
  const replyDueOn = status === 'awaitingApplicant'
    ? null
    : replyDeadline(calendar, { receivedOn: row.receivedOn, extensionDays: Number(row.extensionDays), pauses }, todayOn).dueOn;
  const correctionNoticeDueOn = Number(row.correctionCount) === 0 ? correctionNoticeDeadline(calendar, row.receivedOn).dueOn : null;
  // Told to the applicant in the correction notice: never earlier than told (core/time/told-dates.ts).
  const correctionPeriodDueOn = row.correctionRequestedOn
    ? toldDateAfterCalendarChange(row.correctionPeriodDueOn, correctionPeriodDeadline(calendar, row.correctionRequestedOn, Number(row.correctionPeriodDays) || undefined).dueOn)
    : null;
  return { replyDueOn, correctionNoticeDueOn, correctionPeriodDueOn };
}

export interface EventInput {
  requestId: string;
  kind: string;
  note?: string;
  /** Shown to the applicant on /track (only for visible events). */
  publicNote?: string;
  visibleToApplicant: boolean;
  data?: Record<string, unknown>;
}

export async function writeEvent(trx: DbOrTrx, deps: RequestsDeps, actor: Actor, e: EventInput): Promise<void> {
  const row: RequestEventTable = {
    id: newId(),
    requestId: e.requestId,
    at: deps.clock.now().toISOString(),
    actorId: actor.id,
    actorName: actor.name,
    kind: e.kind,
    note: e.note ?? '',
    data: JSON.stringify({ ...(e.data ?? {}), ...(e.publicNote ? { publicNote: e.publicNote } : {}) }),
    visibleToApplicant: e.visibleToApplicant ? 1 : 0,
  };
  await requestsRepository(trx, deps.dialect).insertEvent(row);
}
