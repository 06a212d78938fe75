// TOTP second factor (RFC 6238; SHA-1, 6 digits, 30 s, as authenticator apps expect), computed on
// the injected clock so that tests can drive time. One step of drift either way is accepted, so a
// code stays valid for about 90 s: callers claim the matched time step (users.totp_last_step) in the
// transaction that uses the code, which refuses a replay (RFC 6238 §5.2; 等保 2.0 level 3).
import { generate, generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import type { Clock } from '../../core/time/clock.ts';

export const TOTP_ISSUER = 'gongkai';

const epochOf = (clock: Clock) => Math.floor(clock.now().getTime() / 1000);

export const newTotpSecret = (): string => generateSecret();

/** The RFC 6238 time step the code belongs to (within one step of the clock), or null when it matches none. */
export async function totpCodeStep(secret: string, code: string, clock: Clock): Promise<number | null> {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const result = await verify({ secret, token, epoch: epochOf(clock), epochTolerance: 30 });
  // The result type also covers HOTP, which has no time step: narrow to the TOTP shape.
  return result.valid && 'timeStep' in result ? result.timeStep : null;
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
