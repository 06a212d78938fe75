// PDF redaction with MuPDF (WASM): the text, image pixels and line art under each area are
// REMOVED from the content streams (not covered by a box), the document information dictionary
// and the XMP metadata are dropped, and the file is rewritten with garbage collection so no
// unreferenced copy of the old content survives (条例 第三十七条 区分处理).
// Coordinates are MuPDF page space: points from the page's top-left corner, y downwards, which
// is also the pixel space of a page image rendered at 72 dpi.
import type * as Mupdf from 'mupdf';

export type Rect = [number, number, number, number];
export interface PdfArea {
  /** 1-based page number. */
  page: number;
  rect: Rect;
}
export interface PageSize {
  page: number;
  width: number;
  height: number;
}

let loaded: Promise<typeof Mupdf> | undefined;
/** mupdf is ESM-only and loads a 10 MB WASM module: import it once, when first needed. */
export function loadMupdf(): Promise<typeof Mupdf> {
  loaded ??= import('mupdf');
  return loaded;
}

async function openPdf(bytes: Uint8Array): Promise<Mupdf.PDFDocument> {
  const mupdf = await loadMupdf();
  const doc = mupdf.Document.openDocument(bytes, 'application/pdf').asPDF();
  if (!doc) throw new Error('not a PDF');
  return doc;
}

const rectOfQuad = (q: Mupdf.Quad): Rect => [Math.min(q[0], q[4]), Math.min(q[1], q[3]), Math.max(q[2], q[6]), Math.max(q[5], q[7])];

export async function pdfPageSizes(bytes: Uint8Array): Promise<PageSize[]> {
  const doc = await openPdf(bytes);
  try {
    const out: PageSize[] = [];
    for (let i = 0; i < doc.countPages(); i++) {
      const [x0, y0, x1, y1] = doc.loadPage(i).getBounds();
      out.push({ page: i + 1, width: x1 - x0, height: y1 - y0 });
    }
    return out;
  } finally {
    doc.destroy();
  }
}

/** Where a string occurs on the pages (one area per line of each hit), for accepting a finding. */
export async function findTextAreas(bytes: Uint8Array, text: string): Promise<PdfArea[]> {
  const needle = text.trim();
  if (!needle) return [];
  const doc = await openPdf(bytes);
  try {
    const out: PdfArea[] = [];
    for (let i = 0; i < doc.countPages(); i++) {
      for (const hit of doc.loadPage(i).search(needle, {})) for (const quad of hit) out.push({ page: i + 1, rect: rectOfQuad(quad) });
    }
    return out;
  } finally {
    doc.destroy();
  }
}

/** The text inside an area (characters whose centre lies inside it), for the masked log preview. */
export async function textInArea(bytes: Uint8Array, area: PdfArea): Promise<string> {
  const doc = await openPdf(bytes);
  try {
    if (area.page < 1 || area.page > doc.countPages()) return '';
    const [x0, y0, x1, y1] = area.rect;
    let text = '';
    doc.loadPage(area.page - 1).toStructuredText('preserve-whitespace').walk({
      onChar(c, _origin, _font, _size, q) {
        const cx = (q[0] + q[6]) / 2;
        const cy = (q[1] + q[7]) / 2;
        if (cx >= x0 && cx <= x1 && cy >= y0 && cy <= y1) text += c;
      },
    });
    return text.trim();
  } finally {
    doc.destroy();
  }
}

/** Drops the Info dictionary (title, author, subject, keywords…) and the XMP metadata stream. */
function clearMetadata(doc: Mupdf.PDFDocument): void {
  doc.getTrailer().delete('Info');
  const root = doc.getTrailer().get('Root');
  root.delete('Metadata');
  root.delete('PieceInfo');
  for (let i = 0; i < doc.countPages(); i++) {
    const pageObj = doc.loadPage(i).getObject();
    pageObj.delete('Metadata');
    pageObj.delete('PieceInfo');
  }
}

/** The published copy: every area's content removed, metadata cleared, file rewritten. */
export async function redactPdf(bytes: Uint8Array, areas: PdfArea[]): Promise<Buffer> {
  const mupdf = await loadMupdf();
  const doc = await openPdf(bytes);
  try {
    const pages = doc.countPages();
    const byPage = new Map<number, Rect[]>();
    for (const a of areas) {
      if (a.page < 1 || a.page > pages) throw new RangeError(`page ${a.page} outside 1..${pages}`);
      byPage.set(a.page, [...(byPage.get(a.page) ?? []), a.rect]);
    }
    for (const [n, rects] of byPage) {
      const page = doc.loadPage(n - 1);
      for (const rect of rects) page.createAnnotation('Redact').setRect(rect);
      // Image pixels under the area are blanked (the rest of the image stays); text is removed.
      page.applyRedactions(true, mupdf.PDFPage.REDACT_IMAGE_PIXELS, mupdf.PDFPage.REDACT_LINE_ART_REMOVE_IF_COVERED, mupdf.PDFPage.REDACT_TEXT_REMOVE);
    }
    clearMetadata(doc);
    return Buffer.from(doc.saveToBuffer('garbage=deduplicate,compress').asUint8Array());
  } finally {
    doc.destroy();
  }
}

/**
 * A page as PNG. `marks` are drawn as (unapplied) redaction annotations so the reviewer sees the
 * marked areas on the original; nothing is saved.
 */
export async function renderPdfPage(bytes: Uint8Array, pageNumber: number, opts: { scale?: number; marks?: Rect[] } = {}): Promise<Buffer | undefined> {
  const mupdf = await loadMupdf();
  const doc = await openPdf(bytes);
  try {
    if (pageNumber < 1 || pageNumber > doc.countPages()) return undefined;
    const page = doc.loadPage(pageNumber - 1);
    for (const rect of opts.marks ?? []) {
      const annot = page.createAnnotation('Square');
      annot.setRect(rect);
      annot.setColor([0.85, 0, 0]);
      annot.setInteriorColor([1, 0.85, 0.85]);
      annot.setOpacity(0.5);
      annot.update();
    }
    const scale = opts.scale ?? 1.5;
    const pix = page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false, true);
    return Buffer.from(pix.asPNG());
  } finally {
    doc.destroy();
  }
}

/** Each page's text (MuPDF's reading order), for detecting personal data to accept as areas. */
export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  const doc = await openPdf(bytes);
  try {
    const out: string[] = [];
    for (let i = 0; i < doc.countPages(); i++) out.push(doc.loadPage(i).toStructuredText('preserve-whitespace').asText());
    return out;
  } finally {
    doc.destroy();
  }
}
