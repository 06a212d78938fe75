// Guards that run on an uploaded file BEFORE any library unpacks, parses or renders it (issue 8
// part 3): a DOCX/XLSX is a ZIP whose entries may inflate a thousandfold (decompression bomb), a
// PDF may declare millions of objects or pages, an image header may announce billions of pixels.
// Each check reads only headers and refuses with 422, a stable code and a Chinese message; the
// ZIP check also inflates each entry with a hard output cap, because the sizes in the central
// directory are the uploader's claim and jszip/mammoth would trust them only after inflating.
import { inflateRawSync } from 'node:zlib';
import { AppError } from '../errors.ts';

export interface UploadLimits {
  /** Entries in one ZIP (a Word document has a few dozen). */
  zipMaxEntries: number;
  /** Sum of the entries' uncompressed sizes. */
  zipMaxUncompressedBytes: number;
  /** Uncompressed ÷ compressed size of the whole archive, checked once it unpacks to more than `zipRatioFloorBytes`. */
  zipMaxRatio: number;
  zipRatioFloorBytes: number;
  pdfMaxPages: number;
  /** Objects a PDF declares (xref /Size) or contains (`n g obj` headers). */
  pdfMaxObjects: number;
  imageMaxPixels: number;
}

export const UPLOAD_LIMITS: UploadLimits = {
  zipMaxEntries: 10_000,
  zipMaxUncompressedBytes: 200 * 1024 * 1024,
  zipMaxRatio: 100,
  zipRatioFloorBytes: 10 * 1024 * 1024,
  pdfMaxPages: 2_000,
  pdfMaxObjects: 1_000_000,
  imageMaxPixels: 100_000_000,
};

export type GuardedKind = 'zip' | 'pdf' | 'png' | 'jpg';

const MEDIA_KINDS: Record<string, GuardedKind> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'zip',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'zip',
  'application/zip': 'zip',
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
};

const refuse = (code: string, message: string, field: string) => new AppError(422, code, message, [{ field, message }]);

/** Checks a file whose type was already recognised from its content; other types pass unchanged. */
export async function guardUpload(mediaType: string, bytes: Buffer, opts: { field?: string; limits?: Partial<UploadLimits> } = {}): Promise<void> {
  const limits = { ...UPLOAD_LIMITS, ...opts.limits };
  const field = opts.field ?? 'file';
  const kind = MEDIA_KINDS[mediaType];
  if (kind === 'zip') guardZip(bytes, limits, field);
  else if (kind === 'pdf') await guardPdf(bytes, limits, field);
  else if (kind === 'png' || kind === 'jpg') guardImage(kind, bytes, limits, field);
}

// ---- ZIP (DOCX, XLSX) ------------------------------------------------------------------------

const zipBomb = (field: string) =>
  refuse('UPLOAD_ARCHIVE_BOMB', '文档解压后体积异常巨大（疑似“压缩炸弹”），已拒绝。请检查文件后重新上传', field);
const zipDamaged = (field: string) => refuse('UPLOAD_ARCHIVE_DAMAGED', '文档已损坏或格式不受支持，无法读取。请用 Word 重新保存后上传', field);

interface ZipEntry {
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

const u64 = (b: Buffer, at: number) => Number(b.readBigUInt64LE(at));

/** The central directory's entries, read without inflating anything. */
function zipEntries(b: Buffer, limits: UploadLimits, field: string): ZipEntry[] {
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw zipDamaged(field);
  let count = b.readUInt16LE(eocd + 10);
  let cdSize = b.readUInt32LE(eocd + 12);
  let cdOffset = b.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // ZIP64: the real figures are in the ZIP64 end record that the locator before the EOCD points to.
    const loc = eocd - 20;
    if (loc < 0 || b.readUInt32LE(loc) !== 0x07064b50) throw zipDamaged(field);
    const rec = u64(b, loc + 8);
    if (rec + 56 > b.length || b.readUInt32LE(rec) !== 0x06064b50) throw zipDamaged(field);
    count = u64(b, rec + 32);
    cdSize = u64(b, rec + 40);
    cdOffset = u64(b, rec + 48);
  }
  if (count > limits.zipMaxEntries) throw zipBomb(field);
  if (cdOffset + cdSize > b.length) throw zipDamaged(field);
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  while (p < cdOffset + cdSize) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== 0x02014b50) throw zipDamaged(field);
    if (entries.length >= limits.zipMaxEntries) throw zipBomb(field);
    const nameLen = b.readUInt16LE(p + 28);
    const extraLen = b.readUInt16LE(p + 30);
    const commentLen = b.readUInt16LE(p + 32);
    const entry = { method: b.readUInt16LE(p + 10), compressedSize: b.readUInt32LE(p + 20), uncompressedSize: b.readUInt32LE(p + 24), localOffset: b.readUInt32LE(p + 42) };
    readZip64Extra(b, p + 46 + nameLen, extraLen, entry);
    entries.push(entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Sizes and offset that do not fit 32 bits live in the ZIP64 extra field (id 0x0001), in this order. */
function readZip64Extra(b: Buffer, start: number, length: number, e: ZipEntry): void {
  const end = Math.min(start + length, b.length);
  for (let q = start; q + 4 <= end; q += 4 + b.readUInt16LE(q + 2)) {
    if (b.readUInt16LE(q) !== 0x0001) continue;
    let r = q + 4;
    for (const key of ['uncompressedSize', 'compressedSize', 'localOffset'] as const) {
      if (e[key] !== 0xffffffff) continue;
      if (r + 8 > end) return;
      e[key] = u64(b, r);
      r += 8;
    }
    return;
  }
}

function guardZip(b: Buffer, limits: UploadLimits, field: string): void {
  const entries = zipEntries(b, limits, field);
  const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (total > limits.zipMaxUncompressedBytes) throw zipBomb(field);
  if (total > limits.zipRatioFloorBytes && total / Math.max(1, b.length) > limits.zipMaxRatio) throw zipBomb(field);
  // The declared sizes passed; now prove them: inflate each entry with its declared size as the cap.
  for (const e of entries) {
    const p = e.localOffset;
    if (p + 30 > b.length || b.readUInt32LE(p) !== 0x04034b50) throw zipDamaged(field);
    const start = p + 30 + b.readUInt16LE(p + 26) + b.readUInt16LE(p + 28);
    if (start + e.compressedSize > b.length) throw zipDamaged(field);
    const data = b.subarray(start, start + e.compressedSize);
    if (e.method === 0) {
      if (e.compressedSize !== e.uncompressedSize) throw zipDamaged(field);
      continue;
    }
    if (e.method !== 8) throw zipDamaged(field);
    let inflated: Buffer;
    try {
      inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, e.uncompressedSize) });
    } catch (err) {
      // More output than the entry declared: the header lied about its size.
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw zipBomb(field);
      throw zipDamaged(field);
    }
    if (inflated.length !== e.uncompressedSize) throw zipDamaged(field);
  }
}

