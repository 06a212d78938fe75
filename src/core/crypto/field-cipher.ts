// Encryption of personal data at rest (identity numbers, phone numbers, screening findings):
// AES-256-GCM with a random IV per value, plus a keyed blind index (HMAC-SHA-256) so that equal
// values can be found without decrypting. Both keys are derived from the one secret key (HKDF)
// so that they never coincide.
//
// Key rotation: values are written as `v2:<key id>:<data>` under the current key; previous keys
// (SECRET_KEY_PREVIOUS) still decrypt what they wrote, and `gongkai privacy rotate-keys`
// re-encrypts every stored value under the current key and recomputes the blind indexes.
// `v1:<data>` values (before key ids existed) are tried against every key.
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';

export interface FieldCipher {
  encrypt(plaintext: string): string;
  decrypt(stored: string): string;
  /** A stable, keyed fingerprint for equality look-ups (duplicate applications, one applicant). */
  blindIndex(value: string): string;
  /** The current key's id (in every value it encrypts). */
  keyId: string;
  /** True when `stored` was not written under the current key (rotate-keys re-encrypts it). */
  needsRotation(stored: string): boolean;
}

interface DerivedKey {
  id: string;
  enc: Buffer;
  mac: Buffer;
}

function derive(secretKey: Buffer): DerivedKey {
  if (secretKey.length < 32) throw new Error('the secret key must be at least 32 bytes');
  const enc = Buffer.from(hkdfSync('sha256', secretKey, Buffer.alloc(0), 'gongkai field encryption', 32));
  const mac = Buffer.from(hkdfSync('sha256', secretKey, Buffer.alloc(0), 'gongkai blind index', 32));
  // The id names the key without revealing it: a hash of a third derived value.
  const id = createHash('sha256').update(Buffer.from(hkdfSync('sha256', secretKey, Buffer.alloc(0), 'gongkai key id', 32))).digest('hex').slice(0, 8);
  return { id, enc, mac };
}

function open(key: DerivedKey, data: string): string {
  const raw = Buffer.from(data, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key.enc, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

export function createFieldCipher(secretKey: Buffer, previousKeys: Buffer[] = []): FieldCipher {
  const current = derive(secretKey);
  const keys = [current, ...previousKeys.map(derive).filter((k) => k.id !== current.id)];
  return {
    keyId: current.id,
    encrypt(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current.enc, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return `v2:${current.id}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt(stored) {
      const parts = stored.split(':');
      if (parts[0] === 'v2' && parts.length === 3) {
        const key = keys.find((k) => k.id === parts[1]);
        if (!key) throw new Error(`no key ${parts[1]} to decrypt this value: set SECRET_KEY_PREVIOUS`);
        return open(key, parts[2]!);
      }
      if (parts[0] === 'v1' && parts.length === 2) {
        for (const key of keys) {
          try {
            return open(key, parts[1]!);
          } catch {
            // Authentication failed under this key: try the next one.
          }
        }
        throw new Error('no key decrypts this value: set SECRET_KEY_PREVIOUS');
      }
      throw new Error('unknown ciphertext format');
    },
    blindIndex(value) {
      return createHmac('sha256', current.mac).update(value.trim().toUpperCase()).digest('hex');
    },
    needsRotation(stored) {
      return !stored.startsWith(`v2:${current.id}:`);
    },
  };
}
