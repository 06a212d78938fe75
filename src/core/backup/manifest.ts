// manifest.json of a backup archive. The layout has not changed since the first format: a backup
// taken from the disk store and one taken from S3-compatible storage are the same kind of archive,
// and either restores into either store. `fileStore` (added later, optional) only records where
// the files came from. An archive of any other format is refused by name.
import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseConfig } from '../../config.ts';
import { AppError } from '../errors.ts';
import type { TableCounts } from './snapshot.ts';

export const BACKUP_FORMAT = 'gongkai-backup-1';

export interface BackupFileEntry {
  path: string;
  sha256: string;
  size: number;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  dialect: DatabaseConfig['kind'];
  schemaVersion: string;
  /** The attachment store the files were read from (absent in archives of earlier versions). */
  fileStore?: 'disk' | 's3';
  database: BackupFileEntry;
  tables: TableCounts;
  files: BackupFileEntry[];
}

/** The archive path of a stored file: attachments/ab/cd/<sha256> (also in archives from the disk store). */
export const archivePathOf = (sha256: string) => `attachments/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;

/** Reads and checks the manifest of an unpacked archive. */
export function readManifest(work: string): BackupManifest {
  const file = path.join(work, 'manifest.json');
  let manifest: Partial<BackupManifest> | undefined;
  try {
    manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<BackupManifest>;
  } catch {
    manifest = undefined;
  }
  if (!manifest || manifest.format !== BACKUP_FORMAT)
    throw new AppError(
      422,
      'BACKUP_FORMAT',
      `不是本版本能恢复的 gongkai 备份文件（格式 ${String(manifest?.format ?? '无 manifest.json')}，支持 ${BACKUP_FORMAT}）` +
        ` / not a gongkai backup this version can restore (format ${String(manifest?.format ?? 'no manifest.json')}, supported: ${BACKUP_FORMAT})`,
    );
  return manifest as BackupManifest;
}
