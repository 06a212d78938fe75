// `gongkai restore FILE`: unpacks a backup, verifies every file against its manifest, refuses a
// target that already holds data (unless forced), loads the snapshot and the attachments, and
// checks that every table of the restored database has the row count the manifest recorded.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../errors.ts';
import { BACKUP_FORMAT, listAttachments, sha256File, type BackupManifest, type BackupSource } from './backup.ts';
import { databaseIsEmpty, loadSnapshot, run } from './snapshot.ts';

function verifyUnpacked(work: string, manifest: BackupManifest): void {
  if (manifest.format !== BACKUP_FORMAT) throw new AppError(422, 'BACKUP_FORMAT', `不是 gongkai 备份文件（格式 ${String(manifest.format)}）`);
  for (const entry of [manifest.database, ...manifest.files]) {
    const file = path.join(work, entry.path);
    if (!fs.existsSync(file)) throw new AppError(422, 'BACKUP_CORRUPT', `备份缺少文件 ${entry.path}`);
    if (sha256File(file) !== entry.sha256) throw new AppError(422, 'BACKUP_CORRUPT', `备份文件 ${entry.path} 的校验值与清单不符`);
  }
}

export async function restoreBackup(target: BackupSource, archive: string, opts: { force?: boolean } = {}): Promise<BackupManifest> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-restore-'));
  try {
    await run('tar', ['-xzf', path.resolve(archive), '-C', work]);
    const manifest = JSON.parse(fs.readFileSync(path.join(work, 'manifest.json'), 'utf8')) as BackupManifest;
    verifyUnpacked(work, manifest);
    if (manifest.dialect !== target.database.kind)
      throw new AppError(422, 'BACKUP_DIALECT', `备份来自 ${manifest.dialect} 数据库，不能恢复到 ${target.database.kind}`);
    const empty = (await databaseIsEmpty(target.database, fs.existsSync)) && listAttachments(target.attachmentsDir).length === 0;
    if (!empty && !opts.force) throw new AppError(409, 'RESTORE_TARGET_NOT_EMPTY', '恢复目标已有数据（数据库或附件目录不为空）；确认覆盖请加 --force');
    if (!empty) fs.rmSync(target.attachmentsDir, { recursive: true, force: true });
    if (target.database.kind === 'sqlite') fs.mkdirSync(path.dirname(path.resolve(target.database.file)), { recursive: true });
    const counts = await loadSnapshot(target.database, path.join(work, manifest.database.path), !empty, (f) => fs.rmSync(f, { force: true }), fs.copyFileSync);
    for (const entry of manifest.files) {
      const dest = path.join(target.attachmentsDir, entry.path.slice('attachments/'.length));
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      fs.copyFileSync(path.join(work, entry.path), dest);
    }
    const mismatched = Object.keys({ ...manifest.tables, ...counts }).filter((t) => manifest.tables[t] !== counts[t]);
    if (mismatched.length) throw new AppError(500, 'RESTORE_MISMATCH', `恢复后表的行数与清单不符：${mismatched.join(', ')}`);
    return manifest;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
