// SQLite transactions begin IMMEDIATE: a second process writing the same file (a separate worker,
// a CLI command) waits for the write lock instead of making a read-then-write transaction fail
// with SQLITE_BUSY halfway (found by the fault test, bench/faults.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { openDatabase } from './database.ts';

test('a transaction holds the write lock from its start; the other writer waits, this one commits', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-immediate-'));
  const file = path.join(dir, 'x.sqlite');
  const handle = openDatabase({ kind: 'sqlite', file });
  const other = new SqliteDatabase(file);
  try {
    await sql`create table t (n integer)`.execute(handle.db);
    await sql`insert into t values (1)`.execute(handle.db);
    other.pragma('busy_timeout = 0');
    await handle.db.transaction().execute(async (trx) => {
      const before = await sql<{ n: number }>`select count(*) as n from t`.execute(trx);
      assert.equal(Number(before.rows[0].n), 1);
      // Another process's write meanwhile: refused at once here (no wait), so it cannot slip in.
      assert.throws(() => other.prepare('insert into t values (2)').run(), { code: 'SQLITE_BUSY' });
      await sql`insert into t values (3)`.execute(trx);
    });
    other.prepare('insert into t values (4)').run();
    assert.deepEqual(other.prepare('select n from t order by n').all().map((r) => (r as { n: number }).n), [1, 3, 4]);
  } finally {
    other.close();
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
