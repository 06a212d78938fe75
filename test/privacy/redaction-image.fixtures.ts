// Photos for the image redaction tests: a smooth colour gradient (no black pixel anywhere, and
// smooth enough that JPEG re-encoding stays close), as PNG with a text chunk or as JPEG with an
// EXIF block holding an orientation and a GPS-like description; a decoder back to pixels; and what
// the redaction workspace of such a photo shows (reply files and catalog attachments alike).
import assert from 'node:assert/strict';
import { crc32 } from 'node:zlib';
import * as mupdf from 'mupdf';

/** The metadata the fixtures carry; a redacted copy must not contain it. */
export const PHOTO_SECRET = 'GPS N31.2304 E121.4737 CAMERA-SN-0042';

export function gradientPixmap(width: number, height: number): mupdf.Pixmap {
  const pix = new mupdf.Pixmap(mupdf.ColorSpace.DeviceRGB, [0, 0, width, height], false);
  const px = pix.getPixels();
  const stride = pix.getStride();
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = y * stride + x * 3;
      px[at] = 60 + Math.round((x * 150) / width);
      px[at + 1] = 60 + Math.round((y * 150) / height);
      px[at + 2] = 150;
    }
  }
  return pix;
}

/** An EXIF APP1 segment (big-endian TIFF): Orientation and an ImageDescription with PHOTO_SECRET. */
function exifSegment(orientation: number): Buffer {
  const text = Buffer.from(`${PHOTO_SECRET}\0`, 'latin1');
  const ifd = 8;
  const entries = 2;
  const dataAt = ifd + 2 + entries * 12 + 4;
  const tiff = Buffer.alloc(dataAt + text.length);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(ifd, 4);
  tiff.writeUInt16BE(entries, ifd);
  // 0x010E ImageDescription, ASCII, stored at dataAt.
  tiff.writeUInt16BE(0x010e, ifd + 2);
  tiff.writeUInt16BE(2, ifd + 4);
  tiff.writeUInt32BE(text.length, ifd + 6);
  tiff.writeUInt32BE(dataAt, ifd + 10);
  // 0x0112 Orientation, SHORT, inline.
  tiff.writeUInt16BE(0x0112, ifd + 14);
  tiff.writeUInt16BE(3, ifd + 16);
  tiff.writeUInt32BE(1, ifd + 18);
  tiff.writeUInt16BE(orientation, ifd + 22);
  tiff.writeUInt32BE(0, ifd + 26);
  text.copy(tiff, dataAt);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xffe1, 0);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

/** A JPEG photo with EXIF (orientation 1 unless given). The stored pixels are width × height. */
export function photoJpeg(width: number, height: number, orientation = 1): Buffer {
  const jpg = Buffer.from(gradientPixmap(width, height).asJPEG(95, false));
  return Buffer.concat([jpg.subarray(0, 2), exifSegment(orientation), jpg.subarray(2)]);
}

/** A PNG with a tEXt chunk holding PHOTO_SECRET, before the image data. */
export function photoPng(width: number, height: number): Buffer {
  const png = Buffer.from(gradientPixmap(width, height).asPNG());
  const data = Buffer.from(`Comment\0${PHOTO_SECRET}`, 'latin1');
  const type = Buffer.from('tEXt', 'latin1');
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  type.copy(chunk, 4);
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(Buffer.concat([type, data])), 8 + data.length);
  const afterHeader = 8 + 25; // signature + IHDR chunk
  return Buffer.concat([png.subarray(0, afterHeader), chunk, png.subarray(afterHeader)]);
}

export interface Decoded {
  width: number;
  height: number;
  /** RGB of a pixel. */
  at(x: number, y: number): [number, number, number];
}

export function decodeImage(bytes: Uint8Array): Decoded {
  const image = new mupdf.Image(bytes);
  let pix = image.toPixmap();
  if (pix.getColorSpace()?.getName() !== 'DeviceRGB') pix = pix.convertToColorSpace(mupdf.ColorSpace.DeviceRGB, false);
  const n = pix.getNumberOfComponents() + pix.getAlpha();
  const stride = pix.getStride();
  const px = Uint8Array.from(pix.getPixels());
  return {
    width: pix.getWidth(),
    height: pix.getHeight(),
    at: (x, y) => [px[y * stride + x * n]!, px[y * stride + x * n + 1]!, px[y * stride + x * n + 2]!],
  };
}

/** Whether the bytes carry an EXIF APP1 segment or the fixtures' metadata text. */
export function hasPhotoMetadata(bytes: Buffer): boolean {
  return bytes.includes(Buffer.from('Exif\0\0', 'latin1')) || bytes.includes(Buffer.from(PHOTO_SECRET, 'latin1')) || bytes.includes(Buffer.from('tEXt', 'latin1'));
}

/** The redaction workspace of the 320×240 photo at `base`: the pixel-area form over a gridded preview, no text forms. */
export function assertPhotoWorkspace(body: string, base: string): void {
  assert.match(body, /<input type="hidden" name="page" value="1"\/?>/);
  assert.match(body, /图片宽 320、高 240 像素，预览图上的蓝色网格线每 50 像素一条/);
  assert.match(body, new RegExp(`action="${base}/redact/areas"`));
  for (const textForm of ['name="finding"', 'name="text"', '其他要删除的文字']) assert.ok(!body.includes(textForm), `a photo has no text to search (${textForm})`);
  assert.match(body, new RegExp(`<img class="redaction-page" data-page="1" data-scale="1" src="${base}/pages/1\\.png"`));
}
