// `gongkai requests import FILE`: an agency that starts mid-year or migrates from an older ledger
// brings in its requests so that carry-over (二, 四) and the year's figures (第五十条) are right.
// The whole file is validated first and rejected with a line-by-line list if any row is wrong;
// otherwise every row is inserted in one transaction with one audit event (count, file hash).
import { createHash } from 'node:crypto';
import path from 'node:path';
import { appendAuditEvent, type Actor } from '../../core/audit/audit.ts';
import type { Db } from '../../core/db/database.ts';
import type { RequestTable } from '../../core/db/schema.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { CalendarService } from '../../core/time/calendar.service.ts';
import type { WorkingDayCalendar } from '../../core/time/calendar.ts';
import { today, type Clock } from '../../core/time/clock.ts';
import { correctionNoticeDeadline, replyDeadline } from '../requests/index.ts';
import { ledgerImportRepository } from './ledger-import.repository.ts';
import { parseCsv, parseXlsx, toLedgerLines, validateLedger, type LedgerError, type LedgerRow } from './ledger-import.parse.ts';

export interface LedgerImportDeps {
  db: Db;
  clock: Clock;
  calendar: CalendarService;
  agency(id: string): Promise<{ id: string } | undefined>;
}

export interface LedgerImportResult { imported: number; open: number; closed: number; sha256: string }

/** The rejection of a ledger: status 422, one field error per problem ('第 N 行'). */
export class LedgerRejected extends AppError {
  constructor(readonly problems: LedgerError[]) {
    super(422, 'LEDGER_INVALID', `台账有 ${problems.length} 处错误，未导入任何记录`, problems.map((p) => ({ field: `第 ${p.line} 行`, message: p.message })));
  }
}

/** Placeholder applicant fields: the ledger does not carry personal data, only what table 三 needs. */
export const IMPORTED_APPLICANT_NAME = '（导入）';

function requestRow(agencyId: string, r: LedgerRow, calendar: WorkingDayCalendar, todayOn: string, now: string): RequestTable {
  const open = r.closedOn === null;
  let replyDueOn: string | null = null;
  let correctionNoticeDueOn: string | null = null;
  if (open) {
    // An open imported request is 'accepted' with its reply deadline (第三十三条) computed, so that
    // the register, reminders and the overdue list treat it like any other open request.
    replyDueOn = replyDeadline(calendar, { receivedOn: r.receivedOn, extensionDays: 0, pauses: [] }, todayOn).dueOn;
    correctionNoticeDueOn = correctionNoticeDeadline(calendar, r.receivedOn).dueOn;
  }
  const organisation = r.applicantType !== 'person';
  return {
    id: newId(), agencyId, trackingCode: r.trackingCode, idempotencyKey: null, channel: 'counter', applicantType: r.applicantType,
    applicantName: IMPORTED_APPLICANT_NAME, idType: organisation ? 'creditCode' : 'residentId', idNumberEnc: '', idNumberIndex: '', idNumberMasked: '',
    orgCreditCode: '', legalRepresentative: '', agentName: '', agentIdNumberEnc: '', agentIdNumberMasked: '', phone: '', phoneLast4: '', email: '',
    address: '', postcode: '', infoDescription: '（自申请登记台账导入）', infoTitle: '', infoDocNumber: '', purpose: '', deliveryMethod: 'paper',
    feeWaiverRequested: 0, feeWaiverReason: '', status: open ? 'accepted' : 'closed', outcome: r.outcome, outcomeReason: r.reason,
    originalReceivedOn: r.receivedOn, receivedOn: r.receivedOn, receivedAt: `${r.receivedOn}T00:00:00.000Z`, correctionNoticeDueOn,
    correctionRequestedOn: null, correctionPeriodDueOn: null, correctionCount: 0, correctionPeriodDays: 0, replyDueOn, extensionDays: 0,
    extensionReason: '', extensionApprovedBy: '', closedOn: r.closedOn, mergedIntoId: null, splitFromId: null, imported: 1, kind: 'disclosure',
    createdAt: now, updatedAt: now,
  };
}

export function createLedgerImportService(deps: LedgerImportDeps) {
  return {
    /** Validates and imports a ledger file (.csv or .xlsx); throws LedgerRejected listing every bad line. */
    async importLedger(actor: Actor, agencyId: string, file: { filename: string; bytes: Buffer }): Promise<LedgerImportResult> {
      if (!(await deps.agency(agencyId))) throw notFound('找不到该机关');
      const ext = path.extname(file.filename).toLowerCase();
      if (ext !== '.csv' && ext !== '.xlsx') throw new AppError(400, 'LEDGER_FORMAT', '台账须为 CSV 或 XLSX 文件');
      let raw: { line: number; fields: string[] }[];
      try {
        raw = ext === '.csv' ? parseCsv(file.bytes.toString('utf8')) : await parseXlsx(file.bytes);
      } catch {
        throw new LedgerRejected([{ line: 1, message: '无法读取该 XLSX 文件' }]);
      }
      const { lines, errors: shapeErrors } = toLedgerLines(raw);
      if (shapeErrors.length) throw new LedgerRejected(shapeErrors);
      const repo = ledgerImportRepository(deps.db);
      const existing = await repo.existingTrackingCodes([...new Set(lines.map((l) => l.cells.trackingCode ?? '').filter(Boolean))]);
      const todayOn = today(deps.clock);
      const { rows, errors } = validateLedger(lines, existing, todayOn);
      if (errors.length) throw new LedgerRejected(errors);
      const calendar = await deps.calendar.get();
      const now = deps.clock.now().toISOString();
      const records = rows.map((r) => requestRow(agencyId, r, calendar, todayOn, now));
      const sha256 = createHash('sha256').update(file.bytes).digest('hex');
      const open = records.filter((r) => r.closedOn === null).length;
      await deps.db.transaction().execute(async (trx) => {
        await ledgerImportRepository(trx).insertRequests(records);
        await appendAuditEvent(trx, deps.clock, actor, {
          action: 'request.import', subjectType: 'agency', subjectId: agencyId, agencyId,
          after: { count: records.length, open, closed: records.length - open, filename: path.basename(file.filename), sha256 },
        });
      });
      return { imported: records.length, open, closed: records.length - open, sha256 };
    },
  };
}
export type LedgerImportService = ReturnType<typeof createLedgerImportService>;
