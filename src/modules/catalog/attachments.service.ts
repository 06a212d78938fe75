// Attachment checks: the type is decided by the CONTENT (file-type), never by the name alone;
// only PDF, DOCX, XLSX, PNG and JPEG are accepted, and the name's extension must agree with the
// content (a PNG called .pdf or an executable renamed .pdf is refused). Text of PDF and DOCX is
// extracted for the search index.
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../core/errors.ts';
import { guardUpload } from '../../core/files/upload-guards.ts';
import { extractDocxText, extractPdfText } from './text-extract.ts';

export const ALLOWED_ATTACHMENT_TYPES = {
  pdf: { mediaType: 'application/pdf', extensions: ['pdf'], label: 'PDF' },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'], label: 'Word（DOCX）' },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'], label: 'Excel（XLSX）' },
  png: { mediaType: 'image/png', extensions: ['png'], label: 'PNG 图片' },
  jpg: { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'JPEG 图片' },
} as const;
export type AttachmentKind = keyof typeof ALLOWED_ATTACHMENT_TYPES;

export const ALLOWED_TYPES_TEXT = '允许的类型：PDF、DOCX、XLSX、PNG、JPEG';

const notAllowed = () => new AppError(422, 'ATTACHMENT_TYPE_NOT_ALLOWED', `不支持该文件类型。${ALLOWED_TYPES_TEXT}`, [{ field: 'file', message: ALLOWED_TYPES_TEXT }]);

/** Keeps the name people gave the file, without directories or control characters. */
export function cleanFilename(filename: string): string {
  const base = [...path.basename(filename.replace(/\\/g, '/'))].filter((c) => c.charCodeAt(0) >= 0x20 && c !== '\u007f' && c !== '"').join('').trim();
  return base.slice(-200) || 'attachment';
}

export async function checkAttachment(filename: string, bytes: Buffer, maxBytes: number): Promise<{ kind: AttachmentKind; mediaType: string; filename: string }> {
  const name = cleanFilename(filename);
  if (bytes.length === 0) throw new AppError(422, 'ATTACHMENT_EMPTY', '文件为空', [{ field: 'file', message: '文件为空' }]);
  if (bytes.length > maxBytes) {
    const mb = Math.floor(maxBytes / 1024 / 1024);
    throw new AppError(413, 'ATTACHMENT_TOO_LARGE', `文件超过 ${mb} MB 的上限`, [{ field: 'file', message: `文件不能超过 ${mb} MB` }]);
  }
  const ext = path.extname(name).slice(1).toLowerCase();
  const claimed = (Object.keys(ALLOWED_ATTACHMENT_TYPES) as AttachmentKind[]).find((k) =>
    (ALLOWED_ATTACHMENT_TYPES[k].extensions as readonly string[]).includes(ext),
  );
  if (!claimed) throw notAllowed();
  const detected = await fileTypeFromBuffer(bytes);
  const actual = (Object.keys(ALLOWED_ATTACHMENT_TYPES) as AttachmentKind[]).find((k) => ALLOWED_ATTACHMENT_TYPES[k].mediaType === detected?.mime);
  if (!actual) throw notAllowed();
  if (actual !== claimed)
    throw new AppError(422, 'ATTACHMENT_TYPE_MISMATCH', `文件内容是 ${ALLOWED_ATTACHMENT_TYPES[actual].label}，与扩展名 .${ext} 不符`, [
      { field: 'file', message: '文件内容与扩展名不符，请检查后重新上传' },
    ]);
  // Bombs, page and pixel monsters are refused before text extraction unpacks anything.
  await guardUpload(ALLOWED_ATTACHMENT_TYPES[actual].mediaType, bytes);
  return { kind: actual, mediaType: ALLOWED_ATTACHMENT_TYPES[actual].mediaType, filename: name };
}

/** Searchable text of an attachment; damaged documents just give no text. */
export async function attachmentText(kind: AttachmentKind, bytes: Buffer): Promise<string> {
  try {
    if (kind === 'pdf') return await extractPdfText(bytes);
    if (kind === 'docx') return await extractDocxText(bytes);
  } catch {
    return '';
  }
  return '';
}
