// Image redaction (JPEG, PNG) with MuPDF: the image is decoded, turned upright by its EXIF
// orientation, the pixels inside each area are set to black, and a NEW image is encoded from the
// pixels alone, so no EXIF, XMP, GPS position, camera serial or PNG text chunk of the original
// survives (GPS in a photo is personal data, 条例 第十五条; 区分处理, 第三十七条).
// Coordinates are pixels of the upright image from its top-left corner, y downwards.
import type * as Mupdf from 'mupdf';
import { loadMupdf, type Rect } from './redaction.pdf.ts';

export interface ImageSize {
  width: number;
  height: number;
}

const JPEG_QUALITY = 92;

/** The EXIF orientation (1..8) of a JPEG; 1 when absent or unreadable. */
export function jpegOrientation(b: Uint8Array): number {
  const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  if (buf.length < 4 || buf[0] !== 0xff || buf[1] !== 0xd8) return 1;
  for (let at = 2; at + 4 <= buf.length;) {
    if (buf[at] !== 0xff) return 1;
    const marker = buf[at + 1]!;
    if (marker === 0xda || marker === 0xd9) return 1; // image data starts: no EXIF before it
    const len = buf.readUInt16BE(at + 2);
    if (marker === 0xe1 && len >= 16 && buf.toString('latin1', at + 4, at + 10) === 'Exif\0\0') {
      const tiff = at + 10;
      const le = buf.toString('latin1', tiff, tiff + 2) === 'II';
      const u16 = (o: number) => (le ? buf.readUInt16LE(o) : buf.readUInt16BE(o));
      const u32 = (o: number) => (le ? buf.readUInt32LE(o) : buf.readUInt32BE(o));
      const end = Math.min(buf.length, at + 2 + len);
      const ifd = tiff + u32(tiff + 4);
      if (ifd + 2 > end) return 1;
      const count = u16(ifd);
      for (let i = 0; i < count && ifd + 2 + i * 12 + 12 <= end; i++) {
        const entry = ifd + 2 + i * 12;
        if (u16(entry) === 0x0112) {
          const v = u16(entry + 8);
          return v >= 1 && v <= 8 ? v : 1;
        }
      }
      return 1;
    }
    at += 2 + len;
  }
  return 1;
}

/** The decoded image, upright, in DeviceRGB (alpha kept for PNG). The caller destroys it. */
async function decodeUpright(bytes: Uint8Array, mediaType: string): Promise<Mupdf.Pixmap> {
  const mupdf = await loadMupdf();
  const image = new mupdf.Image(bytes);
  let pix = image.toPixmap();
  image.destroy();
  if (pix.getColorSpace()?.getName() !== 'DeviceRGB') {
    const rgb = pix.convertToColorSpace(mupdf.ColorSpace.DeviceRGB, mediaType === 'image/png');
    pix.destroy();
    pix = rgb;
  }
  const orientation = mediaType === 'image/jpeg' ? jpegOrientation(bytes) : 1;
  if (orientation === 1) return pix;
  const upright = orient(mupdf, pix, orientation);
  pix.destroy();
  return upright;
}

/** Applies an EXIF orientation by copying pixels (exact, no resampling). */
function orient(mupdf: typeof Mupdf, src: Mupdf.Pixmap, orientation: number): Mupdf.Pixmap {
  const w = src.getWidth();
  const h = src.getHeight();
  const n = src.getNumberOfComponents() + src.getAlpha();
  const swap = orientation >= 5;
  const [ow, oh] = swap ? [h, w] : [w, h];
  const out = new mupdf.Pixmap(mupdf.ColorSpace.DeviceRGB, [0, 0, ow, oh], src.getAlpha() === 1);
  const from = src.getPixels();
  const to = out.getPixels();
  const ss = src.getStride();
  const os = out.getStride();
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      // Where the stored pixel (x, y) lands in the upright image (EXIF 2.3, tag 0x0112).
      let dx: number;
      let dy: number;
      switch (orientation) {
        case 2: dx = w - 1 - x; dy = y; break;
        case 3: dx = w - 1 - x; dy = h - 1 - y; break;
        case 4: dx = x; dy = h - 1 - y; break;
        case 5: dx = y; dy = x; break;
        case 6: dx = h - 1 - y; dy = x; break;
        case 7: dx = h - 1 - y; dy = w - 1 - x; break;
        default: dx = y; dy = w - 1 - x; break; // 8
      }
      const s = y * ss + x * n;
      const d = dy * os + dx * n;
      for (let c = 0; c < n; c++) to[d + c] = from[s + c]!;
    }
  }
  return out;
}

