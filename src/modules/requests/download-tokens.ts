// Download links on /track: signed (HMAC-SHA-256 under a key derived from the secret key) and
// expiring, so a link can neither be guessed nor used forever. A token names what it opens
// (a notice as PDF or DOCX, or a reply file, of one request) and when it stops working; it is
// checked on every download. Format: `<kind>.<requestId>.<id>.<expiresAtSeconds>.<signature>`.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const DOWNLOAD_TTL_MS = 24 * 60 * 60 * 1000;
export const DOWNLOAD_KINDS = ['noticePdf', 'noticeDocx', 'file'] as const;
export type DownloadKind = (typeof DOWNLOAD_KINDS)[number];

export interface DownloadRef {
  kind: DownloadKind;
  requestId: string;
  id: string;
}

export type TokenCheck = { ok: true; ref: DownloadRef } | { ok: false; reason: 'invalid' | 'expired' };

/** A key for this purpose only, so a download signature is never valid anywhere else. */
export function downloadKey(secretKey: Buffer): Buffer {
  return createHmac('sha256', secretKey).update('gongkai track downloads').digest();
}

function sign(key: Buffer, payload: string): string {
  return createHmac('sha256', key).update(payload).digest('base64url');
}

export function downloadToken(key: Buffer, ref: DownloadRef, nowMs: number, ttlMs = DOWNLOAD_TTL_MS): string {
  const payload = `${ref.kind}.${ref.requestId}.${ref.id}.${Math.floor((nowMs + ttlMs) / 1000)}`;
  return `${payload}.${sign(key, payload)}`;
}

export function checkDownloadToken(key: Buffer, token: string, nowMs: number): TokenCheck {
  const m = /^(noticePdf|noticeDocx|file)\.([0-9A-Za-z]{10,64})\.([0-9A-Za-z]{10,64})\.(\d{1,12})\.([0-9A-Za-z_-]{43})$/.exec(token);
  if (!m) return { ok: false, reason: 'invalid' };
  const [, kind, requestId, id, expires, signature] = m;
  const expected = Buffer.from(sign(key, `${kind}.${requestId}.${id}.${expires}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'invalid' };
  if (nowMs >= Number(expires) * 1000) return { ok: false, reason: 'expired' };
  return { ok: true, ref: { kind: kind as DownloadKind, requestId, id } };
}
