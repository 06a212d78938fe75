// Key rotation of personal data at rest: every value not written under the current key is
// decrypted (current or previous key) and encrypted again; blind indexes are recomputed under
// the current key; phone numbers from before phone encryption are encrypted and masked. Runs in
// batches, each in its own transaction, and is idempotent: a second run changes nothing.
import { appendAuditEvent, type Actor } from '../../core/audit/audit.ts';
import type { FieldCipher } from '../../core/crypto/field-cipher.ts';
import type { Db } from '../../core/db/database.ts';
import { maskPhone } from '../../core/text/mask.ts';
import type { Clock } from '../../core/time/clock.ts';
import { keyRotationRepository } from './key-rotation.repository.ts';

const BATCH = 500;

export interface RotationResult {
  requests: number;
  findings: number;
}

type RequestRow = Awaited<ReturnType<ReturnType<typeof keyRotationRepository>['requestsAfter']>>[number];

function rotatedRequest(cipher: FieldCipher, r: RequestRow) {
  const again = (stored: string) => (stored && cipher.needsRotation(stored) ? cipher.encrypt(cipher.decrypt(stored)) : stored);
  const idNumber = r.idNumberEnc ? cipher.decrypt(r.idNumberEnc) : '';
  const plainPhone = !r.phoneEnc && r.phone && !r.phone.includes('*') ? r.phone : undefined;
  const patch = {
    idNumberEnc: again(r.idNumberEnc),
    idNumberIndex: idNumber ? cipher.blindIndex(idNumber) : r.idNumberIndex,
    agentIdNumberEnc: again(r.agentIdNumberEnc),
    phone: plainPhone ? maskPhone(plainPhone) : r.phone,
    phoneEnc: plainPhone ? cipher.encrypt(plainPhone) : again(r.phoneEnc ?? ''),
  };
  const changed = patch.idNumberEnc !== r.idNumberEnc || patch.idNumberIndex !== r.idNumberIndex || patch.agentIdNumberEnc !== r.agentIdNumberEnc || patch.phoneEnc !== (r.phoneEnc ?? '');
  return changed ? patch : undefined;
}

export async function rotateKeys(deps: { db: Db; clock: Clock; cipher: FieldCipher }, actor: Actor): Promise<RotationResult> {
  const { db, cipher } = deps;
  const result: RotationResult = { requests: 0, findings: 0 };
  for (let after = ''; ;) {
    const rows = await keyRotationRepository(db).requestsAfter(after, BATCH);
    if (rows.length === 0) break;
    await db.transaction().execute(async (trx) => {
      for (const r of rows) {
        const patch = rotatedRequest(cipher, r);
        if (!patch) continue;
        await keyRotationRepository(trx).updateRequest(r.id, patch);
        result.requests++;
      }
    });
    after = rows[rows.length - 1]!.id;
  }
  for (let after = ''; ;) {
    const rows = await keyRotationRepository(db).findingsAfter(after, BATCH);
    if (rows.length === 0) break;
    await db.transaction().execute(async (trx) => {
      for (const r of rows) {
        if (!cipher.needsRotation(r.textEnc)) continue;
        await keyRotationRepository(trx).updateFinding(r.id, cipher.encrypt(cipher.decrypt(r.textEnc)));
        result.findings++;
      }
    });
    after = rows[rows.length - 1]!.id;
  }
  await db.transaction().execute((trx) =>
    appendAuditEvent(trx, deps.clock, actor, { action: 'privacy.keysRotated', subjectType: 'cipher', subjectId: cipher.keyId, after: { ...result } }),
  );
  return result;
}
