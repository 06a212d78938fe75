// TOTP second factor (RFC 6238; SHA-1, 6 digits, 30 s, as authenticator apps expect), computed on
// the injected clock so that tests can drive time. One step of drift either way is accepted.
import { generate, generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import type { Clock } from '../../core/time/clock.ts';

export const TOTP_ISSUER = 'gongkai';

const epochOf = (clock: Clock) => Math.floor(clock.now().getTime() / 1000);

export const newTotpSecret = (): string => generateSecret();

export async function totpCodeValid(secret: string, code: string, clock: Clock): Promise<boolean> {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return false;
  const result = await verify({ secret, token, epoch: epochOf(clock), epochTolerance: 30 });
  return result.valid;
}

/** The current code: what the user's app would show (used by tests and the enrolment check). */
export const totpCodeAt = (secret: string, clock: Clock): Promise<string> => generate({ secret, epoch: epochOf(clock) });

export function totpUri(secret: string, username: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: username, secret });
}

/** The enrolment QR code as an SVG data URL (the CSP allows data: images; no inline script). */
export async function totpQrDataUrl(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
