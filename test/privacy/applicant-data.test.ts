// Applicants' personal data at rest (issue 4 part 5): identity and phone numbers encrypted,
// masked where shown; key rotation re-encrypts everything under the new key, recomputes blind
// indexes and encrypts phone numbers stored in clear before phone encryption.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import { systemActor } from '../../src/core/audit/audit.ts';
import { createFieldCipher } from '../../src/core/crypto/field-cipher.ts';
import { loadSecretKey } from '../../src/core/crypto/secret-key.ts';
import { rotateKeys } from '../../src/modules/privacy/index.ts';
import { useServiceFixture } from '../helpers/service-fixture.ts';
import { online, VALID_ID } from '../requests/request-helpers.ts';

describe('applicant data at rest', () => {
  const t = useServiceFixture();

  const rowOf = (trackingCode: string) => t.services.database.db.selectFrom('requests').selectAll().where('trackingCode', '=', trackingCode).executeTakeFirstOrThrow();

  test('an application stores the phone encrypted and masked; tracking by the last four still works', async () => {
    const receipt = await t.services.requests.apply(online(t.fx.agency.id, { phone: '13812346333' }), '203.0.113.9');
    const row = await rowOf(receipt.trackingCode);
    assert.equal(row.phone, '138****6333');
    assert.equal(t.services.cipher.decrypt(row.phoneEnc!), '13812346333');
    assert.ok(!JSON.stringify(row).includes('13812346333') && !JSON.stringify(row).includes(VALID_ID));
    const view = await t.services.requests.track(receipt.trackingCode, '6333');
    assert.equal(view.trackingCode, receipt.trackingCode);
  });

  test('rotate-keys: old-key values and clear phones end up under the new key; a second run changes nothing', async () => {
    const receipt = await t.services.requests.apply(online(t.fx.agency.id, { phone: '13912340001' }), '203.0.113.10');
    const oldKey = randomBytes(32);
    const oldCipher = createFieldCipher(oldKey);
    // A row as an older installation left it: ID under the old key, phone in clear.
    await t.services.database.db.updateTable('requests')
      .set({ idNumberEnc: oldCipher.encrypt(VALID_ID), idNumberIndex: oldCipher.blindIndex(VALID_ID), phone: '13912340001', phoneEnc: '' })
      .where('trackingCode', '=', receipt.trackingCode).execute();
    const rotated = createFieldCipher(randomBytes(32), [oldKey, loadSecretKey(t.services.config)]);
    const deps = { db: t.services.database.db, clock: t.services.clock, cipher: rotated };
    const first = await rotateKeys(deps, systemActor('测试'));
    assert.ok(first.requests >= 1);
    const row = await rowOf(receipt.trackingCode);
    assert.ok(!rotated.needsRotation(row.idNumberEnc) && !rotated.needsRotation(row.phoneEnc!));
    assert.equal(rotated.decrypt(row.idNumberEnc), VALID_ID);
    assert.equal(row.idNumberIndex, rotated.blindIndex(VALID_ID));
    assert.equal(row.phone, '139****0001');
    assert.equal(rotated.decrypt(row.phoneEnc!), '13912340001');
    assert.deepEqual(await rotateKeys(deps, systemActor('测试')), { requests: 0, findings: 0 });
  });
});
