// Backup and restore (issue 8 part 5): data across modules is backed up online, restored into a
// fresh target, and every row of every table and every attachment file comes back identical.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { DatabaseConfig } from '../../src/config.ts';
import { createBackup, dailyBackup, latestBackup, listAttachments } from '../../src/core/backup/backup.ts';
import { restoreBackup } from '../../src/core/backup/restore.ts';
import { openDatabase, type Db } from '../../src/core/db/database.ts';
import { AppError } from '../../src/core/errors.ts';
import { createColumn, createFixture, draftInput, publishedItem } from '../factories.ts';
import { sampleDocx } from '../helpers/sample-files.ts';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../helpers/postgres.ts';
import { createTestServices, usingPostgres, type TestServices } from '../helpers/test-services.ts';
import { online } from '../requests/request-helpers.ts';

async function allRows(db: Db, table: string): Promise<string[]> {
  const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
  return rows.map((r) => JSON.stringify(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)))).sort();
}

describe('backup and restore', () => {
  let s: TestServices;
  let work: string;
  let targetPg: ThrowawayDatabase | undefined;
  before(async () => {
    s = await createTestServices();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-backup-test-'));
    const fx = await createFixture(s);
    const column = await createColumn(s, fx);
    await publishedItem(s, fx, column.id, { title: '关于公布2025年度基准地价的通知' });
    const draft = await s.catalog.createDraft(fx.actor('drafter'), draftInput(column.id, { title: '征地补偿标准草稿' }));
    await s.catalog.addAttachment(fx.actor('drafter'), draft.id, { filename: '补偿标准.docx', bytes: sampleDocx({ paragraphs: ['补偿标准 第一页'] }) });
    await s.requests.apply(online(fx.agency.id), '203.0.113.9');
    await s.files.put(Buffer.from('独立附件内容'));
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

    const restored = openDatabase(database);
    try {
      for (const table of Object.keys(manifest.tables)) {
        assert.deepEqual(await allRows(restored.db, table), await allRows(s.database.db, table), `table ${table}`);
      }
    } finally {
      await restored.close();
    }
    const sourceFiles = listAttachments(s.config.attachmentsDir);
    assert.deepEqual(listAttachments(target.attachmentsDir), sourceFiles);
    for (const rel of sourceFiles)
      assert.ok(fs.readFileSync(path.join(target.attachmentsDir, rel)).equals(fs.readFileSync(path.join(s.config.attachmentsDir, rel))), rel);

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

  test('the daily backup keeps only the newest BACKUP_KEEP files', async () => {
    const dir = path.join(work, 'daily');
    for (const date of ['2025-09-24', '2025-09-25', '2025-09-26']) await dailyBackup(s.config, s.clock, dir, date, 2);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['gongkai-2025-09-25.tar.gz', 'gongkai-2025-09-26.tar.gz']);
    assert.equal(latestBackup(dir), path.join(dir, 'gongkai-2025-09-26.tar.gz'));
  });
});
