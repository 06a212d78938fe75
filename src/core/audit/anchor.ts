// Daily anchor of the audit chain (issue 8 part 4): the head of a verified chain (last sequence,
// head hash, event count) is signed with Ed25519 and stored; the auditor keeps the digests
// elsewhere. Later, `gongkai audit verify --digest FILE` proves the chain still contains that
// head, so rewriting the whole chain from some event on (recomputing every hash) is detected too.
// The signing key is derived from SECRET_KEY (HKDF-SHA256, its own label), so it needs no extra
// secret; the public key is printed with every digest and verifies it without any secret.
import { createPrivateKey, createPublicKey, hkdfSync, sign, verify, type KeyObject } from 'node:crypto';
import type { Db } from '../db/database.ts';
import type { AuditDigestTable } from '../db/schema.ts';
import { legalDate, type Clock } from '../time/clock.ts';
import { isUniqueViolation } from '../db/dialect.ts';
import { appendAuditEvent, systemActor } from './audit.ts';
import { verifyAuditChain } from './verify.ts';

/** PKCS#8 DER prefix of an Ed25519 private key: the 32-byte seed follows it. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export interface AnchorKeys {
  privateKey: KeyObject;
  /** base64 of the SPKI DER public key: what the auditor keeps to check digests. */
  publicKey: string;
}

export function deriveAnchorKeys(secretKey: Buffer): AnchorKeys {
  const seed = Buffer.from(hkdfSync('sha256', secretKey, Buffer.alloc(0), 'gongkai audit digest ed25519', 32));
  const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).toString('base64');
  return { privateKey, publicKey };
}

/** What the auditor downloads: the signed payload, its fields, the key and the signature. */
export interface AuditDigest {
  date: string;
  lastSeq: number;
  headHash: string;
  eventCount: number;
  createdAt: string;
  payload: string;
  publicKey: string;
  signature: string;
}

export const digestOf = (row: AuditDigestTable): AuditDigest => ({ ...row });

/**
 * Anchors today's head once (a second call the same day returns the stored digest). A broken
 * chain is never anchored: the error names the first broken event and the job fails visibly.
 */
export async function anchorAuditChain(deps: { db: Db; clock: Clock; keys: AnchorKeys }): Promise<AuditDigest> {
  const { db, clock, keys } = deps;
  const date = legalDate(clock.now());
  const existing = await db.selectFrom('auditDigests').selectAll().where('date', '=', date).executeTakeFirst();
  if (existing) return digestOf(existing);
  const chain = await verifyAuditChain(db);
  if (!chain.ok) throw new Error(`审计链已断裂，不予锚定：事件 #${chain.brokenSeq}：${chain.reason}`);
  const createdAt = clock.now().toISOString();
  const fields = { date, lastSeq: chain.events, headHash: chain.headHash, eventCount: chain.events, createdAt };
  const payload = JSON.stringify(fields);
  const signature = sign(null, Buffer.from(payload), keys.privateKey).toString('base64');
  const row: AuditDigestTable = { ...fields, payload, publicKey: keys.publicKey, signature };
  try {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('auditDigests').values(row).execute();
      await appendAuditEvent(trx, clock, systemActor(), {
        action: 'audit.anchored', subjectType: 'auditDigest', subjectId: date, after: { lastSeq: row.lastSeq, headHash: row.headHash },
      });
    });
  } catch (err) {
    // Another worker anchored the same day first: theirs stands.
    if (!isUniqueViolation(err)) throw err;
    return digestOf(await db.selectFrom('auditDigests').selectAll().where('date', '=', date).executeTakeFirstOrThrow());
  }
  return digestOf(row);
}

export type DigestCheck = { ok: true } | { ok: false; reason: string };

/**
 * Checks a digest the auditor kept: its signature (against `trustedPublicKey` when given, else the
 * key it carries), that its fields are the signed ones, and that event #lastSeq of the current
 * chain still has the anchored hash while the whole chain verifies.
 */
export async function checkAuditDigest(db: Db, digest: AuditDigest, trustedPublicKey?: string): Promise<DigestCheck> {
  const keyText = trustedPublicKey ?? digest.publicKey;
  let signed = false;
  try {
    const key = createPublicKey({ key: Buffer.from(keyText, 'base64'), format: 'der', type: 'spki' });
    signed = verify(null, Buffer.from(digest.payload), key, Buffer.from(digest.signature, 'base64'));
  } catch {
    signed = false;
  }
  if (!signed) return { ok: false, reason: '摘要签名无效（摘要被改动或不是本系统的密钥签发）' };
  const fields = JSON.parse(digest.payload) as Pick<AuditDigest, 'date' | 'lastSeq' | 'headHash' | 'eventCount'>;
  const chain = await verifyAuditChain(db);
  if (!chain.ok) return { ok: false, reason: `审计链已断裂：事件 #${chain.brokenSeq}：${chain.reason}` };
  if (chain.events < fields.lastSeq) return { ok: false, reason: `审计链只有 ${chain.events} 个事件，少于 ${fields.date} 锚定的 ${fields.lastSeq} 个` };
  // An empty chain was anchored as seq 0 with the all-zero genesis hash.
  const anchored = fields.lastSeq === 0 ? { hash: '0'.repeat(64) } : await db.selectFrom('auditEvents').select('hash').where('seq', '=', fields.lastSeq).executeTakeFirst();
  if (anchored?.hash !== fields.headHash)
    return { ok: false, reason: `事件 #${fields.lastSeq} 的哈希与 ${fields.date} 锚定的链头不符（审计链被重写）` };
  return { ok: true };
}
