// Upload guards (issue 8 part 3): decompression bombs, PDF page and object monsters, and images
// with absurd pixel counts are refused from their headers, before any library unpacks them, with
// 422 and a stable code; ordinary documents pass. Also checked through the upload checks that use
// the guards (catalog attachments, application files) and a reader (DOCX text extraction).
import { describe, test } from 'node:test';
import { inflateRawSync } from 'node:zlib';
import assert from 'node:assert/strict';
import { guardUpload, imageDimensions } from '../../src/core/files/upload-guards.ts';
import { AppError } from '../../src/core/errors.ts';
import { checkAttachment } from '../../src/modules/catalog/attachments.service.ts';
import { extractDocxText } from '../../src/modules/catalog/text-extract.ts';
import { checkApplicationFiles } from '../../src/modules/requests/application-files.ts';
import { assemblePdf, sampleDocx, samplePdf, samplePng, zip } from '../helpers/sample-files.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function refusedWith(p: Promise<unknown>, code: string): Promise<AppError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  assert.ok(err instanceof AppError, `expected ${code}, got ${String(err)}`);
  assert.equal(err.code, code);
  assert.equal(err.status, 422);
  assert.match(err.message, /[\u4e00-\u9fff]/);
  return err;
}

/** The DOCX parts plus one extra entry, so the archive stays a Word document by content. */
function docxWith(extra: { name: string; data: Buffer }): Buffer {
  const parts = zipParts(sampleDocx({ paragraphs: ['正文'] }));
  return zip([...parts, extra]);
}

/** Entries of a stored-or-deflated ZIP made by the sample helper, read back for rebuilding. */
function zipParts(b: Buffer): { name: string; data: Buffer }[] {
  const out: { name: string; data: Buffer }[] = [];
  let p = 0;
  while (b.readUInt32LE(p) === 0x04034b50) {
    const csize = b.readUInt32LE(p + 18);
    const nlen = b.readUInt16LE(p + 26);
    const name = b.toString('utf8', p + 30, p + 30 + nlen);
    const start = p + 30 + nlen + b.readUInt16LE(p + 28);
    out.push({ name, data: inflateRawSync(b.subarray(start, start + csize)) });
    p = start + csize;
  }
  return out;
}

/** Overwrites the uncompressed size that the central directory declares for entry `index`. */
function patchDeclaredSize(b: Buffer, index: number, size: number): Buffer {
  const out = Buffer.from(b);
  const eocd = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = out.readUInt32LE(eocd + 16);
  for (let i = 0; i < index; i++) p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  out.writeUInt32LE(size, p + 24);
  return out;
}

