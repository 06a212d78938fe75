// The FileStore contract against the disk store and against the S3 store on a local
// S3-compatible server (s3rver, a dev dependency, on a random port over a temporary directory).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { fileStoreContract } from './file-store.contract.ts';
import { createDiskFileStore, type FileStore } from './file-store.ts';
import { createS3FileStore } from './s3-file-store.ts';

describe('disk file store', () => {
  let dir = '';
  let store: FileStore;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-files-'));
    store = createDiskFileStore(dir);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fileStoreContract(() => store);
});

describe('S3 file store (s3rver)', () => {
  let dir = '';
  let server: S3rver;
  let endpoint = '';
  let store: FileStore;
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-s3-'));
    server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir, configureBuckets: [{ name: 'gongkai' }] });
    const { port } = await server.run();
    endpoint = `http://127.0.0.1:${port}`;
    store = createS3FileStore({ bucket: 'gongkai', region: 'cn-north-1', endpoint, forcePathStyle: true, prefix: 'attachments/', ...credentials });
  });
  after(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  fileStoreContract(() => store);

  test('an object changed behind the application is refused on read', async () => {
    const original = Buffer.from('原件');
    const { sha256 } = await store.put(original);
    const raw = new S3Client({ region: 'cn-north-1', endpoint, forcePathStyle: true, credentials });
    await raw.send(new PutObjectCommand({ Bucket: 'gongkai', Key: `attachments/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`, Body: Buffer.from('篡改') }));
    raw.destroy();
    await assert.rejects(store.get(sha256), /does not match its hash/);
    assert.notEqual(createHash('sha256').update('篡改').digest('hex'), sha256);
  });
});
