// What the applicant receives, and where: the delivery record on the record page and on /track,
// and the /track downloads (答复告知书 as PDF and DOCX, the information provided — the redacted
// copy where one exists, the original only for granted items) behind signed, expiring links.
// Reply notices and files appear once the reply is delivered (送达); for online download the
// office's "deliver" is the publication, and the applicant's first download is logged as an event.
// Every download is audited without personal data.
import { appendAuditEvent } from '../../core/audit/audit.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { nowIso } from '../../core/time/clock.ts';
import type { StaffActor } from '../accounts/index.ts';
import type { IssuedNotice } from '../notices/notices.contract.ts';
import { deliveryText } from './delivery.effect.ts';
import { checkDownloadToken, downloadKey, downloadToken, type DownloadRef } from './download-tokens.ts';
import { DELIVERY_METHOD_LABELS, type DeliveryMethod, type RequestsService } from './requests.contract.ts';
import { publicActor, repoOf, writeEvent, type RequestsDeps } from './requests.deps.ts';
import { releaseOfFiles } from './reply-files.service.ts';
import { replyFilesRepository } from './reply-files.repository.ts';

/** The notices module's rendering, as far as delivery needs it. */
export interface NoticeFiles {
  listForRequest(requestId: string): Promise<IssuedNotice[]>;
  render(id: string, format: 'pdf' | 'docx'): Promise<Buffer>;
}

export interface DeliveryDeps extends RequestsDeps {
  requests: Pick<RequestsService, 'get'>;
  secretKey: Buffer;
  noticeFiles?: NoticeFiles;
}

export interface DeliveryView {
  method: DeliveryMethod;
  methodLabel: string;
  deliveredOn: string;
  trackingNumber: string;
  recipientNote: string;
  recordedBy: string;
  firstDownloadedAt: string | null;
  /** What /track says. */
  text: string;
}

export interface TrackDownloads {
  delivery: { text: string } | null;
  notices: { title: string; number: string; issuedOn: string; isReply: boolean; pdfPath: string; docxPath: string }[];
  files: { filename: string; size: number; redacted: boolean; path: string }[];
}

// An abandoned request (第三十条) ends with its termination notice, which is the applicant's at once.
const DELIVERED = ['delivered', 'closed', 'abandoned'];
/** Letters addressed to a third party are not the applicant's to download. */
const NOT_FOR_APPLICANT = ['thirdPartyConsultation'];
const isReplyNotice = (kind: string) => kind.startsWith('reply.') || kind === 'recordCorrection';
const MEDIA = { pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } as const;

const expired = () => new AppError(410, 'DOWNLOAD_EXPIRED', '下载链接已过期，请重新查询办理进度后再下载');

