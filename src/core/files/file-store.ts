// Content-addressed attachment store: a file lives at attachments/ab/cd/<sha256>, written once
// (temp file + rename, so a crash never leaves half a file under a real name) and shared by
// every record that holds the same bytes.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export interface StoredFile {
  sha256: string;
  size: number;
}

export interface FileStore {
  /** `replace`: write even when a file of that name exists (a restore repairs a damaged copy). */
  put(bytes: Buffer, opts?: { replace?: boolean }): Promise<StoredFile>;
  get(sha256: string): Promise<Buffer>;
  exists(sha256: string): Promise<boolean>;
  /** Every file in the store, in no set order (backup and restore); unfinished writes left out. */
  list(): AsyncIterable<StoredFile>;
  /** Releases the store's connections (the S3 client's sockets); the disk store holds none. */
  close(): void;
}

const SHA_RE = /^[0-9a-f]{64}$/;

/** The content-addressed path of a file below the store's root: ab/cd/<sha256>. */
export const relativePathOf = (sha256: string) => path.join(sha256.slice(0, 2), sha256.slice(2, 4), sha256);

export function createDiskFileStore(root: string): FileStore {
  const pathOf = (sha256: string) => {
    if (!SHA_RE.test(sha256)) throw new Error(`invalid sha256: ${sha256}`);
    return path.join(root, relativePathOf(sha256));
  };
  const present = async (target: string) => {
    try {
      await fs.access(target);
      return true;
    } catch {
      return false;
    }
  };
  return {
    async put(bytes, opts) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const target = pathOf(sha256);
      if (opts?.replace || !(await present(target))) {
        await fs.mkdir(path.dirname(target), { recursive: true });
        // A name of its own per write: two uploads of the same bytes at once must not share it.
        const tmp = `${target}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
        const handle = await fs.open(tmp, 'w');
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await fs.rename(tmp, target);
      }
      return { sha256, size: bytes.length };
    },
    get: async (sha256) => fs.readFile(pathOf(sha256)),
    exists: async (sha256) => present(pathOf(sha256)),
    async *list() {
      // Walks ab/cd/<sha256> level by level (a province's store does not fit one readdir listing).
      // Only names that are a SHA-256 under their own prefix: a write in progress ends in `.tmp`.
      const dirs = async (dir: string, re: RegExp) => {
        try {
          return (await fs.readdir(dir, { withFileTypes: true })).filter((e) => re.test(e.name)).map((e) => e.name).sort();
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return [];
          throw err;
        }
      };
      for (const ab of await dirs(root, /^[0-9a-f]{2}$/))
        for (const cd of await dirs(path.join(root, ab), /^[0-9a-f]{2}$/))
          for (const name of await dirs(path.join(root, ab, cd), SHA_RE)) {
            if (!name.startsWith(ab + cd)) continue;
            const stat = await fs.stat(path.join(root, ab, cd, name));
            if (stat.isFile()) yield { sha256: name, size: stat.size };
          }
    },
    close() {},
  };
}