/** A PDF of `pages` pages sharing one content stream. */
function pdfWithPages(pages: number): Buffer {
  const kids = Array.from({ length: pages }, (_, i) => `${i + 4} 0 R`).join(' ');
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`, '<< /Length 0 >>\nstream\n\nendstream'];
  for (let i = 0; i < pages; i++) objects.push('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R >>');
  return assemblePdf(objects);
}

/** A JPEG header with a baseline frame of the given size (no image data needed for the guard). */
function jpegHeader(width: number, height: number): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, Buffer.from([0xff, 0xd9])]);
}

function pngOfSize(width: number, height: number): Buffer {
  const b = Buffer.from(samplePng);
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  return b;
}

describe('upload guards', () => {
  test('ordinary documents pass', async () => {
    await guardUpload(DOCX, sampleDocx({ heading: '标题', paragraphs: ['一', '二'] }));
    await guardUpload('application/pdf', samplePdf(['hello']));
    await guardUpload('application/pdf', pdfWithPages(50));
    await guardUpload('image/png', samplePng);
    await guardUpload('image/jpeg', jpegHeader(4000, 3000));
    await guardUpload('text/plain', Buffer.from('not guarded'));
  });

  test('a DOCX whose directory declares gigabytes is refused without inflating', async () => {
    const bomb = patchDeclaredSize(sampleDocx({ paragraphs: ['x'] }), 2, 0xf0000000);
    await refusedWith(guardUpload(DOCX, bomb), 'UPLOAD_ARCHIVE_BOMB');
  });

  test('a DOCX with a thousandfold entry (30 MB of zeros) is refused by ratio', async () => {
    const bomb = docxWith({ name: 'word/media/zeros.bin', data: Buffer.alloc(30 * 1024 * 1024) });
    assert.ok(bomb.length < 100_000);
    const err = await refusedWith(guardUpload(DOCX, bomb), 'UPLOAD_ARCHIVE_BOMB');
    assert.deepEqual(err.fields.map((f) => f.field), ['file']);
  });

  test('an entry that inflates beyond its declared size is refused (the header lied)', async () => {
    const honest = docxWith({ name: 'word/media/zeros.bin', data: Buffer.alloc(2 * 1024 * 1024) });
    await guardUpload(DOCX, honest);
    const liar = patchDeclaredSize(honest, 3, 1000);
    await refusedWith(guardUpload(DOCX, liar), 'UPLOAD_ARCHIVE_BOMB');
    // The reader guards too: text extraction of such a file fails before mammoth inflates it.
    await refusedWith(extractDocxText(liar), 'UPLOAD_ARCHIVE_BOMB');
  });

  test('too many entries and damaged archives are refused', async () => {
    const many = zip(Array.from({ length: 5 }, (_, i) => ({ name: `p${i}.xml`, data: '<a/>' })));
    await refusedWith(guardUpload(DOCX, many, { limits: { zipMaxEntries: 4 } }), 'UPLOAD_ARCHIVE_BOMB');
    const truncated = sampleDocx({ paragraphs: ['x'] }).subarray(0, 200);
    await refusedWith(guardUpload(DOCX, truncated), 'UPLOAD_ARCHIVE_DAMAGED');
  });

  test('a PDF of 2,001 pages is refused; 2,000 pass', async () => {
    await guardUpload('application/pdf', pdfWithPages(2000));
    const err = await refusedWith(guardUpload('application/pdf', pdfWithPages(2001)), 'UPLOAD_PDF_TOO_MANY_PAGES');
    assert.match(err.message, /2001 页/);
  });

  test('a PDF declaring millions of objects is refused before it is opened', async () => {
    const huge = Buffer.from(samplePdf(['x']).toString('latin1').replace('/Size 6', '/Size 5000000'), 'latin1');
    await refusedWith(guardUpload('application/pdf', huge), 'UPLOAD_PDF_TOO_COMPLEX');
    // A long run of digits does not make the object scan slow or fail.
    await guardUpload('application/pdf', Buffer.concat([samplePdf(['x']), Buffer.from('9'.repeat(2_000_000) + ' 0 obj')]));
  });

  test('images over 100 megapixels are refused from their headers', async () => {
    assert.deepEqual(imageDimensions('jpg', jpegHeader(640, 480)), { width: 640, height: 480 });
    assert.deepEqual(imageDimensions('png', pngOfSize(7, 9)), { width: 7, height: 9 });
    await guardUpload('image/png', pngOfSize(10_000, 10_000));
    await refusedWith(guardUpload('image/png', pngOfSize(20_000, 20_000)), 'UPLOAD_IMAGE_TOO_LARGE');
    await refusedWith(guardUpload('image/jpeg', jpegHeader(65_000, 60_000)), 'UPLOAD_IMAGE_TOO_LARGE');
  });

  test('the upload checks use the guards: catalog attachments and application files', async () => {
    const bomb = docxWith({ name: 'word/media/zeros.bin', data: Buffer.alloc(30 * 1024 * 1024) });
    await refusedWith(checkAttachment('通知.docx', bomb, 20 * 1024 * 1024), 'UPLOAD_ARCHIVE_BOMB');
    await refusedWith(checkAttachment('图.png', pngOfSize(20_000, 20_000), 20 * 1024 * 1024), 'UPLOAD_IMAGE_TOO_LARGE');
    assert.equal((await checkAttachment('通知.docx', sampleDocx({ paragraphs: ['x'] }), 20 * 1024 * 1024)).kind, 'docx');
    const err = await refusedWith(checkApplicationFiles([{ purpose: 'idScan', filename: 'id.png', bytes: pngOfSize(20_000, 20_000) }], 20 * 1024 * 1024), 'UPLOAD_IMAGE_TOO_LARGE');
    assert.equal(err.fields[0].field, 'files');
  });
});
