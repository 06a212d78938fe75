// Encryption of personal data at rest (identity numbers): AES-256-GCM with a random IV per
// value, plus a keyed blind index (HMAC-SHA-256) so that equal values can be found without
// decrypting. Both keys are derived from the one secret key (HKDF) so that they never coincide.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';

export interface FieldCipher {
  encrypt(plaintext: string): string;
  decrypt(stored: string): string;
  /** A stable, keyed fingerprint for equality look-ups (duplicate applications, one applicant). */
  blindIndex(value: string): string;
}

export function createFieldCipher(secretKey: Buffer): FieldCipher {
  if (secretKey.length < 32) throw new Error('the secret key must be at least 32 bytes');
  const encKey = Buffer.from(hkdfSync('sha256', secretKey, Buffer.alloc(0), 'gongkai field encryption', 32));
  const macKey = Buffer.from(hkdfSync('sha256', secretKey, Buffer.alloc(0), 'gongkai blind index', 32));
  return {
    encrypt(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt(stored) {
      const [version, data] = stored.split(':', 2);
      if (version !== VERSION || !data) throw new Error('unknown ciphertext format');
      const raw = Buffer.from(data, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    blindIndex(value) {
      return createHmac('sha256', macKey).update(value.trim().toUpperCase()).digest('hex');
    },
  };
}
