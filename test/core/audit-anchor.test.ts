// The daily anchor of the audit chain: signed, once a day, and a rewritten chain no longer
// matches a digest the auditor kept.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { appendAuditEvent, eventHash, systemActor } from '../../src/core/audit/audit.ts';
import { anchorAuditChain, checkAuditDigest, deriveAnchorKeys } from '../../src/core/audit/anchor.ts';
import { useTestServices } from '../helpers/service-fixture.ts';

describe('audit anchor', () => {
  const keys = deriveAnchorKeys(randomBytes(32));
  const t = useTestServices({
    setup: async (s) => {
      for (let i = 0; i < 3; i++)
        await s.database.db.transaction().execute((trx) => appendAuditEvent(trx, s.clock, systemActor(), { action: 'test.event', subjectType: 'test', subjectId: String(i) }));
    },
  });

  test('anchors the verified head once a day, signed with the derived key', async () => {
    const { db } = t.services.database;
    const head = await db.selectFrom('auditHead').selectAll().executeTakeFirstOrThrow();
    const digest = await anchorAuditChain({ db, clock: t.services.clock, keys });
    assert.equal(digest.date, '2025-09-26');
    assert.equal(digest.lastSeq, head.seq);
    assert.equal(digest.headHash, head.hash);
    assert.equal(digest.publicKey, keys.publicKey);
    const again = await anchorAuditChain({ db, clock: t.services.clock, keys });
    assert.deepEqual(again, digest);
    const anchored = await db.selectFrom('auditEvents').selectAll().where('action', '=', 'audit.anchored').execute();
    assert.equal(anchored.length, 1);
    assert.deepEqual(await checkAuditDigest(db, digest, keys.publicKey), { ok: true });
  });

  test('rejects an altered digest and a digest signed by another key', async () => {
    const { db } = t.services.database;
    const digest = await anchorAuditChain({ db, clock: t.services.clock, keys });
    const forged = { ...digest, payload: digest.payload.replace(`"lastSeq":${digest.lastSeq}`, `"lastSeq":${digest.lastSeq - 1}`) };
    assert.equal((await checkAuditDigest(db, forged, keys.publicKey)).ok, false);
    const other = deriveAnchorKeys(randomBytes(32));
    assert.equal((await checkAuditDigest(db, digest, other.publicKey)).ok, false);
  });

  test('detects a chain rewritten from the anchored event on, every hash recomputed', async () => {
    const { db } = t.services.database;
    const digest = await anchorAuditChain({ db, clock: t.services.clock, keys });
    const rows = await db.selectFrom('auditEvents').selectAll().where('seq', '>=', digest.lastSeq).orderBy('seq').execute();
    const prev = await db.selectFrom('auditEvents').select('hash').where('seq', '=', digest.lastSeq - 1).executeTakeFirstOrThrow();
    let prevHash = prev.hash;
    for (const row of rows) {
      const fields = { ...row, prevHash, summary: row.seq === digest.lastSeq ? '{"before":null,"after":"rewritten"}' : row.summary };
      const { hash: _old, ...hashed } = fields;
      const hash = eventHash(hashed);
      await db.updateTable('auditEvents').set({ summary: fields.summary, prevHash, hash }).where('seq', '=', row.seq).execute();
      prevHash = hash;
    }
    await db.updateTable('auditHead').set({ hash: prevHash }).where('id', '=', 1).execute();
    const check = await checkAuditDigest(db, digest, keys.publicKey);
    assert.equal(check.ok, false);
    assert.match(check.ok ? '' : check.reason, /重写/);
  });
});
