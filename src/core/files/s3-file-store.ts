// Content-addressed attachment store on S3-compatible object storage (the province-wide
// deployment, DESIGN.md "Deployments" 3: several app instances share no disk). Same contract as
// the disk store: the object key is the content's SHA-256 (ab/cd/<sha256>, under an optional
// prefix), an object is written once and never changed, and a read checks the bytes against
// their name so that storage corruption or tampering is an error, not a silent wrong file.
import { createHash } from 'node:crypto';
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import type { FileStore } from './file-store.ts';

export interface S3FileStoreConfig {
  bucket: string;
  /** Region name (S3-compatible servers accept any; 'us-east-1' when unset). */
  region: string;
  /** Endpoint of an S3-compatible server (MinIO, Ceph, a cloud's OSS/COS); unset: AWS. */
  endpoint?: string;
  /** Path-style URLs (http://host/bucket/key): what most self-hosted servers expect. */
  forcePathStyle: boolean;
  /** Credentials; unset: the SDK's default chain (environment, instance profile). */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Key prefix inside the bucket, e.g. 'attachments/' ('' for none). */
  prefix?: string;
  /** Keys per ListObjectsV2 page (S3's maximum, 1000, when unset; tests page by a few). */
  listPageSize?: number;
}

const SHA_RE = /^[0-9a-f]{64}$/;

function isNotFound(err: unknown): boolean {
  if (err instanceof S3ServiceException) return err.$metadata.httpStatusCode === 404 || err.name === 'NotFound' || err.name === 'NoSuchKey';
  return false;
}

export function createS3FileStore(config: S3FileStoreConfig): FileStore {
  const client = new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle,
    credentials:
      config.accessKeyId && config.secretAccessKey ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } : undefined,
    // Many S3-compatible servers do not understand the SDK's default flexible checksums
    // (aws-chunked uploads); the store checks SHA-256 itself.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const keyOf = (sha256: string) => {
    if (!SHA_RE.test(sha256)) throw new Error(`invalid sha256: ${sha256}`);
    return `${config.prefix ?? ''}${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
  };

  async function exists(sha256: string): Promise<boolean> {
    try {
      await client.send(new HeadObjectCommand({ Bucket: config.bucket, Key: keyOf(sha256) }));
      return true;
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
  }

  return {
    async put(bytes, opts) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      // Same bytes, same key: an object already there is the same file (written once, shared).
      if (opts?.replace || !(await exists(sha256))) {
        await client.send(
          new PutObjectCommand({
            Bucket: config.bucket,
            Key: keyOf(sha256),
            Body: bytes,
            ContentLength: bytes.length,
            ContentType: 'application/octet-stream',
            // The server rejects the upload if the bytes arrive damaged.
            ContentMD5: createHash('md5').update(bytes).digest('base64'),
          }),
        );
      }
      return { sha256, size: bytes.length };
    },
    async get(sha256) {
      let body;
      try {
        body = (await client.send(new GetObjectCommand({ Bucket: config.bucket, Key: keyOf(sha256) }))).Body;
      } catch (err) {
        if (isNotFound(err)) throw Object.assign(new Error(`attachment not found: ${sha256}`), { code: 'ENOENT' });
        throw err;
      }
      if (!body) throw new Error(`attachment has no body: ${sha256}`);
      const bytes = Buffer.from(await body.transformToByteArray());
      if (createHash('sha256').update(bytes).digest('hex') !== sha256)
        throw Object.assign(new Error(`attachment ${sha256} does not match its hash`), { code: 'EINTEGRITY' });
      return bytes;
    },
    exists,
    async *list() {
      const prefix = config.prefix ?? '';
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket: config.bucket, Prefix: prefix, ContinuationToken: token, MaxKeys: config.listPageSize }),
        );
        for (const object of page.Contents ?? []) {
          // Only keys the store names itself (prefix + ab/cd/<sha256>); anything else in the bucket is not ours.
          const sha256 = object.Key?.slice(prefix.length).split('/')[2] ?? '';
          if (SHA_RE.test(sha256) && object.Key === keyOf(sha256)) yield { sha256, size: Number(object.Size ?? 0) };
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    },
    close: () => client.destroy(),
  };
}
