// The behaviour every FileStore must have (disk, S3): run by file-store.test.ts against each
// implementation, so that the S3 option cannot drift from the default store.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { test } from 'node:test';
import type { FileStore } from './file-store.ts';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export function fileStoreContract(store: () => FileStore): void {
  test('put names a file by its SHA-256 and get returns the same bytes', async () => {
    const bytes = Buffer.from('政府信息公开申请答复书 — 附件', 'utf8');
    const put = await store().put(bytes);
    assert.deepEqual(put, { sha256: sha(bytes), size: bytes.length });
    assert.deepEqual(await store().get(put.sha256), bytes);
    assert.equal(await store().exists(put.sha256), true);
  });

  test('binary content of a megabyte round-trips unchanged', async () => {
    const bytes = randomBytes(1024 * 1024 + 7);
    const { sha256 } = await store().put(bytes);
    assert.ok((await store().get(sha256)).equals(bytes));
  });

  test('an empty file is a file', async () => {
    const { sha256, size } = await store().put(Buffer.alloc(0));
    assert.equal(size, 0);
    assert.equal((await store().get(sha256)).length, 0);
  });

  test('the same bytes stored twice (also at once) are one file', async () => {
    const bytes = randomBytes(4096);
    const results = await Promise.all([store().put(bytes), store().put(bytes), store().put(Buffer.from(bytes))]);
    assert.deepEqual(new Set(results.map((r) => r.sha256)), new Set([sha(bytes)]));
    assert.ok((await store().get(sha(bytes))).equals(bytes));
  });

  test('an unknown file does not exist and cannot be read', async () => {
    const unknown = sha(randomBytes(16));
    assert.equal(await store().exists(unknown), false);
    await assert.rejects(store().get(unknown));
  });

  test('list names every stored file once, with its size (over several pages on S3)', async () => {
    const stored = await Promise.all([randomBytes(10), randomBytes(3000), Buffer.from('目录清单')].map((b) => store().put(b)));
    const listed = new Map<string, number>();
    for await (const f of store().list()) {
      assert.equal(listed.has(f.sha256), false, `listed twice: ${f.sha256}`);
      listed.set(f.sha256, f.size);
    }
    for (const s of stored) assert.equal(listed.get(s.sha256), s.size);
    assert.ok(listed.size >= 6, `only ${listed.size} files listed`);
    for (const [sha256, size] of listed) assert.equal((await store().get(sha256)).length, size);
  });

  test('a name that is not a SHA-256 is refused (no path or key injection)', async () => {
    for (const bad of ['../../etc/passwd', 'A'.repeat(64), `${'a'.repeat(63)}/`, '']) {
      await assert.rejects(store().get(bad), /invalid sha256/);
      await assert.rejects(store().exists(bad), /invalid sha256/);
    }
  });
}
