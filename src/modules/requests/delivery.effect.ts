// The `deliver` verb: how the approved notice and the information provided reached the applicant
// (送达). The method is the one the application chose unless the office records another:
// - onlineDownload: the office publishes the reply on /track; that publication is the delivery
//   (the applicant's first download is logged as an event, not waited for);
// - email: an e-mail (text only, no attachments) tells the applicant to download on /track;
// - paper: posted, with the postal tracking number (邮寄单号) required;
// - pickUp: collected at the office, with who signed for it required.
import { enqueueJob } from '../../core/jobs/jobs.ts';
import { validationFailed } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { isLegalDate } from '../../core/time/dates.ts';
import { DELIVERY_METHODS, DELIVERY_METHOD_LABELS, type DeliveryMethod } from './requests.contract.ts';
import { SEND_OUTBOX_JOB } from './requests.notifier.ts';
import { replyFilesRepository } from './reply-files.repository.ts';
import type { Effect, EffectContext } from './verb-effects.ts';

export interface DeliveryInput {
  method?: DeliveryMethod;
  /** The day it was posted, handed over or published; today by default. */
  deliveredOn?: string;
  trackingNumber?: string;
  recipientNote?: string;
}

const TRACKING_NUMBER = /^[0-9A-Za-z-]{6,40}$/;

/** What the applicant reads on /track about the delivery. */
export function deliveryText(d: { method: string; deliveredOn: string; trackingNumber: string }): string {
  switch (d.method as DeliveryMethod) {
    case 'paper':
      return `已于 ${d.deliveredOn} 邮寄送达，邮寄单号 ${d.trackingNumber}`;
    case 'email':
      return `已于 ${d.deliveredOn} 发送电子邮件通知，请在本页下载答复告知书和所提供的信息`;
    case 'pickUp':
      return `已于 ${d.deliveredOn} 当面领取`;
    case 'onlineDownload':
      return `已于 ${d.deliveredOn} 发布，请在本页下载答复告知书和所提供的信息`;
  }
  return `已于 ${d.deliveredOn} 送达`;
}

function trackUrl(publicUrl: string | null | undefined, trackingCode: string): string {
  const path = `/track?code=${encodeURIComponent(trackingCode)}`;
  return publicUrl ? `${publicUrl.replace(/\/+$/, '')}${path}` : path;
}

export async function deliveryEffect(ctx: EffectContext): Promise<Effect> {
  const input: DeliveryInput = ctx.input.delivery ?? {};
  const method = input.method ?? (ctx.row.deliveryMethod as DeliveryMethod);
  if (!DELIVERY_METHODS.includes(method)) throw validationFailed([{ field: 'delivery.method', message: '请选择送达方式' }]);
  const deliveredOn = input.deliveredOn || ctx.todayOn;
  if (!isLegalDate(deliveredOn) || deliveredOn > ctx.todayOn) throw validationFailed([{ field: 'delivery.deliveredOn', message: '送达日期应为不晚于今天的日期' }]);
  const trackingNumber = (input.trackingNumber ?? '').trim().toUpperCase();
  const recipientNote = (input.recipientNote ?? '').trim();
  if (method === 'paper' && !TRACKING_NUMBER.test(trackingNumber))
    throw validationFailed([{ field: 'delivery.trackingNumber', message: '邮寄送达须填写邮寄单号（6–40 位字母或数字）' }]);
  if (method === 'pickUp' && !recipientNote) throw validationFailed([{ field: 'delivery.recipientNote', message: '当面领取须填写签收人' }]);
  if (method === 'email' && !ctx.row.email) throw validationFailed([{ field: 'delivery.method', message: '申请人没有留下电子邮箱，请选择其他送达方式' }]);

  await replyFilesRepository(ctx.trx).insertDelivery({
    id: newId(), requestId: ctx.row.id, method, deliveredOn, trackingNumber: method === 'paper' ? trackingNumber : '', recipientNote,
    recordedBy: ctx.who.name, recordedAt: ctx.now, firstDownloadedAt: null,
  });
  if (method === 'email') {
    // The outbox is text only: the e-mail points to /track, where the files are downloaded after
    // the tracking code and the phone digits are checked.
    const emailId = newId();
    await ctx.repo.insertOutbox({
      id: emailId, toAddress: ctx.row.email, subject: `政府信息公开申请答复（查询码 ${ctx.row.trackingCode}）`,
      body: [
        `您的政府信息公开申请（查询码 ${ctx.row.trackingCode}）已经答复。`,
        `请访问 ${trackUrl(ctx.deps.publicUrl, ctx.row.trackingCode)} ，输入查询码和申请时所留联系电话的后四位，下载答复告知书和所提供的信息。`,
        '下载链接 24 小时内有效，过期后重新查询即可获得新的链接。本邮件由系统发送，请勿直接回复。',
      ].join('\n\n'),
      createdAt: ctx.now, sentAt: null, lastError: '',
    });
    await enqueueJob(ctx.trx, ctx.deps.clock, SEND_OUTBOX_JOB, { id: emailId }, { uniqueKey: `${SEND_OUTBOX_JOB}:${emailId}` });
  }
  return {
    patch: {},
    data: { method, methodLabel: DELIVERY_METHOD_LABELS[method], deliveredOn, ...(method === 'paper' ? { trackingNumber } : {}) },
    publicNote: () => deliveryText({ method, deliveredOn, trackingNumber }),
  };
}
