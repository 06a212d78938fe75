// A local S3-compatible server for tests (s3rver, a dev dependency, in a child process: see
// s3rver-child.mjs) on a random port over a temporary directory, with a raw client to look at and
// change the bucket behind the application.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';

export interface TestS3 {
  endpoint: string;
  bucket: string;
  /** The environment that points the application at the bucket (loadConfig's S3_* variables). */
  env: Record<string, string>;
  raw: S3Client;
  /** key → bytes of every object in the bucket. */
  objects(): Promise<Map<string, Buffer>>;
  deleteObject(key: string): Promise<void>;
  empty(): Promise<void>;
  close(): Promise<void>;
}

export const S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export async function startTestS3(bucket = 'gongkai', prefix = 'attachments/'): Promise<TestS3> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-s3-'));
  const child = spawn(process.execPath, ['--openssl-legacy-provider', path.join(import.meta.dirname, 's3rver-child.mjs'), dir, bucket], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`s3rver exited (${code}) before listening`)));
    createInterface({ input: child.stdout! }).once('line', (line) => resolve((JSON.parse(line) as { port: number }).port));
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const raw = new S3Client({ region: 'cn-north-1', endpoint, forcePathStyle: true, credentials: S3_CREDENTIALS });
  const keys = async () => {
    const out: string[] = [];
    let token: string | undefined;
    do {
      const page = await raw.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
      out.push(...(page.Contents ?? []).map((o) => o.Key!));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return out.sort();
  };
  const deleteObject = async (key: string) => {
    await raw.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
  };
  return {
    endpoint,
    bucket,
    env: {
      S3_BUCKET: bucket, S3_ENDPOINT: endpoint, S3_REGION: 'cn-north-1', S3_FORCE_PATH_STYLE: 'true',
      S3_ACCESS_KEY_ID: S3_CREDENTIALS.accessKeyId, S3_SECRET_ACCESS_KEY: S3_CREDENTIALS.secretAccessKey, S3_PREFIX: prefix,
    },
    raw,
    async objects() {
      const out = new Map<string, Buffer>();
      for (const key of await keys()) {
        const body = (await raw.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!;
        out.set(key, Buffer.from(await body.transformToByteArray()));
      }
      return out;
    },
    deleteObject,
    async empty() {
      for (const key of await keys()) await deleteObject(key);
    },
    async close() {
      raw.destroy();
      child.stdin!.end();
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
