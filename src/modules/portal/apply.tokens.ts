// Signed values carried by the application form and its receipt link. The form stamp records
// when the form was shown (HMAC, so it cannot be forged): a submission faster than a person can
// type, or a replay of a form shown hours ago, is refused. The receipt token lets the receipt
// page show its dates without a second factor, and nobody can make one for a code they guessed.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const MIN_FILL_MS = 3_000;
export const MAX_FORM_AGE_MS = 2 * 60 * 60 * 1000;

function sign(key: Buffer, purpose: string, payload: string): string {
  return createHmac('sha256', key).update(`${purpose}\n${payload}`).digest('base64url');
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** `issuedAtMs.idempotencyKey.signature` */
export function formStamp(key: Buffer, issuedAtMs: number, idempotencyKey: string): string {
  const payload = `${issuedAtMs}.${idempotencyKey}`;
  return `${payload}.${sign(key, 'apply-form', payload)}`;
}

export type StampCheck = { ok: true; idempotencyKey: string } | { ok: false; reason: 'invalid' | 'tooFast' | 'expired' };

export function checkFormStamp(key: Buffer, stamp: string, nowMs: number): StampCheck {
  const m = /^(\d{1,15})\.([0-9A-Za-z_-]{10,64})\.([0-9A-Za-z_-]{43})$/.exec(stamp);
  if (!m) return { ok: false, reason: 'invalid' };
  const [, issued, idempotencyKey, signature] = m;
  if (!sameText(signature, sign(key, 'apply-form', `${issued}.${idempotencyKey}`))) return { ok: false, reason: 'invalid' };
  const age = nowMs - Number(issued);
  if (age < MIN_FILL_MS) return { ok: false, reason: 'tooFast' };
  if (age > MAX_FORM_AGE_MS) return { ok: false, reason: 'expired' };
  return { ok: true, idempotencyKey };
}

export interface ReceiptDates {
  receivedOn: string;
  replyDueOn: string;
  correctionNoticeDueOn: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The receipt link's `k`: the receipt's dates and a signature over them and the tracking code. */
export function receiptToken(key: Buffer, trackingCode: string, dates: ReceiptDates): string {
  const payload = `${dates.receivedOn}.${dates.replyDueOn}.${dates.correctionNoticeDueOn}`;
  return `${payload}.${sign(key, 'apply-receipt', `${trackingCode}.${payload}`)}`;
}

export function readReceiptToken(key: Buffer, trackingCode: string, token: string): ReceiptDates | null {
  const parts = token.split('.');
  if (parts.length !== 4 || !parts.slice(0, 3).every((p) => DATE.test(p))) return null;
  const [receivedOn, replyDueOn, correctionNoticeDueOn, signature] = parts;
  const expected = sign(key, 'apply-receipt', `${trackingCode}.${receivedOn}.${replyDueOn}.${correctionNoticeDueOn}`);
  return sameText(signature, expected) ? { receivedOn, replyDueOn, correctionNoticeDueOn } : null;
}
