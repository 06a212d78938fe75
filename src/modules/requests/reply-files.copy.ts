// The redacted copy of a reply file (区分处理, 条例 第三十七条), always made from the ORIGINAL with
// every mark so far: PDF marks by text (each place it occurs) and by area (page + rectangle in
// points), DOCX marks by text, image (JPEG/PNG) marks by area (rectangle in pixels). Also the
// page images the console shows while marking, and the bounds an area must lie within.
import type { ReplyFileRedactionTable } from '../../core/db/schema.ts';
import {
  findTextAreas, imageSize, pdfPageSizes, redactDocx, redactImage, redactPdf, renderImagePreview, renderPdfPage, type PdfArea, type Rect,
} from '../privacy/index.ts';
import { REPLY_FILE_TYPES } from './reply-files.rules.ts';

export type ReplyFileKind = 'pdf' | 'docx' | 'jpg' | 'png';
export const kindOf = (mediaType: string) => REPLY_FILE_TYPES.get(mediaType) as ReplyFileKind | undefined;
export const isImage = (mediaType: string) => kindOf(mediaType) === 'jpg' || kindOf(mediaType) === 'png';
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

type Mark = Pick<ReplyFileRedactionTable, 'searchText' | 'page' | 'x0' | 'y0' | 'x1' | 'y1'>;

export function areaOf(m: Mark): PdfArea | null {
  if (m.x0 === null || m.y0 === null || m.x1 === null || m.y1 === null) return null;
  return { page: Number(m.page ?? 1), rect: [Number(m.x0), Number(m.y0), Number(m.x1), Number(m.y1)] };
}

/** Where areas may be drawn: the PDF's pages, the image, nothing for DOCX (marked by text). */
export async function areaPages(mediaType: string, original: Uint8Array): Promise<AreaPage[]> {
  const kind = kindOf(mediaType);
  // PDF pages render at 1.5 px per point (renderPdfPage); images at most PREVIEW_MAX_SIDE px.
  if (kind === 'pdf') return (await pdfPageSizes(original)).map((p) => ({ ...p, scale: 1.5 }));
  if (kind !== 'jpg' && kind !== 'png') return [];
  const size = await imageSize(original);
  return [{ page: 1, ...size, scale: Math.min(1, PREVIEW_MAX_SIDE / Math.max(size.width, size.height)) }];
}

/** The copy with every mark applied; null when there is no mark left (the file is then unredacted). */
export async function buildCopy(mediaType: string, original: Uint8Array, marks: Mark[]): Promise<Buffer | null> {
  if (marks.length === 0) return null;
  const kind = kindOf(mediaType);
  const areas = marks.map(areaOf).filter((a): a is PdfArea => a !== null);
  const texts = marks.filter((m) => areaOf(m) === null).map((m) => m.searchText);
  if (kind === 'pdf') return redactPdf(original, [...areas, ...(await Promise.all(texts.map((t) => findTextAreas(original, t)))).flat()]);
  if (kind === 'docx') return (await redactDocx(original, texts)).bytes;
  if (kind === 'jpg' || kind === 'png') return redactImage(original, mediaType, areas.map((a) => a.rect));
  throw new RangeError(`no redaction for ${mediaType}`);
}

/**
 * A page image for the console: the original with the areas marked so far tinted (images also
 * with a coordinate grid), or the redacted copy as it is. Undefined when the page does not exist.
 */
export async function pagePreview(mediaType: string, bytes: Uint8Array, page: number, opts: { marks?: Rect[]; grid?: boolean }): Promise<Buffer | undefined> {
  if (kindOf(mediaType) === 'pdf') return renderPdfPage(bytes, page, { marks: opts.marks });
  if (!isImage(mediaType) || page !== 1) return undefined;
  return (await renderImagePreview(bytes, mediaType, { marks: opts.marks, grid: opts.grid, maxSide: PREVIEW_MAX_SIDE })).png;
}
