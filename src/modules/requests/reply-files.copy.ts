// The redacted copy of a reply file (区分处理, 条例 第三十七条), always made from the ORIGINAL with
// every mark so far: PDF marks by text (each place it occurs) and by area (page + rectangle in
// points), DOCX marks by text, image (JPEG/PNG) marks by area (rectangle in pixels). The area
// pieces (pages, bounds, previews, the copy) are the privacy module's, shared with catalog attachments.
import type { ReplyFileRedactionTable } from '../../core/db/schema.ts';
import { findTextAreas, isImageType, redactAreas, redactDocx, redactableKind, type PdfArea, type RedactableKind } from '../privacy/index.ts';

export type ReplyFileKind = RedactableKind;
export const kindOf = redactableKind;
export const isImage = isImageType;
export { areaPages, pagePreview, type AreaPage } from '../privacy/index.ts';

type Mark = Pick<ReplyFileRedactionTable, 'searchText' | 'page' | 'x0' | 'y0' | 'x1' | 'y1'>;

export function areaOf(m: Mark): PdfArea | null {
  if (m.x0 === null || m.y0 === null || m.x1 === null || m.y1 === null) return null;
  return { page: Number(m.page ?? 1), rect: [Number(m.x0), Number(m.y0), Number(m.x1), Number(m.y1)] };
}

/** The copy with every mark applied; null when there is no mark left (the file is then unredacted). */
export async function buildCopy(mediaType: string, original: Uint8Array, marks: Mark[]): Promise<Buffer | null> {
  if (marks.length === 0) return null;
  const areas = marks.map(areaOf).filter((a): a is PdfArea => a !== null);
  const texts = marks.filter((m) => areaOf(m) === null).map((m) => m.searchText);
  if (kindOf(mediaType) === 'docx') return (await redactDocx(original, texts)).bytes;
  // A PDF's text marks become areas again: every place the text occurs in the original.
  const found = kindOf(mediaType) === 'pdf' ? (await Promise.all(texts.map((t) => findTextAreas(original, t)))).flat() : [];
  return redactAreas(mediaType, original, [...areas, ...found]);
}
