// Files sent with an application (ID scans, authorisations): only PDF, JPEG and PNG, recognised
// by their content rather than their name, at most five, each within the upload limit.
import { fileTypeFromBuffer } from 'file-type';
import { validationFailed } from '../../core/errors.ts';
import { guardUpload } from '../../core/files/upload-guards.ts';
import type { ApplicationFile, ApplicationFilePurpose } from './requests.contract.ts';

export const MAX_APPLICATION_FILES = 5;
const ALLOWED = new Map([
  ['application/pdf', 'pdf'],
  ['image/jpeg', 'jpg'],
  ['image/png', 'png'],
]);

export interface CheckedFile {
  purpose: ApplicationFilePurpose;
  filename: string;
  mediaType: string;
  bytes: Buffer;
}

/** The file's own name without any path, control characters or excess length. */
export function safeFilename(name: string, ext: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\p{Cc}\p{Cf}"<>|:*?]/gu, '').trim().slice(0, 120);
  if (!base) return `材料.${ext}`;
  return base.toLowerCase().endsWith(`.${ext}`) || (ext === 'jpg' && /\.jpe?g$/i.test(base)) ? base : `${base}.${ext}`;
}

export async function checkApplicationFiles(files: ApplicationFile[], maxBytes: number): Promise<CheckedFile[]> {
  const present = files.filter((f) => f.bytes.length > 0);
  if (present.length > MAX_APPLICATION_FILES)
    throw validationFailed([{ field: 'files', message: `最多上传 ${MAX_APPLICATION_FILES} 个文件` }]);
  const out: CheckedFile[] = [];
  for (const f of present) {
    if (f.bytes.length > maxBytes)
      throw validationFailed([{ field: 'files', message: `文件“${f.filename}”超过 ${Math.floor(maxBytes / 1048576)} MB` }]);
    const type = await fileTypeFromBuffer(f.bytes);
    const ext = type ? ALLOWED.get(type.mime) : undefined;
    if (!type || !ext)
      throw validationFailed([{ field: 'files', message: `文件“${f.filename}”不是 PDF、JPG 或 PNG 格式（按文件内容识别）` }]);
    await guardUpload(type.mime, f.bytes, { field: 'files' });
    out.push({ purpose: f.purpose, filename: safeFilename(f.filename, ext), mediaType: type.mime, bytes: f.bytes });
  }
  return out;
}