export function createDeliveryService(deps: DeliveryDeps) {
  const { db, clock, files } = deps;
  const key = downloadKey(deps.secretKey);

  async function applicantNotices(requestId: string, delivered: boolean): Promise<IssuedNotice[]> {
    const all = deps.noticeFiles ? await deps.noticeFiles.listForRequest(requestId) : [];
    return all.filter((n) => !NOT_FOR_APPLICANT.includes(n.kind) && (delivered || !isReplyNotice(n.kind)));
  }

  async function open(ref: DownloadRef): Promise<{ filename: string; mediaType: string; bytes: Buffer }> {
    const request = await repoOf(deps).requestById(ref.requestId);
    if (!request) throw notFound();
    const delivered = DELIVERED.includes(request.status);
    if (ref.kind === 'file') {
      const entry = delivered ? (await releaseOfFiles(replyFilesRepository(db), request.id)).find((f) => f.file.id === ref.id) : undefined;
      if (!entry || (entry.release !== 'original' && entry.release !== 'redacted')) throw notFound();
      const sha = entry.release === 'redacted' ? entry.file.redactedSha256! : entry.file.sha256;
      return { filename: entry.file.filename, mediaType: entry.file.mediaType, bytes: await files.get(sha) };
    }
    const notice = (await applicantNotices(request.id, delivered)).find((n) => n.id === ref.id);
    if (!notice || !deps.noticeFiles) throw notFound();
    const format = ref.kind === 'noticePdf' ? 'pdf' : 'docx';
    return { filename: `${notice.title}（${notice.number}）.${format}`, mediaType: MEDIA[format], bytes: await deps.noticeFiles.render(notice.id, format) };
  }

  return {
    async deliveryOf(actor: StaffActor, requestId: string): Promise<DeliveryView | null> {
      const r = await deps.requests.get(actor, requestId);
      const d = await replyFilesRepository(db).deliveryOf(r.id);
      if (!d) return null;
      return {
        method: d.method as DeliveryMethod, methodLabel: DELIVERY_METHOD_LABELS[d.method as DeliveryMethod] ?? d.method, deliveredOn: d.deliveredOn,
        trackingNumber: d.trackingNumber, recipientNote: d.recipientNote, recordedBy: d.recordedBy, firstDownloadedAt: d.firstDownloadedAt, text: deliveryText(d),
      };
    },

    /**
     * The downloads of a request, with fresh 24-hour links. Call only after /track has checked
     * the tracking code and the phone digits (requests.track).
     */
    async trackDownloads(trackingCode: string): Promise<TrackDownloads> {
      const request = await repoOf(deps).requestByTrackingCode(trackingCode);
      if (!request) throw notFound();
      const delivered = DELIVERED.includes(request.status);
      const nowMs = clock.now().getTime();
      const link = (ref: Omit<DownloadRef, 'requestId'>) => `/track/files/${downloadToken(key, { ...ref, requestId: request.id }, nowMs)}`;
      const delivery = delivered ? await replyFilesRepository(db).deliveryOf(request.id) : undefined;
      const released = delivered ? (await releaseOfFiles(replyFilesRepository(db), request.id)).filter((f) => f.release === 'original' || f.release === 'redacted') : [];
      return {
        delivery: delivery ? { text: deliveryText(delivery) } : null,
        notices: (await applicantNotices(request.id, delivered)).map((n) => ({
          title: n.title, number: n.number, issuedOn: n.issuedOn, isReply: isReplyNotice(n.kind),
          pdfPath: link({ kind: 'noticePdf', id: n.id }), docxPath: link({ kind: 'noticeDocx', id: n.id }),
        })),
        files: released.map((f) => ({
          filename: f.file.filename, redacted: f.release === 'redacted',
          size: Number(f.release === 'redacted' ? f.file.redactedSize : f.file.size), path: link({ kind: 'file', id: f.file.id }),
        })),
      };
    },

    /** A /track download: 404 for a forged link or one that no longer applies, 410 once expired. */
    async openDownload(token: string, ip: string): Promise<{ filename: string; mediaType: string; bytes: Buffer }> {
      const check = checkDownloadToken(key, token, clock.now().getTime());
      if (!check.ok) throw check.reason === 'expired' ? expired() : notFound();
      const { ref } = check;
      const file = await open(ref);
      const request = (await repoOf(deps).requestById(ref.requestId))!;
      const at = nowIso(clock);
      await db.transaction().execute(async (trx) => {
        const actor = publicActor(request.agencyId, ip);
        const first = DELIVERED.includes(request.status) && (await replyFilesRepository(trx).markFirstDownload(request.id, at));
        if (first) await writeEvent(trx, deps, actor, { requestId: request.id, kind: 'firstDownload', note: '申请人首次下载答复', visibleToApplicant: false, data: { what: ref.kind } });
        await appendAuditEvent(trx, clock, actor, {
          action: 'reply.downloaded', subjectType: 'request', subjectId: request.id, agencyId: request.agencyId,
          after: { what: ref.kind, id: ref.id, size: file.bytes.length },
        });
      });
      return file;
    },
  };
}

export type DeliveryService = ReturnType<typeof createDeliveryService>;
