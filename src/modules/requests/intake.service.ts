// Receiving applications (第二十九–三十一条): online through the portal or the API, and counter,
// post, fax and e-mail applications entered by an officer. An acknowledged application is
// committed before the answer leaves (SQLite synchronous=FULL; PostgreSQL commit), and the same
// idempotency key always returns the same receipt.
// An online application takes one connection from the pool for all its reads and writes: under
// load every checkout waits its turn behind the portal's reads (~100 ms each on PostgreSQL at 200
// connections), and four checkouts in a row made applications the slowest requests by far.
import { appendAuditEvent, type Actor } from '../../core/audit/audit.ts';
import type { DbOrTrx } from '../../core/db/database.ts';
import { isUniqueViolation } from '../../core/db/dialect.ts';
import type { RequestAttachmentTable, RequestTable } from '../../core/db/schema.ts';
import { checkApplicationFiles } from './application-files.ts';
import { AppError, notFound, validationFailed } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { maskIdNumber, maskPhone } from '../../core/text/mask.ts';
import { today } from '../../core/time/clock.ts';
import { auditActor, type StaffActor } from '../accounts/index.ts';
import { CHANNEL_LABELS, type ApplicationFile, type ApplicationInput, type Channel, type OnlineApplication, type Receipt, type RegisteredApplication, type TrackingView } from './requests.contract.ts';
import { publicActor, repoOf, storedDeadlines, writeEvent, type RequestsDeps } from './requests.deps.ts';
import { toTrackingView } from './requests.mapping.ts';
import { assertOfficerOf } from './requests.policy.ts';
import { onlineApplicationInput, registeredApplicationInput } from './requests.schemas.ts';
import { newTrackingCode, normalizeTrackingCode } from '../../core/text/tracking-code.ts';
import type { ZodType } from 'zod';

