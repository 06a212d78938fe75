// The FileStore contract against the disk store and against the S3 store on a local
// S3-compatible server (s3rver, a dev dependency, on a random port over a temporary directory).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { S3_CREDENTIALS, startTestS3, type TestS3 } from '../../../test/helpers/s3.ts';
import { fileStoreContract } from './file-store.contract.ts';
import { createDiskFileStore, relativePathOf, type FileStore } from './file-store.ts';
import { createS3FileStore } from './s3-file-store.ts';

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

async function listed(store: FileStore): Promise<string[]> {
  const out: string[] = [];
  for await (const f of store.list()) out.push(f.sha256);
  return out.sort();
}

describe('disk file store', () => {
  let dir = '';
  let store: FileStore;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-files-'));
    store = createDiskFileStore(dir);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fileStoreContract(() => store);

  test('list leaves out unfinished writes and files not at their content address', async () => {
    const before = await listed(store);
    const { sha256 } = await store.put(Buffer.from('正式文件'));
    const other = sha('别处');
    fs.writeFileSync(path.join(dir, `${relativePathOf(sha256)}.123.abcdef.tmp`), 'half');
    fs.writeFileSync(path.join(dir, path.dirname(relativePathOf(sha256)), other), 'misplaced');
    fs.writeFileSync(path.join(dir, 'README'), 'not a file of the store');
    assert.deepEqual(await listed(store), [...before, sha256].sort());
    assert.deepEqual(await listed(createDiskFileStore(path.join(dir, 'absent'))), []);
  });

  test('put with replace repairs a damaged copy that a plain put leaves alone', async () => {
    const original = Buffer.from('附件原文');
    const { sha256 } = await store.put(original);
    fs.writeFileSync(path.join(dir, relativePathOf(sha256)), '损坏');
    await store.put(original);
    assert.equal((await store.get(sha256)).toString(), '损坏');
    await store.put(original, { replace: true });
    assert.ok((await store.get(sha256)).equals(original));
  });
});

describe('S3 file store (s3rver)', () => {
  let s3: TestS3;
  let store: FileStore;
  const keyOf = (sha256: string) => `attachments/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
  before(async () => {
    s3 = await startTestS3();
    // Two keys a page, so that listing the store goes through ListObjectsV2's continuation tokens.
    store = createS3FileStore({
      bucket: s3.bucket, region: 'cn-north-1', endpoint: s3.endpoint, forcePathStyle: true, prefix: 'attachments/', listPageSize: 2, ...S3_CREDENTIALS,
    });
  });
  after(async () => {
    store.close();
    await s3.close();
  });
  fileStoreContract(() => store);

  test('an object changed behind the application is refused on read, and put with replace repairs it', async () => {
    const original = Buffer.from('原件');
    const { sha256 } = await store.put(original);
    await s3.raw.send(new PutObjectCommand({ Bucket: s3.bucket, Key: keyOf(sha256), Body: Buffer.from('篡改') }));
    await assert.rejects(store.get(sha256), /does not match its hash/);
    assert.notEqual(sha('篡改'), sha256);
    await store.put(original);
    await assert.rejects(store.get(sha256), /does not match its hash/);
    await store.put(original, { replace: true });
    assert.ok((await store.get(sha256)).equals(original));
  });

  test('list leaves out keys the store did not name (other prefixes, other names)', async () => {
    const before = await listed(store);
    const stray = sha('别的系统的文件');
    for (const key of [`other/${stray.slice(0, 2)}/${stray.slice(2, 4)}/${stray}`, `attachments/${stray}`, 'attachments/README', `attachments/00/00/${stray}`])
      await s3.raw.send(new PutObjectCommand({ Bucket: s3.bucket, Key: key, Body: Buffer.from('x') }));
    assert.deepEqual(await listed(store), before);
  });
});
