// Tracking codes (查询码): 12 characters of Crockford base32 from 60 random bits, shown in
// groups of four (K7QH-3M9D-X2PA). Unguessable, read aloud over the phone without ambiguity.
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newTrackingCode(): string {
  const bytes = randomBytes(8);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 0; i < 12; i++) out += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return groupCode(out);
}

function groupCode(raw: string): string {
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}`;
}

/** What a person typed → the stored form, or null when it cannot be a tracking code. */
export function normalizeTrackingCode(input: string): string | null {
  const raw = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (raw.length !== 12 || [...raw].some((c) => !ALPHABET.includes(c))) return null;
  return groupCode(raw);
}
