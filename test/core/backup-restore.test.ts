// Backup and restore (issue 8 part 5): data across modules is backed up online, restored into a
// fresh target, and every row of every table and every attachment file comes back identical.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseConfig } from '../../src/config.ts';
import { createBackup, dailyBackup, latestBackup } from '../../src/core/backup/backup.ts';
import { FILE_REFERENCES, NOT_FILE_REFERENCES } from '../../src/core/backup/references.ts';
import { restoreBackup } from '../../src/core/backup/restore.ts';
import { AppError } from '../../src/core/errors.ts';
import { createDiskFileStore, relativePathOf } from '../../src/core/files/file-store.ts';
import { assertSameRows, seedBackupContent, storedFiles } from '../helpers/backup.ts';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../helpers/postgres.ts';
import { createTestServices, usingPostgres, type TestServices } from '../helpers/test-services.ts';

describe('backup and restore', () => {
  let s: TestServices;
  let work: string;
  let targetPg: ThrowawayDatabase | undefined;
  before(async () => {
    s = await createTestServices();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-backup-test-'));
    await seedBackupContent(s);
  });
  after(async () => {
    await s.cleanup();
    await targetPg?.drop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  test('a restore reproduces every row of every table and every file', async () => {
    const archive = path.join(work, 'full.tar.gz');
    const manifest = await createBackup(s.config, s.clock, archive);
    assert.equal(manifest.dialect, usingPostgres ? 'postgres' : 'sqlite');
    assert.match(manifest.schemaVersion, /^2026\d+_/);
    assert.ok(manifest.tables.audit_events > 0 && manifest.tables.items > 0 && manifest.tables.requests === 1);
    assert.ok(manifest.files.length >= 2);

    const dataDir = path.join(work, 'restored');
    let database: DatabaseConfig = { kind: 'sqlite', file: path.join(dataDir, 'gongkai.sqlite') };
    if (usingPostgres) {
      targetPg = await createThrowawayDatabase(process.env.TEST_DATABASE_URL!, 'gk_restore');
      database = { kind: 'postgres', url: targetPg.url };
    }
    const target = { database, attachmentsDir: path.join(dataDir, 'attachments') };
    await restoreBackup(target, archive);

    await assertSameRows(database, s.database.db, Object.keys(manifest.tables));
    const sourceFiles = await storedFiles(createDiskFileStore(s.config.attachmentsDir));
    assert.equal(manifest.fileStore, 'disk');
    assert.deepEqual(manifest.files.map((f) => f.sha256), [...sourceFiles.keys()]);
    assert.deepEqual(await storedFiles(createDiskFileStore(target.attachmentsDir)), sourceFiles);

    // A second restore into the now non-empty target is refused unless forced.
    await assert.rejects(restoreBackup(target, archive), (e: unknown) => e instanceof AppError && e.code === 'RESTORE_TARGET_NOT_EMPTY');
    const again = await restoreBackup(target, archive, { force: true });
    assert.deepEqual(again.tables, manifest.tables);
  });

  test('a corrupted archive is refused before anything is written', async () => {
    const archive = path.join(work, 'corrupt.tar.gz');
    await createBackup(s.config, s.clock, archive);
    const unpacked = path.join(work, 'unpacked');
    fs.mkdirSync(unpacked);
    execFileSync('tar', ['-xzf', archive, '-C', unpacked]);
    const manifest = JSON.parse(fs.readFileSync(path.join(unpacked, 'manifest.json'), 'utf8')) as { files: { path: string }[] };
    fs.appendFileSync(path.join(unpacked, manifest.files[0].path), 'x');
    execFileSync('tar', ['-czf', archive, '-C', unpacked, '.']);
    const target = { database: { kind: 'sqlite', file: path.join(work, 'never', 'db.sqlite') } as DatabaseConfig, attachmentsDir: path.join(work, 'never', 'att') };
    await assert.rejects(restoreBackup(target, archive), (e: unknown) => e instanceof AppError && e.code === 'BACKUP_CORRUPT');
    assert.equal(fs.existsSync(path.join(work, 'never')), false);
  });

  test('every sha256 column is known to name a stored file or known not to', async () => {
    const known = new Set([...FILE_REFERENCES, ...NOT_FILE_REFERENCES].map((r) => `${r.table}.${r.column}`));
    const columns = (await s.database.db.introspection.getTables())
      .flatMap((t) => t.columns.map((c) => `${t.name}.${c.name}`))
      .filter((name) => /\.(\w+_)?sha256$/.test(name));
    assert.ok(columns.includes('attachments.sha256') && columns.includes('reply_files.redacted_sha256'));
    assert.deepEqual(columns.filter((c) => !known.has(c)), [], 'add the column to FILE_REFERENCES or NOT_FILE_REFERENCES in src/core/backup/references.ts');
  });

  test('a file the database references but the store lacks stops the backup; no archive is written', async () => {
    const { sha256 } = await s.database.db.selectFrom('attachments').select('sha256').executeTakeFirstOrThrow();
    const stored = path.join(s.config.attachmentsDir, relativePathOf(sha256));
    const bytes = fs.readFileSync(stored);
    fs.rmSync(stored);
    const archive = path.join(work, 'incomplete.tar.gz');
    try {
      await assert.rejects(createBackup(s.config, s.clock, archive), (e: unknown) => {
        assert.ok(e instanceof AppError && e.code === 'BACKUP_FILE_MISSING');
        assert.match(e.message, new RegExp(`备份中止.*backup aborted.*${sha256}（attachments\\.sha256）`));
        return true;
      });
      assert.deepEqual(fs.readdirSync(work).filter((n) => n.startsWith('incomplete')), []);
    } finally {
      fs.writeFileSync(stored, bytes);
    }
  });

  test('an archive of another format is refused by name', async () => {
    const dir = path.join(work, 'other-format');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ format: 'gongkai-backup-9' }));
    const archive = path.join(work, 'other-format.tar.gz');
    execFileSync('tar', ['-czf', archive, '-C', dir, '.']);
    const target = { database: { kind: 'sqlite', file: path.join(work, 'never2', 'db.sqlite') } as DatabaseConfig, attachmentsDir: path.join(work, 'never2', 'att') };
    await assert.rejects(restoreBackup(target, archive), (e: unknown) => e instanceof AppError && e.code === 'BACKUP_FORMAT' && /gongkai-backup-9.*gongkai-backup-1/.test(e.message));
  });

  test('the daily backup keeps only the newest BACKUP_KEEP files', async () => {
    const dir = path.join(work, 'daily');
    for (const date of ['2025-09-24', '2025-09-25', '2025-09-26']) await dailyBackup(s.config, s.clock, dir, date, 2);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['gongkai-2025-09-25.tar.gz', 'gongkai-2025-09-26.tar.gz']);
    assert.equal(latestBackup(dir), path.join(dir, 'gongkai-2025-09-26.tar.gz'));
  });

  test('a daily backup whose job signal is aborted (maximum run time) stops and writes no archive', async () => {
    const dir = path.join(work, 'aborted');
    const stopped = new Error('job backup.daily exceeded its maximum run time');
    await assert.rejects(dailyBackup(s.config, s.clock, dir, '2025-09-27', 2, AbortSignal.abort(stopped)), stopped);
    assert.deepEqual(fs.existsSync(dir) ? fs.readdirSync(dir) : [], [], 'neither the archive nor a .partial file');
  });
});
