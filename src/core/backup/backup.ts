// `gongkai backup FILE` and the daily backup job (issue 8 part 5). One gzip'd tar archive holds:
//   manifest.json      format, created at, dialect, schema version (last migration), the row count
//                      of every table, the database file's sha256 and every attachment's sha256
//   database.sqlite | database.pgdump   the consistent snapshot (see snapshot.ts)
//   attachments/ab/cd/<sha256>          the content-addressed attachment files
// Attachments are written once and before the rows that name them commit, so copying them after
// the database snapshot always includes every file the snapshot references.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseConfig } from '../../config.ts';
import type { Clock } from '../time/clock.ts';
import { run, snapshotDatabase, type TableCounts } from './snapshot.ts';

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
  database: BackupFileEntry;
  tables: TableCounts;
  files: BackupFileEntry[];
}

export interface BackupSource {
  database: DatabaseConfig;
  attachmentsDir: string;
}

export const sha256File = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

const SHA_NAME = /^[0-9a-f]{64}$/;

/** Every attachment file under the store (temporary files of an unfinished write left out). */
export function listAttachments(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  const entries = fs.readdirSync(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && SHA_NAME.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .sort();
}

export async function createBackup(source: BackupSource, clock: Clock, outFile: string): Promise<BackupManifest> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-backup-'));
  try {
    const dbName = source.database.kind === 'sqlite' ? 'database.sqlite' : 'database.pgdump';
    const dbFile = path.join(work, dbName);
    const { tables, schemaVersion } = await snapshotDatabase(source.database, dbFile);
    const files: BackupFileEntry[] = [];
    for (const rel of listAttachments(source.attachmentsDir)) {
      const target = path.join(work, 'attachments', rel);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(path.join(source.attachmentsDir, rel), target);
      files.push({ path: `attachments/${rel.split(path.sep).join('/')}`, sha256: sha256File(target), size: fs.statSync(target).size });
    }
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: clock.now().toISOString(),
      dialect: source.database.kind,
      schemaVersion,
      database: { path: dbName, sha256: sha256File(dbFile), size: fs.statSync(dbFile).size },
      tables,
      files,
    };
    fs.writeFileSync(path.join(work, 'manifest.json'), JSON.stringify(manifest, null, 2));
    const out = path.resolve(outFile);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const partial = `${out}.partial`;
    await run('tar', ['-czf', partial, '-C', work, '.']);
    fs.renameSync(partial, out);
    return manifest;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

const DAILY_NAME = /^gongkai-\d{4}-\d{2}-\d{2}\.tar\.gz$/;

/** The daily job: BACKUP_DIR/gongkai-<date>.tar.gz, then only the newest `keep` daily files kept. */
export async function dailyBackup(source: BackupSource, clock: Clock, dir: string, date: string, keep: number): Promise<{ file: string; removed: string[] }> {
  const file = path.join(dir, `gongkai-${date}.tar.gz`);
  await createBackup(source, clock, file);
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
