// Redaction by area (区分处理, 条例 第三十七条), shared by catalog attachments and reply files: a
// scanned page or a photo has no text to search, so the reviewer gives the rectangle to remove
// (PDF points on a page, or pixels of the upright image, from the top-left corner). Here: which
// files take areas, the pages areas are drawn on, the bounds check, the copy with every area
// removed, and the preview images the console shows while marking.
import { imageSize, redactImage, renderImagePreview } from './redaction.image.ts';
import { pdfPageSizes, redactPdf, renderPdfPage, type PdfArea, type Rect } from './redaction.pdf.ts';

export type RedactableKind = 'pdf' | 'docx' | 'jpg' | 'png';

/** The redactable file types: PDF and DOCX by text, PDF and images (JPEG, PNG) by area. */
export const REDACTABLE_TYPES: ReadonlyMap<string, RedactableKind> = new Map([
  ['application/pdf', 'pdf'],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
  ['image/jpeg', 'jpg'],
  ['image/png', 'png'],
]);
export const redactableKind = (mediaType: string): RedactableKind | undefined => REDACTABLE_TYPES.get(mediaType);
export const isImageType = (mediaType: string): boolean => ['jpg', 'png'].includes(redactableKind(mediaType) ?? '');

/** The longest side of an image preview, in pixels. */
export const PREVIEW_MAX_SIDE = 1600;

/** A page (PDF, in points) or the image (page 1, in pixels) that areas are drawn on. */
export interface AreaPage {
  page: number;
  width: number;
  height: number;
  /** Preview pixels per unit of the area coordinates (for drawing areas on the page image). */
  scale: number;
}

/** Where areas may be drawn: the PDF's pages, the image, nothing for DOCX (marked by text). */
export async function areaPages(mediaType: string, original: Uint8Array): Promise<AreaPage[]> {
  const kind = redactableKind(mediaType);
  // PDF pages render at 1.5 px per point (renderPdfPage); images at most PREVIEW_MAX_SIDE px.
  if (kind === 'pdf') return (await pdfPageSizes(original)).map((p) => ({ ...p, scale: 1.5 }));
  if (kind !== 'jpg' && kind !== 'png') return [];
  const size = await imageSize(original);
  return [{ page: 1, ...size, scale: Math.min(1, PREVIEW_MAX_SIDE / Math.max(size.width, size.height)) }];
}

export interface AreaInput {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The area clipped to its page, or the field error to show (no page, no size, outside the page). */
export function clipArea(pages: AreaPage[], input: AreaInput): PdfArea | { field: string; message: string } {
  if (pages.length === 0) return { field: 'x', message: 'Word 文档请按文字删除' };
  const page = pages.find((p) => p.page === input.page);
  if (!page) return { field: 'page', message: '页码超出范围' };
  if (![input.x, input.y, input.width, input.height].every(Number.isFinite)) return { field: 'x', message: '请填写区域的坐标和大小' };
  if (!(input.width > 0 && input.height > 0)) return { field: 'width', message: '宽度和高度须大于 0' };
  const rect: Rect = [Math.max(0, input.x), Math.max(0, input.y), Math.min(page.width, input.x + input.width), Math.min(page.height, input.y + input.height)];
  if (rect[0] >= rect[2] || rect[1] >= rect[3]) return { field: 'x', message: '区域不在页面（图片）范围内' };
  return { page: page.page, rect };
}

/**
 * The copy of a PDF or an image with every area removed (PDF: text, images and drawings under it,
 * and the metadata; image: the pixels set black, re-encoded without EXIF/GPS or text chunks).
 */
export async function redactAreas(mediaType: string, original: Uint8Array, areas: PdfArea[]): Promise<Buffer> {
  const kind = redactableKind(mediaType);
  if (kind === 'pdf') return redactPdf(original, areas);
  if (kind === 'jpg' || kind === 'png') return redactImage(original, mediaType, areas.map((a) => a.rect));
  throw new RangeError(`no area redaction for ${mediaType}`);
}

/**
 * A page image for the console: the original with the areas marked so far tinted (images also
 * with a coordinate grid), or a redacted copy as it is. Undefined when the page does not exist.
 */
export async function pagePreview(mediaType: string, bytes: Uint8Array, page: number, opts: { marks?: Rect[]; grid?: boolean }): Promise<Buffer | undefined> {
  if (redactableKind(mediaType) === 'pdf') return renderPdfPage(bytes, page, { marks: opts.marks });
  if (!isImageType(mediaType) || page !== 1) return undefined;
  return (await renderImagePreview(bytes, mediaType, { marks: opts.marks, grid: opts.grid, maxSide: PREVIEW_MAX_SIDE })).png;
}