/** For readers of stored or imported DOCX files (text extraction, redaction, Word import). */
export function guardDocxBytes(bytes: Uint8Array, field = 'file'): void {
  guardZip(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), UPLOAD_LIMITS, field);
}

// ---- PDF -------------------------------------------------------------------------------------

async function guardPdf(b: Buffer, limits: UploadLimits, field: string): Promise<void> {
  // Object counts from the raw bytes: the largest xref /Size and the number of object headers.
  const text = b.toString('latin1');
  let objects = 0;
  for (const m of text.matchAll(/\/Size\s{1,20}(\d{1,12})/g)) objects = Math.max(objects, Number(m[1]));
  // Bounded quantifiers and the look-behind keep this linear on hostile runs of digits and blanks.
  const header = /(?<!\d)\d{1,10}\s{1,10}\d{1,5}\s{1,10}obj\b/g;
  let headers = 0;
  while (headers <= limits.pdfMaxObjects && header.exec(text)) headers++;
  if (Math.max(objects, headers) > limits.pdfMaxObjects)
    throw refuse('UPLOAD_PDF_TOO_COMPLEX', `PDF 文件结构过于复杂（对象超过 ${limits.pdfMaxObjects.toLocaleString('en-US')} 个），已拒绝。请拆分或重新导出后上传`, field);
  // With the object count bounded, opening the document only reads its cross-reference table and
  // page tree; no page is parsed or rendered here.
  let pages: number;
  try {
    const mupdf = await import('mupdf');
    const doc = mupdf.Document.openDocument(b, 'application/pdf');
    try {
      pages = doc.countPages();
    } finally {
      doc.destroy();
    }
  } catch {
    return; // an unreadable PDF is the readers' concern (they yield no text); it cannot be large here
  }
  if (pages > limits.pdfMaxPages)
    throw refuse('UPLOAD_PDF_TOO_MANY_PAGES', `PDF 文件页数过多（${pages} 页，上限 ${limits.pdfMaxPages} 页），请拆分后上传`, field);
}

// ---- Images ----------------------------------------------------------------------------------

/** Width and height from a PNG IHDR or a JPEG start-of-frame segment; undefined if not found. */
export function imageDimensions(kind: 'png' | 'jpg', b: Buffer): { width: number; height: number } | undefined {
  if (kind === 'png') {
    if (b.length < 24 || b.toString('latin1', 12, 16) !== 'IHDR') return undefined;
    return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  }
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1];
    if (marker === 0xff) { i++; continue; } // fill byte
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) { i += 2; continue; }
    if (marker === 0xda || marker === 0xd9) return undefined; // scan data before any frame header
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (i + 9 > b.length) return undefined;
      return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    }
    i += 2 + b.readUInt16BE(i + 2);
  }
  return undefined;
}

function guardImage(kind: 'png' | 'jpg', b: Buffer, limits: UploadLimits, field: string): void {
  const size = imageDimensions(kind, b);
  if (!size || size.width * size.height <= limits.imageMaxPixels) return;
  const mp = Math.round(limits.imageMaxPixels / 1_000_000);
  throw refuse('UPLOAD_IMAGE_TOO_LARGE', `图片尺寸过大（${size.width}×${size.height} 像素，上限 ${mp} 百万像素），请缩小后上传`, field);
}