function parse<T>(schema: ZodType<T>, input: unknown): T {
  const r = schema.safeParse(input);
  if (!r.success) throw validationFailed(r.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
  return r.data;
}

const receiptOf = (row: Pick<RequestTable, 'id' | 'trackingCode' | 'receivedOn' | 'replyDueOn' | 'correctionNoticeDueOn'>): Receipt => ({
  requestId: row.id,
  trackingCode: row.trackingCode,
  receivedOn: row.receivedOn,
  replyDueOn: row.replyDueOn ?? '',
  correctionNoticeDueOn: row.correctionNoticeDueOn ?? '',
});

export const TRACKING_NOT_FOUND = () => new AppError(404, 'TRACKING_NOT_FOUND', '查询码或手机号码后四位不正确，请核对后重试');

export function createIntakeService(deps: RequestsDeps) {
  const { clock, cipher } = deps;

  /** The request row for a validated application, with encrypted identity numbers and due dates. */
  async function buildRow(db: DbOrTrx, agencyId: string, v: ApplicationInput, channel: Channel, receivedOn: string, idempotencyKey: string | null): Promise<RequestTable> {
    const now = clock.now().toISOString();
    const calendar = await deps.calendar.get(db);
    const isOrg = v.applicantType !== 'person';
    const row: RequestTable = {
      id: newId(), agencyId, trackingCode: newTrackingCode(), idempotencyKey, channel,
      kind: v.kind ?? 'disclosure',
      applicantType: v.applicantType, applicantName: v.applicantName, idType: v.idType,
      idNumberEnc: cipher.encrypt(v.idNumber), idNumberIndex: cipher.blindIndex(v.idNumber), idNumberMasked: maskIdNumber(v.idNumber),
      // A credit code is public register data, kept in clear for organisations (annual report, duplicates).
      orgCreditCode: isOrg ? v.idNumber : '',
      legalRepresentative: v.legalRepresentative, agentName: v.agentName,
      agentIdNumberEnc: v.agentIdNumber ? cipher.encrypt(v.agentIdNumber) : '', agentIdNumberMasked: v.agentIdNumber ? maskIdNumber(v.agentIdNumber) : '',
      // The phone is personal data: encrypted at rest, masked where it is shown (issue 4).
      phone: maskPhone(v.phone), phoneEnc: cipher.encrypt(v.phone), phoneLast4: v.phone.replace(/\D/g, '').slice(-4), email: v.email, address: v.address, postcode: v.postcode,
      infoDescription: v.infoDescription, infoTitle: v.infoTitle, infoDocNumber: v.infoDocNumber, purpose: v.purpose,
      deliveryMethod: v.deliveryMethod, feeWaiverRequested: v.feeWaiverRequested ? 1 : 0, feeWaiverReason: v.feeWaiverReason,
      status: 'received', outcome: null, outcomeReason: null,
      originalReceivedOn: receivedOn, receivedOn, receivedAt: now,
      correctionNoticeDueOn: null, correctionRequestedOn: null, correctionPeriodDueOn: null, correctionCount: 0, correctionPeriodDays: 0,
      replyDueOn: null, extensionDays: 0, extensionReason: '', extensionApprovedBy: '',
      closedOn: null, mergedIntoId: null, splitFromId: null, imported: 0, createdAt: now, updatedAt: now,
    };
    return { ...row, ...storedDeadlines(calendar, row, [], today(clock)) };
  }

  /** Checks the files and puts their bytes in the store (content-addressed: a retry stores nothing new). */
  async function storeFiles(files: ApplicationFile[]): Promise<Omit<RequestAttachmentTable, 'requestId'>[]> {
    const checked = await checkApplicationFiles(files, deps.maxUploadBytes);
    const now = clock.now().toISOString();
    const rows = [];
    for (const f of checked) {
      const { sha256, size } = await deps.files.put(f.bytes);
      rows.push({ id: newId(), purpose: f.purpose, sha256, filename: f.filename, mediaType: f.mediaType, size, createdAt: now });
    }
    return rows;
  }

  /** Writes a received application in the caller's transaction; the audit append comes last (it locks the chain's head until commit). */
  async function insertReceived(trx: DbOrTrx, row: RequestTable, actor: Actor, kind: 'received' | 'registered', files: Omit<RequestAttachmentTable, 'requestId'>[]): Promise<void> {
    await repoOf(deps, trx).insertRequest(row);
    await repoOf(deps, trx).insertAttachments(files.map((f) => ({ ...f, requestId: row.id })));
    await writeEvent(trx, deps, actor, {
      requestId: row.id, kind, visibleToApplicant: true,
      note: `${CHANNEL_LABELS[row.channel as Channel]}，收到申请之日 ${row.receivedOn}`,
      publicNote: `收到申请之日 ${row.receivedOn}，答复期限至 ${row.replyDueOn}（20 个工作日，第三十三条）`,
    });
    await appendAuditEvent(trx, clock, actor, {
      action: kind === 'received' ? 'request.apply' : 'request.register', subjectType: 'request', subjectId: row.id, agencyId: row.agencyId,
      after: { trackingCode: row.trackingCode, channel: row.channel, receivedOn: row.receivedOn, replyDueOn: row.replyDueOn },
    });
  }

  return {
    async apply(input: OnlineApplication, ip: string, files: ApplicationFile[] = []): Promise<Receipt> {
      const v = parse(onlineApplicationInput, input);
      // Files first, outside the transaction (no connection held during file I/O); the store is
      // content-addressed, so a retried submission stores nothing new.
      const stored = await storeFiles(files);
      // 第三十一条: an online application is received on the day the platform confirms it.
      for (let attempt = 0; ; attempt++) {
        try {
          return await deps.db.transaction().execute(async (trx) => {
            const repo = repoOf(deps, trx);
            const existing = await repo.requestByIdempotencyKey(v.idempotencyKey);
            if (existing) return receiptOf(existing);
            const agency = await repo.agencyById(v.agencyId);
            if (!agency) throw validationFailed([{ field: 'agencyId', message: '受理机关不存在' }]);
            const row = await buildRow(trx, agency.id, v, 'online', today(clock), v.idempotencyKey);
            await insertReceived(trx, row, publicActor(agency.id, ip), 'received', stored);
            return receiptOf(row);
          });
        } catch (err) {
          if (!isUniqueViolation(err)) throw err;
          // A concurrent submission with the same key won: answer with its receipt.
          const winner = await repoOf(deps).requestByIdempotencyKey(v.idempotencyKey);
          if (winner) return receiptOf(winner);
          if (attempt >= 2) throw err; // a tracking-code collision three times over is not chance
        }
      }
    },

    async register(actor: StaffActor, input: RegisteredApplication, files: ApplicationFile[] = []): Promise<Receipt> {
      assertOfficerOf(actor.user, { agencyId: actor.user.agencyId });
      const v = parse(registeredApplicationInput, input);
      // 第三十一条: in person that day, post the day signed for, fax/e-mail the day confirmed; never later than today.
      if (v.receivedOn > today(clock)) throw validationFailed([{ field: 'receivedOn', message: '收到申请日期不能晚于今天' }]);
      const stored = await storeFiles(files);
      return deps.db.transaction().execute(async (trx) => {
        const row = await buildRow(trx, actor.user.agencyId, v, v.channel, v.receivedOn, null);
        await insertReceived(trx, row, auditActor(actor), 'registered', stored);
        return receiptOf(row);
      });
    },

    /** One answer for a wrong code and a wrong phone, so the form cannot confirm codes. */
    async track(trackingCode: string, phoneLast4: string): Promise<TrackingView> {
      const code = normalizeTrackingCode(trackingCode ?? '');
      const digits = (phoneLast4 ?? '').trim();
      const repo = repoOf(deps);
      const row = code ? await repo.requestByTrackingCode(code) : undefined;
      if (!row || !/^\d{4}$/.test(digits) || row.phoneLast4 !== digits) throw TRACKING_NOT_FOUND();
      const [agency, events, pauses, calendar] = await Promise.all([repo.agencyById(row.agencyId), repo.eventsOf(row.id), repo.pausesOf(row.id), deps.calendar.get()]);
      if (!agency) throw notFound();
      return toTrackingView(row, agency.name, events, pauses, today(clock), calendar);
    },
  };
}
