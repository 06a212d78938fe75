// The audit chain detects any altered, deleted or truncated event; concurrent appends never fork.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { appendAuditEvent, systemActor } from '../../src/core/audit/audit.ts';
import { verifyAuditChain } from '../../src/core/audit/verify.ts';
import { createTestServices, type TestServices } from '../helpers/test-services.ts';

describe('audit hash chain', () => {
  let s: TestServices;
  before(async () => {
    s = await createTestServices();
  });
  after(async () => s.cleanup());

  const cliEnv = () => ({ ...process.env, NODE_ENV: 'test', DATA_DIR: s.dataDir, DATABASE_URL: s.config.database.kind === 'postgres' ? s.config.database.url : '' });
  const append = (n: number) =>
    s.database.db.transaction().execute((trx) =>
      appendAuditEvent(trx, s.clock, systemActor('测试'), { action: 'test.event', subjectType: 'test', subjectId: String(n), after: { n } }),
    );

  test('an intact chain verifies, including concurrent appends', async () => {
    await Promise.all(Array.from({ length: 30 }, (_, i) => append(i)));
    const result = await verifyAuditChain(s.database.db);
    assert.equal(result.ok, true);
    const rows = await s.database.db.selectFrom('auditEvents').select('seq').orderBy('seq').execute();
    assert.deepEqual(rows.map((r) => r.seq), Array.from({ length: rows.length }, (_, i) => i + 1));
    const ok = spawnSync(process.execPath, ['bin/gongkai.js', 'audit', 'verify'], { env: cliEnv(), encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /审计链完整/);
  });

  test('an altered field is detected at that event', async () => {
    const db = s.database.db;
    await db.updateTable('auditEvents').set({ actorName: '篡改者' }).where('seq', '=', 5).execute();
    const result = await verifyAuditChain(db);
    assert.equal(result.ok, false);
    if (!result.ok) assert.equal(result.brokenSeq, 5);
    await db.updateTable('auditEvents').set({ actorName: '测试' }).where('seq', '=', 5).execute();
    assert.equal((await verifyAuditChain(db)).ok, true, 'restoring the value restores the chain');
  });

  test('a deleted tail is detected through the head row', async () => {
    const db = s.database.db;
    await append(100);
    assert.equal((await verifyAuditChain(db)).ok, true);
    const last = await db.selectFrom('auditHead').select('seq').executeTakeFirstOrThrow();
    await db.deleteFrom('auditEvents').where('seq', '=', last.seq).execute();
    const result = await verifyAuditChain(db);
    assert.equal(result.ok, false);
    if (!result.ok) assert.equal(result.brokenSeq, last.seq);
  });
  test('the CLI exits non-zero naming the first broken event when a row is deleted', async () => {
    const db = s.database.db;
    const env = cliEnv();
    await sql`delete from audit_events where seq = 7`.execute(db);
    const broken = spawnSync(process.execPath, ['bin/gongkai.js', 'audit', 'verify'], { env, encoding: 'utf8' });
    assert.equal(broken.status, 1);
    assert.match(broken.stderr, /#7/);
  });

});