/** The upright size in pixels (the space the areas are given in). */
export async function imageSize(bytes: Uint8Array): Promise<ImageSize> {
  const mupdf = await loadMupdf();
  const image = new mupdf.Image(bytes);
  try {
    const swap = jpegOrientation(bytes) >= 5;
    const [w, h] = [image.getWidth(), image.getHeight()];
    return swap ? { width: h, height: w } : { width: w, height: h };
  } finally {
    image.destroy();
  }
}

/** Clips an area to the image and rounds it outwards to whole pixels; null when nothing remains. */
export function pixelRect(rect: Rect, size: ImageSize): [number, number, number, number] | null {
  const x0 = Math.max(0, Math.floor(rect[0]));
  const y0 = Math.max(0, Math.floor(rect[1]));
  const x1 = Math.min(size.width, Math.ceil(rect[2]));
  const y1 = Math.min(size.height, Math.ceil(rect[3]));
  return x0 < x1 && y0 < y1 ? [x0, y0, x1, y1] : null;
}

function fill(pix: Mupdf.Pixmap, rect: Rect, color: [number, number, number], opacity = 1): void {
  const r = pixelRect(rect, { width: pix.getWidth(), height: pix.getHeight() });
  if (!r) return;
  const n = pix.getNumberOfComponents() + pix.getAlpha();
  const stride = pix.getStride();
  const px = pix.getPixels();
  for (let y = r[1]; y < r[3]; y++) {
    for (let x = r[0]; x < r[2]; x++) {
      const at = y * stride + x * n;
      for (let c = 0; c < 3; c++) px[at + c] = Math.round(px[at + c]! * (1 - opacity) + color[c]! * opacity);
      if (n === 4) px[at + 3] = 255;
    }
  }
}

/**
 * The redacted copy, in the original's format: every area black, everything else the original
 * pixels (PNG exactly; JPEG re-encoded at high quality), no metadata at all.
 */
export async function redactImage(bytes: Uint8Array, mediaType: string, areas: Rect[]): Promise<Buffer> {
  const pix = await decodeUpright(bytes, mediaType);
  try {
    for (const a of areas) fill(pix, a, [0, 0, 0]);
    return Buffer.from(mediaType === 'image/png' ? pix.asPNG() : pix.asJPEG(JPEG_QUALITY, false));
  } finally {
    pix.destroy();
  }
}

/** A "nice" grid step giving about ten lines across the longer side. */
export function gridStep(size: ImageSize): number {
  const target = Math.max(size.width, size.height) / 10;
  for (const s of [10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000]) if (s >= target) return s;
  return 10000;
}

/**
 * The console preview (PNG, at most `maxSide` pixels): optionally a grid every `gridStep` image
 * pixels, and the marked areas tinted red, so areas can be placed by coordinates without JavaScript.
 */
export async function renderImagePreview(bytes: Uint8Array, mediaType: string, opts: { marks?: Rect[]; grid?: boolean; maxSide?: number } = {}): Promise<{ png: Buffer; scale: number }> {
  let pix = await decodeUpright(bytes, mediaType);
  try {
    const size = { width: pix.getWidth(), height: pix.getHeight() };
    const scale = Math.min(1, (opts.maxSide ?? 1600) / Math.max(size.width, size.height));
    if (scale < 1) {
      const [w, h] = [size.width, size.height];
      const small = pix.warp([[0, 0], [w, 0], [w, h], [0, h]], Math.max(1, Math.round(w * scale)), Math.max(1, Math.round(h * scale)));
      pix.destroy();
      pix = small;
    }
    const s = (r: Rect): Rect => [r[0] * scale, r[1] * scale, r[2] * scale, r[3] * scale];
    if (opts.grid) {
      const step = gridStep(size);
      for (let x = step; x < size.width; x += step) fill(pix, s([x, 0, x + 1 / scale, size.height]), [0, 102, 204], 0.6);
      for (let y = step; y < size.height; y += step) fill(pix, s([0, y, size.width, y + 1 / scale]), [0, 102, 204], 0.6);
    }
    for (const m of opts.marks ?? []) fill(pix, s(m), [212, 53, 28], 0.45);
    return { png: Buffer.from(pix.asPNG()), scale };
  } finally {
    pix.destroy();
  }
}
