// Content-addressed attachment store: a file lives at attachments/ab/cd/<sha256>, written once
// (temp file + rename, so a crash never leaves half a file under a real name) and shared by
// every record that holds the same bytes.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export interface FileStore {
  put(bytes: Buffer): Promise<{ sha256: string; size: number }>;
  get(sha256: string): Promise<Buffer>;
  exists(sha256: string): Promise<boolean>;
}

const SHA_RE = /^[0-9a-f]{64}$/;

export function createDiskFileStore(root: string): FileStore {
  const pathOf = (sha256: string) => {
    if (!SHA_RE.test(sha256)) throw new Error(`invalid sha256: ${sha256}`);
    return path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };
  return {
    async put(bytes) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const target = pathOf(sha256);
      try {
        await fs.access(target);
      } catch {
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
    async exists(sha256) {
      const target = pathOf(sha256);
      try {
        await fs.access(target);
        return true;
      } catch {
        return false;
      }
    },
  };
}
