// The store the configuration selects: S3-compatible storage when S3_BUCKET is set (several app
// instances share no disk), else the data directory. One place, so that the server, the worker and
// `gongkai backup`/`restore` always read and write the same store.
import type { S3Config } from '../../config.ts';
import { createDiskFileStore, type FileStore } from './file-store.ts';
import { createS3FileStore } from './s3-file-store.ts';

export interface FileStoreConfig {
  /** The disk store's directory (DATA_DIR/attachments), used when `s3` is unset. */
  attachmentsDir: string;
  s3?: S3Config | undefined;
}

export const fileStoreKind = (config: FileStoreConfig): 'disk' | 's3' => (config.s3 ? 's3' : 'disk');

export function createConfiguredFileStore(config: FileStoreConfig): FileStore {
  return config.s3 ? createS3FileStore(config.s3) : createDiskFileStore(config.attachmentsDir);
}
