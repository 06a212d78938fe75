// A restore that fails leaves the target as it was (issue 8 part 5): a failure at each stage — a
// truncated archive, a file failing its sha256, row counts the snapshot does not have, a row the
// database refuses, the store failing after some files, a SQLite target still in use — leaves the
// target database (empty, or with data under --force) exactly as before, and the error says so.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { sql } from 'kysely';
import type { DatabaseConfig } from '../../src/config.ts';
import { createBackup, type BackupManifest } from '../../src/core/backup/backup.ts';
import { restoreBackup } from '../../src/core/backup/restore.ts';
import { openDatabase } from '../../src/core/db/database.ts';
import { AppError } from '../../src/core/errors.ts';
import { createDiskFileStore, type FileStore } from '../../src/core/files/file-store.ts';
import { allRows, assertSameRows, seedBackupContent, storedFiles } from '../helpers/backup.ts';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../helpers/postgres.ts';
import { useTestServices } from '../helpers/service-fixture.ts';
import { usingPostgres } from '../helpers/test-services.ts';

const root = path.resolve(import.meta.dirname, '../..');

interface Target {
  database: DatabaseConfig;
  attachmentsDir: string;
}

describe('a restore that fails leaves the target as it was', () => {
  const t = useTestServices({ setup: seedBackupContent });
  let work: string;
  let good: string;
  const databases: ThrowawayDatabase[] = [];

  const newTarget = async (name: string): Promise<Target> => {
    let database: DatabaseConfig = { kind: 'sqlite', file: path.join(work, name, 'gongkai.sqlite') };
    if (usingPostgres) {
      const db = await createThrowawayDatabase(process.env.TEST_DATABASE_URL!, 'gk_restore');
      databases.push(db);
      database = { kind: 'postgres', url: db.url };
    }
    return { database, attachmentsDir: path.join(work, name, 'attachments') };
  };

  /** Every row of every table ('absent': no SQLite file) and every stored file of a target. */
  const stateOf = async (target: Target) => {
    if (target.database.kind === 'sqlite' && !fs.existsSync(target.database.file)) return { rows: 'absent', files: await storedFiles(createDiskFileStore(target.attachmentsDir)) };
    const handle = openDatabase(target.database);
    try {
      const rows: Record<string, string[]> = {};
      for (const table of await handle.db.introspection.getTables()) rows[table.name] = await allRows(handle.db, table.name);
      return { rows, files: await storedFiles(createDiskFileStore(target.attachmentsDir)) };
    } finally {
      await handle.close();
    }
  };

  /** A target restored from the good archive, then changed, so that a replaced database would show. */
  const populatedTarget = async (name: string): Promise<Target> => {
    const target = await newTarget(name);
    await restoreBackup(target, good);
    const handle = openDatabase(target.database);
    try {
      await sql`update agencies set name = ${'恢复前的机关名称'}`.execute(handle.db);
    } finally {
      await handle.close();
    }
    return target;
  };

  /** The good archive unpacked, changed by `edit` (which may change the manifest) and packed again. */
  const variant = (name: string, edit: (dir: string, manifest: BackupManifest) => void): string => {
    const dir = path.join(work, `${name}-unpacked`);
    fs.mkdirSync(dir);
    execFileSync('tar', ['-xzf', good, '-C', dir]);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as BackupManifest;
    edit(dir, manifest);
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
    const archive = path.join(work, `${name}.tar.gz`);
    execFileSync('tar', ['-czf', archive, '-C', dir, '.']);
    return archive;
  };

  /** Restoring `archive` fails with `code`, says what it left, and the target is as it was. */
  const failsLeavingTarget = async (target: Target, archive: string, code: string, state: RegExp, opts: { force?: boolean; store?: FileStore } = { force: true }) => {
    const before = await stateOf(target);
    await assert.rejects(restoreBackup(target, archive, opts), (e: unknown) => {
      assert.ok(e instanceof AppError, String(e));
      assert.equal(e.code, code, e.message);
      assert.match(e.message, state);
      return true;
    });
    assert.deepEqual((await stateOf(target)).rows, before.rows);
    return before;
  };

  const UNTOUCHED = /数据库与附件存储均未改动 \/ nothing was restored/;

  before(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-restore-fail-'));
    good = path.join(work, 'good.tar.gz');
    await createBackup(t.services.config, t.services.clock, good);
  });
  after(async () => {
    for (const db of databases) await db.drop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  test('a truncated archive or a file failing its sha256 is refused before the target is touched', async () => {
    const target = await populatedTarget('checked');
    const truncated = path.join(work, 'truncated.tar.gz');
    const bytes = fs.readFileSync(good);
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const before = await failsLeavingTarget(target, truncated, 'BACKUP_CORRUPT', /无法完整解包.*nothing was restored/);
    assert.deepEqual((await stateOf(target)).files, before.files);

    const corrupt = variant('corrupt-file', (dir, manifest) => fs.appendFileSync(path.join(dir, manifest.files[1].path), 'x'));
    await failsLeavingTarget(target, corrupt, 'BACKUP_CORRUPT', UNTOUCHED);
    assert.deepEqual((await stateOf(target)).files, before.files);
  });

  test('row counts the snapshot does not have: refused, the old database kept (on PostgreSQL, rolled back after loading)', async () => {
    const countsOff = variant('counts-off', (_dir, manifest) => {
      manifest.tables.items += 1;
    });
    const target = await populatedTarget('counts');
    await failsLeavingTarget(target, countsOff, 'RESTORE_MISMATCH', usingPostgres ? /items.*数据库保持恢复前的状态/ : /items.*nothing was restored/);
    // An empty target stays empty, and the store keeps only files of this archive: a good restore needs no --force.
    const empty = await newTarget('counts-empty');
    await failsLeavingTarget(empty, countsOff, 'RESTORE_MISMATCH', usingPostgres ? /仍为空/ : UNTOUCHED, {});
    const manifest = await restoreBackup(empty, good);
    await assertSameRows(empty.database, t.services.database.db, Object.keys(manifest.tables));
  });

  test('a row the database refuses (a broken foreign key) fails the restore and keeps the old database', async () => {
    // A source whose rows break a foreign key: restored, then a parent row deleted with the checks off.
    const source = await newTarget('broken-source');
    await restoreBackup(source, good);
    if (source.database.kind === 'sqlite') {
      const raw = new SqliteDatabase(source.database.file);
      raw.pragma('foreign_keys = OFF');
      raw.exec('delete from columns where id in (select column_id from items)');
      raw.close();
    } else {
      const client = new pg.Client({ connectionString: source.database.url });
      await client.connect();
      await client.query("set session_replication_role = 'replica'; delete from columns where id in (select column_id from items)");
      await client.end();
    }
    const broken = path.join(work, 'broken.tar.gz');
    await createBackup(source, t.services.clock, broken);
    const target = await populatedTarget('refusing');
    await failsLeavingTarget(target, broken, 'RESTORE_REFUSED', usingPostgres ? /PostgreSQL refused.*foreign key.*数据库保持恢复前的状态/ : /items → columns.*nothing was restored/);
  });

  test('the store failing after some files leaves the database as it was; the restore can be run again', async () => {
    const failingAfter = (store: FileStore, n: number): FileStore => {
      let puts = 0;
      return { ...store, put: async (bytes, opts) => (++puts > n ? Promise.reject(new Error('磁盘已满 / no space left on device')) : store.put(bytes, opts)) };
    };
    const empty = await newTarget('files-empty');
    await failsLeavingTarget(empty, good, 'RESTORE_FAILED', /no space left.*数据库未改动；附件存储中已写入本备份的 1 个文件/, {
      store: failingAfter(createDiskFileStore(empty.attachmentsDir), 1),
    });
    const manifest = await restoreBackup(empty, good);
    assert.deepEqual((await stateOf(empty)).files, await storedFiles(t.services.files));
    assert.ok(manifest.files.length >= 2);

    const target = await populatedTarget('files');
    await failsLeavingTarget(target, good, 'RESTORE_FAILED', /the database is unchanged; 0 of the archive's files/, {
      force: true,
      store: failingAfter(createDiskFileStore(target.attachmentsDir), 0),
    });
  });

  test('`gongkai restore --force` exits non-zero with the message and leaves the target as it was', async () => {
    const target = await populatedTarget('cli');
    const truncated = path.join(work, 'cli-truncated.tar.gz');
    fs.writeFileSync(truncated, fs.readFileSync(good).subarray(0, 200));
    const before = await stateOf(target);
    const url = target.database.kind === 'postgres' ? target.database.url : `sqlite:${target.database.file}`;
    const cli = spawnSync(process.execPath, ['bin/gongkai.js', 'restore', truncated, '--force'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'test', DATA_DIR: path.dirname(target.attachmentsDir), DATABASE_URL: url },
    });
    assert.equal(cli.status, 1, cli.stderr);
    assert.match(cli.stderr, /BACKUP_CORRUPT: 备份文件无法完整解包.*数据库与附件存储均未改动/);
    assert.deepEqual(await stateOf(target), before);
  });

  test('SQLite: a target still in use is refused, and a stale WAL is neither lost nor replayed into the new file', { skip: usingPostgres }, async () => {
    const target = await populatedTarget('wal');
    const file = (target.database as { file: string }).file;
    // As a server has it open: a connection that has read the database.
    const open = new SqliteDatabase(file);
    open.prepare('select count(*) from agencies').get();
    try {
      await failsLeavingTarget(target, good, 'RESTORE_TARGET_IN_USE', /stop the server and the worker.*数据库保持恢复前的状态（原有数据未被替换）.* \/ the database is as it was before the restore/);
    } finally {
      open.close();
    }
    // A process killed with committed pages still in its -wal file (read nothing before the restore:
    // opening the file would fold the WAL in).
    const killedWriting = (name: string) => {
      const killed = spawnSync(
        process.execPath,
        ['-e', `const D = require('better-sqlite3'); const d = new D(process.argv[1]); d.pragma('wal_autocheckpoint = 0'); d.prepare('update agencies set name = ?').run(process.argv[2]); process.kill(process.pid, 'SIGKILL');`, file, name],
        { cwd: root },
      );
      assert.equal(killed.signal, 'SIGKILL');
      assert.ok(fs.statSync(`${file}-wal`).size > 0);
    };
    killedWriting('只在 WAL 中的名称');
    const countsOff = variant('wal-counts-off', (_dir, manifest) => {
      manifest.tables.agencies += 1;
    });
    await assert.rejects(restoreBackup(target, countsOff, { force: true }), (e: unknown) => e instanceof AppError && e.code === 'RESTORE_MISMATCH');
    const kept = await stateOf(target);
    assert.match(JSON.stringify((kept.rows as Record<string, string[]>).agencies), /只在 WAL 中的名称/);

    killedWriting('又一个只在 WAL 中的名称');
    const manifest = await restoreBackup(target, good, { force: true });
    await assertSameRows(target.database, t.services.database.db, Object.keys(manifest.tables));
    assert.deepEqual(fs.readdirSync(path.dirname(file)).filter((n) => n.includes('restoring')), []);
  });
});
