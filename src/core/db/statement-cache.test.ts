import { test } from 'node:test';
import assert from 'node:assert/strict';
import SqliteDatabase from 'better-sqlite3';
import { withStatementCache } from './database.ts';

test('statement cache: one prepared statement per SQL text, bounded, least recently used dropped', () => {
  const sqlite = new SqliteDatabase(':memory:');
  const cached = withStatementCache(sqlite, 2);
  const a = cached.prepare('select 1 as n');
  assert.equal(cached.prepare('select 1 as n'), a);
  assert.deepEqual(a.all([]), [{ n: 1 }]);
  assert.deepEqual(cached.prepare('select 1 as n').all([]), [{ n: 1 }]);
  const b = cached.prepare('select ? as n');
  assert.deepEqual(b.all([7]), [{ n: 7 }]);
  assert.deepEqual(cached.prepare('select ? as n').all([8]), [{ n: 8 }]);
  cached.prepare('select 1 as n');
  cached.prepare('select 3 as n');
  assert.equal(cached.prepare('select 1 as n'), a, 'recently used: kept');
  assert.notEqual(cached.prepare('select ? as n'), b, 'least recently used: prepared again');
  cached.close();
  assert.equal(sqlite.open, false);
});
