// The attachment half of a backup, through the FileStore interface: the disk store and
// S3-compatible storage are backed up and restored the same way, a file at a time in memory (no
// file is larger than MAX_UPLOAD_MB; the application itself reads whole files), a few at once to
// hide the object store's latency. Every file's bytes are checked against their SHA-256 name on
// the way out and on the way in.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors.ts';
import type { FileStore } from '../files/file-store.ts';
import { archivePathOf, type BackupFileEntry } from './manifest.ts';
import type { ReferencedFiles } from './references.ts';

const PARALLEL = 8;
const SHOWN = 5;

const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Runs `fn` over `items`, at most `limit` at once; after a failure no new item starts, and the first error is thrown. */
async function inParallel<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const lane = async () => {
    while (!failed && next < items.length) {
      const item = items[next++];
      try {
        await fn(item);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  const results = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, lane));
  const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (rejected) throw rejected.reason;
}

/** sha256 → size of every file in the store. */
export async function listStore(store: FileStore): Promise<Map<string, number>> {
  const listed = new Map<string, number>();
  for await (const f of store.list()) listed.set(f.sha256, f.size);
  return listed;
}

/** A file in the store that is not one of `shas` (a restore refuses such a store without --force), if any. */
export async function storeFileNotIn(store: FileStore, shas: ReadonlySet<string>): Promise<string | undefined> {
  for await (const f of store.list()) if (!shas.has(f.sha256)) return f.sha256;
  return undefined;
}

const describeMissing = (missing: [string, string][]) =>
  missing.slice(0, SHOWN).map(([sha, where]) => `${sha}（${where}）`).join('、') + (missing.length > SHOWN ? ` 等 / and ${missing.length - SHOWN} more` : '');

/**
 * Copies every file of the store into `work/attachments/…`, after checking that the store holds
 * every file the database snapshot references: an archive without them is refused, not written.
 */
export async function archiveStoreFiles(store: FileStore, work: string, references: ReferencedFiles, signal?: AbortSignal): Promise<BackupFileEntry[]> {
  const listed = await listStore(store);
  const missing = [...references].filter(([sha]) => !listed.has(sha)).sort(([a], [b]) => a.localeCompare(b));
  if (missing.length)
    throw new AppError(
      500,
      'BACKUP_FILE_MISSING',
      `备份中止：数据库引用的附件在附件存储中不存在 / backup aborted: files referenced by the database are missing ` +
        `from the attachment store (${missing.length})：${describeMissing(missing)}`,
    );
  const entries = [...listed.keys()].sort().map((sha256) => ({ path: archivePathOf(sha256), sha256, size: 0 }));
  const corrupt = (sha256: string) =>
    new AppError(500, 'BACKUP_FILE_CORRUPT', `备份中止：附件的内容与其校验值不符 / backup aborted: a stored file does not match its SHA-256：${sha256}`);
  await inParallel(entries, PARALLEL, async (entry) => {
    signal?.throwIfAborted();
    let bytes: Buffer;
    try {
      bytes = await store.get(entry.sha256);
    } catch (err) {
      // The S3 store checks the bytes itself (code EINTEGRITY); the disk store is checked below.
      if ((err as { code?: unknown }).code === 'EINTEGRITY') throw corrupt(entry.sha256);
      throw err;
    }
    if (sha256Of(bytes) !== entry.sha256) throw corrupt(entry.sha256);
    const target = path.join(work, entry.path);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, bytes);
    entry.size = bytes.length;
  });
  return entries;
}

/**
 * Writes every file of an unpacked (and verified) archive into the store, replacing any damaged
 * copy; `progress.written` counts the files written, for the message if a write fails.
 */
export async function restoreStoreFiles(store: FileStore, work: string, files: readonly BackupFileEntry[], progress: { written: number }): Promise<void> {
  await inParallel(files, PARALLEL, async (entry) => {
    const { sha256 } = await store.put(await fs.readFile(path.join(work, entry.path)), { replace: true });
    if (sha256 !== entry.sha256) throw new AppError(422, 'BACKUP_CORRUPT', `备份文件 ${entry.path} 的校验值与清单不符`);
    progress.written++;
  });
}

/** After writing the files: the store holds every archived file at its size (before the database is replaced). */
export async function checkStoreAfterRestore(store: FileStore, files: readonly BackupFileEntry[]): Promise<void> {
  const listed = await listStore(store);
  const absent = files.filter((f) => listed.get(f.sha256) !== f.size).map((f): [string, string] => [f.sha256, f.path]);
  if (absent.length)
    throw new AppError(500, 'RESTORE_MISMATCH', `写入后附件存储缺少文件 / after writing, the attachment store lacks files (${absent.length})：${describeMissing(absent)}`);
}
