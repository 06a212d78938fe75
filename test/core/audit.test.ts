// The audit chain detects any altered, deleted or truncated event; concurrent appends never fork.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { appendAuditEvent, eventHash, systemActor } from '../../src/core/audit/audit.ts';
import { verifyAuditChain } from '../../src/core/audit/verify.ts';
import { runCli } from '../helpers/cli.ts';
import { useTestServices } from '../helpers/service-fixture.ts';

describe('audit hash chain', () => {
  const t = useTestServices();

  const append = (n: number) =>
    t.services.database.db.transaction().execute((trx) =>
      appendAuditEvent(trx, t.services.clock, systemActor('测试'), { action: 'test.event', subjectType: 'test', subjectId: String(n), after: { n } }),
    );

  test('an intact chain verifies, including concurrent appends', async () => {
    await Promise.all(Array.from({ length: 30 }, (_, i) => append(i)));
    const result = await verifyAuditChain(t.services.database.db);
    assert.equal(result.ok, true);
    const rows = await t.services.database.db.selectFrom('auditEvents').select('seq').orderBy('seq').execute();
    assert.deepEqual(rows.map((r) => r.seq), Array.from({ length: rows.length }, (_, i) => i + 1));
    const ok = runCli(t.services, ['audit', 'verify']);
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /审计链完整/);
  });

  test('every stored hash is eventHash of its fields, whatever characters they hold', async () => {
    // On PostgreSQL the hash is computed in SQL (audit.ts): it must hash exactly the text eventHash does.
    const awkward = '引号" 反斜杠\\ 换行\n 制表\t \u0001 \u2028 😀 \ud800 <script>';
    await t.services.database.db.transaction().execute((trx) =>
      appendAuditEvent(trx, t.services.clock, { id: 'u1', name: awkward, agencyId: null, ip: '::1' }, {
        action: 'test.awkward', subjectType: 'test', subjectId: awkward, agencyId: 'a1', before: { s: awkward }, after: null,
      }),
    );
    const db = t.services.database.db;
    const rows = await db.selectFrom('auditEvents').selectAll().orderBy('seq').execute();
    const last = rows[rows.length - 1]!;
    // A lone surrogate cannot be stored: both databases keep U+FFFD, and so does the hash.
    assert.equal(last.actorName, awkward.replace('\ud800', '\ufffd'));
    for (const row of rows) assert.equal(row.hash, eventHash(row), `event #${row.seq}`);
    const head = await db.selectFrom('auditHead').selectAll().executeTakeFirstOrThrow();
    assert.deepEqual([head.seq, head.hash, head.prevHash], [last.seq, last.hash, last.prevHash]);
    assert.equal(last.prevHash, rows[rows.length - 2]!.hash);
    assert.equal((await verifyAuditChain(db)).ok, true);
  });

  test('an altered field is detected at that event', async () => {
    const db = t.services.database.db;
    await db.updateTable('auditEvents').set({ actorName: '篡改者' }).where('seq', '=', 5).execute();
    const result = await verifyAuditChain(db);
    assert.equal(result.ok, false);
    if (!result.ok) assert.equal(result.brokenSeq, 5);
    await db.updateTable('auditEvents').set({ actorName: '测试' }).where('seq', '=', 5).execute();
    assert.equal((await verifyAuditChain(db)).ok, true, 'restoring the value restores the chain');
  });

  test('a deleted tail is detected through the head row', async () => {
    const db = t.services.database.db;
    await append(100);
    assert.equal((await verifyAuditChain(db)).ok, true);
    const last = await db.selectFrom('auditHead').select('seq').executeTakeFirstOrThrow();
    await db.deleteFrom('auditEvents').where('seq', '=', last.seq).execute();
    const result = await verifyAuditChain(db);
    assert.equal(result.ok, false);
    if (!result.ok) assert.equal(result.brokenSeq, last.seq);
  });
  test('the CLI exits non-zero naming the first broken event when a row is deleted', async () => {
    const db = t.services.database.db;
    await sql`delete from audit_events where seq = 7`.execute(db);
    const broken = runCli(t.services, ['audit', 'verify']);
    assert.equal(broken.status, 1);
    assert.match(broken.stderr, /#7/);
  });

});
