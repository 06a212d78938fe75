// `gongkai backup FILE` and the daily backup job (issue 8 part 5). One gzip'd tar archive holds:
//   manifest.json      format, created at, dialect, schema version (last migration), the row count
//                      of every table, the database file's sha256 and every attachment's sha256
//   database.sqlite | database.pgdump   the consistent snapshot (see snapshot.ts)
//   attachments/ab/cd/<sha256>          every file of the attachment store, read through the
//                                       FileStore interface (DATA_DIR/attachments or S3, store-files.ts)
// Attachments are written once and before the rows that name them commit, so listing the store
// after the database snapshot finds every file the snapshot references; one that is not there
// stops the backup (an archive that cannot restore every record is worse than a failed job).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseConfig } from '../../config.ts';
import { createConfiguredFileStore, fileStoreKind, type FileStoreConfig } from '../files/configured-file-store.ts';
import type { Clock } from '../time/clock.ts';
import { BACKUP_FORMAT, type BackupManifest } from './manifest.ts';
import { run, snapshotDatabase } from './snapshot.ts';
import { archiveStoreFiles } from './store-files.ts';

export { BACKUP_FORMAT, type BackupFileEntry, type BackupManifest } from './manifest.ts';

/** What is backed up or restored: the database and the attachment store the configuration selects. */
export interface BackupSource extends FileStoreConfig {
  database: DatabaseConfig;
}

export const sha256File = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** `signal` (the daily job's): aborts between the stages, while archiving files and the tar run. */
export async function createBackup(source: BackupSource, clock: Clock, outFile: string, signal?: AbortSignal): Promise<BackupManifest> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-backup-'));
  const store = createConfiguredFileStore(source);
  try {
    const dbName = source.database.kind === 'sqlite' ? 'database.sqlite' : 'database.pgdump';
    const dbFile = path.join(work, dbName);
    const { tables, schemaVersion, references } = await snapshotDatabase(source.database, dbFile);
    signal?.throwIfAborted();
    const files = await archiveStoreFiles(store, work, references, signal);
    signal?.throwIfAborted();
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: clock.now().toISOString(),
      dialect: source.database.kind,
      schemaVersion,
      fileStore: fileStoreKind(source),
      database: { path: dbName, sha256: sha256File(dbFile), size: fs.statSync(dbFile).size },
      tables,
      files,
    };
    fs.writeFileSync(path.join(work, 'manifest.json'), JSON.stringify(manifest, null, 2));
    const out = path.resolve(outFile);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const partial = `${out}.partial`;
    try {
      await run('tar', ['-czf', partial, '-C', work, '.'], { signal });
    } catch (err) {
      fs.rmSync(partial, { force: true });
      throw err;
    }
    fs.renameSync(partial, out);
    return manifest;
  } finally {
    store.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

const DAILY_NAME = /^gongkai-\d{4}-\d{2}-\d{2}\.tar\.gz$/;

/** The daily job: BACKUP_DIR/gongkai-<date>.tar.gz, then only the newest `keep` daily files kept. */
export async function dailyBackup(source: BackupSource, clock: Clock, dir: string, date: string, keep: number, signal?: AbortSignal): Promise<{ file: string; removed: string[] }> {
  const file = path.join(dir, `gongkai-${date}.tar.gz`);
  await createBackup(source, clock, file, signal);
  const daily = fs.readdirSync(dir).filter((n) => DAILY_NAME.test(n)).sort();
  const removed = daily.slice(0, Math.max(0, daily.length - keep));
  for (const name of removed) fs.rmSync(path.join(dir, name));
  return { file, removed };
}

/** The newest daily backup in `dir`, for `gongkai restore --latest`. */
export function latestBackup(dir: string): string | undefined {
  if (!fs.existsSync(dir)) return undefined;
  const daily = fs.readdirSync(dir).filter((n) => DAILY_NAME.test(n)).sort();
  return daily.length ? path.join(dir, daily[daily.length - 1]) : undefined;
}
