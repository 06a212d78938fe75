// `gongkai restore FILE`: unpacks a backup, verifies every file against its manifest, refuses a
// target that already holds data (unless forced), loads the snapshot, writes the attachments into
// the configured store (disk or S3, whichever the backup came from), and checks that every table
// has the row count the manifest recorded and the store holds every file the restored rows name.
// --force replaces the database but deletes no stored file: files are content-addressed and never
// change, so one the backup does not hold is merely unreferenced, and each archived file is
// written again over whatever copy (perhaps damaged) the store had.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createConfiguredFileStore } from '../files/configured-file-store.ts';
import { AppError } from '../errors.ts';
import { sha256File, type BackupSource } from './backup.ts';
import { readManifest, type BackupManifest } from './manifest.ts';
import { databaseIsEmpty, loadSnapshot, referencedFiles, run } from './snapshot.ts';
import { checkStoreAfterRestore, restoreStoreFiles, storeIsEmpty } from './store-files.ts';

function verifyUnpacked(work: string, manifest: BackupManifest): void {
  for (const entry of [manifest.database, ...manifest.files]) {
    const file = path.join(work, entry.path);
    if (!fs.existsSync(file)) throw new AppError(422, 'BACKUP_CORRUPT', `备份缺少文件 ${entry.path}`);
    if (sha256File(file) !== entry.sha256) throw new AppError(422, 'BACKUP_CORRUPT', `备份文件 ${entry.path} 的校验值与清单不符`);
  }
}

export async function restoreBackup(target: BackupSource, archive: string, opts: { force?: boolean } = {}): Promise<BackupManifest> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-restore-'));
  const store = createConfiguredFileStore(target);
  try {
    await run('tar', ['-xzf', path.resolve(archive), '-C', work]);
    const manifest = readManifest(work);
    verifyUnpacked(work, manifest);
    if (manifest.dialect !== target.database.kind)
      throw new AppError(422, 'BACKUP_DIALECT', `备份来自 ${manifest.dialect} 数据库，不能恢复到 ${target.database.kind}`);
    const empty = (await databaseIsEmpty(target.database, fs.existsSync)) && (await storeIsEmpty(store));
    if (!empty && !opts.force) throw new AppError(409, 'RESTORE_TARGET_NOT_EMPTY', '恢复目标已有数据（数据库或附件存储不为空）；确认覆盖请加 --force');
    if (target.database.kind === 'sqlite') fs.mkdirSync(path.dirname(path.resolve(target.database.file)), { recursive: true });
    const counts = await loadSnapshot(target.database, path.join(work, manifest.database.path), !empty, (f) => fs.rmSync(f, { force: true }), fs.copyFileSync);
    await restoreStoreFiles(store, work, manifest.files);
    const mismatched = Object.keys({ ...manifest.tables, ...counts }).filter((t) => manifest.tables[t] !== counts[t]);
    if (mismatched.length) throw new AppError(500, 'RESTORE_MISMATCH', `恢复后表的行数与清单不符：${mismatched.join(', ')}`);
    await checkStoreAfterRestore(store, manifest.files, await referencedFiles(target.database));
    return manifest;
  } finally {
    store.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}
