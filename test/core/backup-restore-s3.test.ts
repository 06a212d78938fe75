// Backup and restore with the attachments on S3-compatible storage (s3rver): the archive holds
// every object, a restore after losing both the bucket and the database brings back every row and
// every object, and a referenced object missing from the bucket fails `gongkai backup` loudly.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { DatabaseConfig } from '../../src/config.ts';
import { createBackup } from '../../src/core/backup/backup.ts';
import { restoreBackup } from '../../src/core/backup/restore.ts';
import { databaseIsEmpty } from '../../src/core/backup/snapshot.ts';
import { AppError } from '../../src/core/errors.ts';
import { createDiskFileStore } from '../../src/core/files/file-store.ts';
import { assertSameRows, seedBackupContent, storedFiles } from '../helpers/backup.ts';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../helpers/postgres.ts';
import { startTestS3, type TestS3 } from '../helpers/s3.ts';
import { createTestServices, usingPostgres, type TestServices } from '../helpers/test-services.ts';

const root = path.resolve(import.meta.dirname, '../..');
const keyOf = (sha256: string) => `attachments/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;

describe('backup and restore with attachments on S3', () => {
  let s3: TestS3;
  let s: TestServices;
  let work: string;
  const databases: ThrowawayDatabase[] = [];
  /** A fresh, empty database to restore into. */
  const emptyDatabase = async (name: string): Promise<DatabaseConfig> => {
    if (!usingPostgres) return { kind: 'sqlite', file: path.join(work, name, 'gongkai.sqlite') };
    const db = await createThrowawayDatabase(process.env.TEST_DATABASE_URL!, 'gk_restore');
    databases.push(db);
    return { kind: 'postgres', url: db.url };
  };

  before(async () => {
    s3 = await startTestS3();
    s = await createTestServices({ env: s3.env });
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-backup-s3-'));
    await seedBackupContent(s);
  });
  after(async () => {
    await s.cleanup();
    for (const db of databases) await db.drop();
    await s3.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  test('after losing the bucket and the database, a restore brings back every row and every object', async () => {
    const archive = path.join(work, 'full.tar.gz');
    const manifest = await createBackup(s.config, s.clock, archive);
    const objects = await s3.objects();
    assert.equal(manifest.fileStore, 's3');
    assert.ok(manifest.files.length >= 2);
    assert.deepEqual(manifest.files.map((f) => keyOf(f.sha256)), [...objects.keys()]);
    // The files really are in the bucket, not in the data directory.
    assert.equal((await storedFiles(createDiskFileStore(s.config.attachmentsDir))).size, 0);

    await s3.empty();
    assert.equal((await s3.objects()).size, 0);
    const database = await emptyDatabase('restored');
    await restoreBackup({ ...s.config, database }, archive);

    await assertSameRows(database, s.database.db, Object.keys(manifest.tables));
    assert.deepEqual(await s3.objects(), objects);
    assert.deepEqual(await storedFiles(s.files), new Map(manifest.files.map((f) => [f.sha256, objects.get(keyOf(f.sha256))!])));
  });

  test('a backup taken from S3 restores into the disk store (moving between stores)', async () => {
    const archive = path.join(work, 'to-disk.tar.gz');
    await createBackup(s.config, s.clock, archive);
    const target = { database: await emptyDatabase('on-disk'), attachmentsDir: path.join(work, 'on-disk', 'attachments') };
    const manifest = await restoreBackup(target, archive);
    await assertSameRows(target.database, s.database.db, Object.keys(manifest.tables));
    assert.deepEqual(await storedFiles(createDiskFileStore(target.attachmentsDir)), await storedFiles(s.files));
  });

  test('an object changed behind the application stops the backup, naming it', async () => {
    const { sha256 } = await s.database.db.selectFrom('attachments').select('sha256').executeTakeFirstOrThrow();
    const bytes = await s.files.get(sha256);
    await s3.raw.send(new PutObjectCommand({ Bucket: s3.bucket, Key: keyOf(sha256), Body: Buffer.from('被篡改的内容') }));
    const archive = path.join(work, 'corrupt.tar.gz');
    try {
      await assert.rejects(
        createBackup(s.config, s.clock, archive),
        (e: unknown) => e instanceof AppError && e.code === 'BACKUP_FILE_CORRUPT' && e.message.includes(sha256) && /备份中止.*backup aborted/.test(e.message),
      );
      assert.equal(fs.existsSync(archive) || fs.existsSync(`${archive}.partial`), false);
    } finally {
      await s.files.put(bytes, { replace: true });
    }
  });

  test('`gongkai backup` exits non-zero naming a referenced object missing from the bucket, and writes no archive', async () => {
    const { sha256 } = await s.database.db.selectFrom('attachments').select('sha256').executeTakeFirstOrThrow();
    const bytes = (await s3.objects()).get(keyOf(sha256))!;
    await s3.deleteObject(keyOf(sha256));
    const archive = path.join(work, 'cli', 'incomplete.tar.gz');
    try {
      const databaseUrl = s.config.database.kind === 'postgres' ? s.config.database.url : '';
      const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'backup', archive], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, NODE_ENV: 'test', DATA_DIR: s.dataDir, DATABASE_URL: databaseUrl, ...s3.env },
      });
      assert.equal(cli.status, 1, cli.stderr);
      assert.match(cli.stderr, /BACKUP_FILE_MISSING: 备份中止：数据库引用的附件在附件存储中不存在 \/ backup aborted: files referenced by the database are missing/);
      assert.match(cli.stderr, new RegExp(`${sha256}（attachments\\.sha256）`));
      assert.equal(fs.existsSync(path.dirname(archive)) ? fs.readdirSync(path.dirname(archive)).length : 0, 0);
    } finally {
      await s.files.put(bytes);
    }
    assert.ok((await s.files.get(sha256)).equals(bytes));
  });

  test('a restore whose database fails leaves it empty and the bucket with only archived objects; run again, it completes', async () => {
    const archive = path.join(work, 'again.tar.gz');
    const manifest = await createBackup(s.config, s.clock, archive);
    const objects = await s3.objects();
    const unpacked = path.join(work, 'again-unpacked');
    fs.mkdirSync(unpacked);
    execFileSync('tar', ['-xzf', archive, '-C', unpacked]);
    fs.writeFileSync(path.join(unpacked, 'manifest.json'), JSON.stringify({ ...manifest, tables: { ...manifest.tables, items: manifest.tables.items + 1 } }));
    const countsOff = path.join(work, 'again-counts-off.tar.gz');
    execFileSync('tar', ['-czf', countsOff, '-C', unpacked, '.']);

    await s3.empty();
    const database = await emptyDatabase('again');
    await assert.rejects(restoreBackup({ ...s.config, database }, countsOff), (e: unknown) => e instanceof AppError && e.code === 'RESTORE_MISMATCH');
    assert.ok(await databaseIsEmpty(database, fs.existsSync));
    // PostgreSQL checks the counts after the objects are written (in the loading transaction), SQLite before.
    const written = await s3.objects();
    assert.equal(written.size, usingPostgres ? objects.size : 0);
    for (const [key, bytes] of written) assert.ok(objects.get(key)?.equals(bytes), key);

    await restoreBackup({ ...s.config, database }, archive);
    await assertSameRows(database, s.database.db, Object.keys(manifest.tables));
    assert.deepEqual(await s3.objects(), objects);
  });
});
