// `gongkai restore FILE`. A restore that fails at any point leaves the target database as it was
// (or as empty as it was), and its message says so. In order:
//   1. The whole archive is checked before the target is touched: it unpacks (a truncated archive
//      does not), the manifest is of this format and names each file by its sha256, every file has
//      its manifest sha256 and size, and the database snapshot opens, has the manifest's row counts
//      and names no file the archive lacks (restore-database.ts; PostgreSQL's counts are checked
//      inside the loading transaction). Then a target holding data is refused unless --force.
//   2. The files are written into the configured store (disk or S3, whichever the backup came
//      from). Files are content-addressed and never change: one that no row names is harmless,
//      so files written by a restore that then fails need no undoing, and each archived file is
//      written again over whatever copy (perhaps damaged) the store had.
//   3. The database last, in one step that completes or changes nothing (restore-database.ts):
//      with --force the old database stays until the new one is complete.
// A store is "empty" for step 1 when it holds no file outside this archive, so a restore that
// stopped in step 2 or 3 (even a killed one) can simply be run again.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createConfiguredFileStore } from '../files/configured-file-store.ts';
import type { FileStore } from '../files/file-store.ts';
import { AppError } from '../errors.ts';
import { sha256File, type BackupSource } from './backup.ts';
import { archivePathOf, readManifest, type BackupManifest } from './manifest.ts';
import { prepareDatabase } from './restore-database.ts';
import { databaseIsEmpty, run } from './snapshot.ts';
import { checkStoreAfterRestore, restoreStoreFiles, storeFileNotIn } from './store-files.ts';

export interface RestoreOptions {
  /** Replace a database that holds data (and write over a store holding other files). */
  force?: boolean;
  /** The store to write into; by default the one the target's configuration selects. */
  store?: FileStore;
}

const SHA_RE = /^[0-9a-f]{64}$/;
const corrupt = (message: string) => new AppError(422, 'BACKUP_CORRUPT', message);

async function unpack(archive: string, work: string): Promise<void> {
  if (!fs.existsSync(archive)) throw new AppError(404, 'BACKUP_NOT_FOUND', `备份文件不存在 / no such backup file：${archive}`);
  try {
    await run('tar', ['-xzf', path.resolve(archive), '-C', work]);
  } catch (err) {
    const detail = String((err as { stderr?: string }).stderr ?? '').trim().split('\n')[0];
    throw corrupt(`备份文件无法完整解包（不完整或已损坏）/ the archive cannot be unpacked whole (truncated or damaged)：${detail}`);
  }
}

function verifyUnpacked(work: string, manifest: BackupManifest, dialect: BackupSource['database']['kind']): void {
  const dbName = manifest.dialect === 'sqlite' ? 'database.sqlite' : 'database.pgdump';
  if (manifest.database?.path !== dbName || !Array.isArray(manifest.files) || typeof manifest.tables !== 'object' || manifest.tables === null)
    throw corrupt('备份清单不完整 / the manifest is incomplete');
  for (const f of manifest.files)
    if (!SHA_RE.test(f.sha256) || f.path !== archivePathOf(f.sha256)) throw corrupt(`备份清单中的文件路径不对：${f.path}`);
  for (const entry of [manifest.database, ...manifest.files]) {
    const file = path.join(work, entry.path);
    if (!fs.existsSync(file)) throw corrupt(`备份缺少文件 ${entry.path}`);
    if (fs.statSync(file).size !== entry.size || sha256File(file) !== entry.sha256) throw corrupt(`备份文件 ${entry.path} 的校验值与清单不符`);
  }
  if (manifest.dialect !== dialect) throw new AppError(422, 'BACKUP_DIALECT', `备份来自 ${manifest.dialect} 数据库，不能恢复到 ${dialect}`);
}

/** The same error with what the failure left of the target added to its message. */
function saying(err: unknown, state: string): AppError {
  if (err instanceof AppError) return new AppError(err.status, err.code, `${err.message}（${state}）`, err.fields);
  return new AppError(500, 'RESTORE_FAILED', `恢复失败 / restore failed：${err instanceof Error ? err.message : String(err)}（${state}）`);
}

const UNTOUCHED = '恢复未开始，数据库与附件存储均未改动 / nothing was restored: the database and the attachment store are untouched';
const filesWritten = (n: number) =>
  `数据库未改动；附件存储中已写入本备份的 ${n} 个文件，按内容命名、无记录引用，无害，可直接重新恢复` +
  ` / the database is unchanged; ${n} of the archive's files were written to the store: content-addressed and unreferenced, they are harmless and the restore may be run again`;
const databaseKept = (wasEmpty: boolean) =>
  `数据库保持恢复前的状态（${wasEmpty ? '仍为空' : '原有数据未被替换'}）；已写入的附件按内容命名，无害，可直接重新恢复` +
  ` / the database is as it was before the restore (${wasEmpty ? 'still empty' : 'its data was not replaced'}); the files written are content-addressed and harmless, and the restore may be run again`;

export async function restoreBackup(target: BackupSource, archive: string, opts: RestoreOptions = {}): Promise<BackupManifest> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-restore-'));
  const store = opts.store ?? createConfiguredFileStore(target);
  try {
    let manifest: BackupManifest;
    let database: Awaited<ReturnType<typeof prepareDatabase>>;
    let databaseWasEmpty: boolean;
    try {
      await unpack(archive, work);
      manifest = readManifest(work);
      verifyUnpacked(work, manifest, target.database.kind);
      database = await prepareDatabase(target.database, work, manifest);
      databaseWasEmpty = await databaseIsEmpty(target.database, fs.existsSync);
      if (!opts.force) {
        if (!databaseWasEmpty) throw new AppError(409, 'RESTORE_TARGET_NOT_EMPTY', '恢复目标的数据库已有数据；确认覆盖请加 --force');
        const other = await storeFileNotIn(store, new Set(manifest.files.map((f) => f.sha256)));
        if (other) throw new AppError(409, 'RESTORE_TARGET_NOT_EMPTY', `恢复目标的附件存储中有本备份以外的文件（${other}）；确认覆盖请加 --force`);
      }
    } catch (err) {
      throw saying(err, UNTOUCHED);
    }
    const progress = { written: 0 };
    try {
      await restoreStoreFiles(store, work, manifest.files, progress);
      await checkStoreAfterRestore(store, manifest.files);
    } catch (err) {
      throw saying(err, filesWritten(progress.written));
    }
    try {
      await database.load(!databaseWasEmpty);
    } catch (err) {
      throw saying(err, databaseKept(databaseWasEmpty));
    }
    return manifest;
  } finally {
    if (!opts.store) store.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}
