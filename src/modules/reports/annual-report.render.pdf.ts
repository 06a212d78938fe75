// The annual report as PDF (pdfkit with the Noto CJK fonts, subset into the file): the same
// sections and tables as the Word version, the tables drawn cell by cell with lines. Rows tied
// together by a merged cell are kept on one page, and a table's header repeats after a page break.
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import { placeCells, type GridTable, type PlacedCell, type ReportDocumentModel } from './annual-report.render.model.ts';

const FONT_FILES = {
  body: ['/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', 'NotoSerifCJKsc-Regular'],
  heading: ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular'],
  title: ['/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc', 'NotoSerifCJKsc-Bold'],
} as const;
/** GB/T 9704 margins (上37 下35 左28 右26 mm) in points. */
const MARGINS = { top: 104.9, bottom: 99.2, left: 79.4, right: 73.7 };
const SIZE_BODY = 16;
const SIZE_TABLE = 9;
const PAD = 3;

type Doc = InstanceType<typeof PDFDocument>;

function registerFonts(doc: Doc): void {
  for (const [name, [file, face]] of Object.entries(FONT_FILES)) {
    if (!fs.existsSync(file)) throw new Error(`缺少中文字体文件 ${file}（请安装 fonts-noto-cjk）`);
    doc.registerFont(name, file, face);
  }
}

const contentWidth = (doc: Doc) => doc.page.width - MARGINS.left - MARGINS.right;
const bottomOf = (doc: Doc) => doc.page.height - MARGINS.bottom;

function cellFont(cell: PlacedCell): string {
  return cell.header ? 'heading' : 'body';
}

function textHeight(doc: Doc, cell: PlacedCell, width: number): number {
  doc.font(cellFont(cell)).fontSize(SIZE_TABLE);
  return doc.heightOfString(cell.text || ' ', { width: width - 2 * PAD }) + 2 * PAD;
}

/** Row heights such that every cell's text fits in the rows it spans. */
function rowHeights(doc: Doc, table: GridTable, placed: PlacedCell[], xs: number[]): number[] {
  const heights = table.rows.map(() => SIZE_TABLE + 2 * PAD + 4);
  const widthOf = (c: PlacedCell) => xs[c.col + c.cols] - xs[c.col];
  for (const c of placed.filter((p) => p.rows === 1)) heights[c.row] = Math.max(heights[c.row], textHeight(doc, c, widthOf(c)));
  for (const c of placed.filter((p) => p.rows > 1)) {
    const have = heights.slice(c.row, c.row + c.rows).reduce((a, b) => a + b, 0);
    const need = textHeight(doc, c, widthOf(c));
    if (need > have) heights[c.row + c.rows - 1] += need - have;
  }
  return heights;
}

/** Row ranges that must stay together because a merged cell spans them. */
function blocks(table: GridTable, placed: PlacedCell[]): [number, number][] {
  const end = table.rows.map((_r, i) => i);
  for (const c of placed) for (let r = c.row; r < c.row + c.rows; r++) end[r] = Math.max(end[r], c.row + c.rows - 1);
  const out: [number, number][] = [];
  let start = 0;
  while (start < table.rows.length) {
    let stop = end[start];
    for (let r = start; r <= stop; r++) stop = Math.max(stop, end[r]);
    out.push([start, stop]);
    start = stop + 1;
  }
  return out;
}

function drawRows(doc: Doc, placed: PlacedCell[], xs: number[], ys: Map<number, number>, heights: number[], from: number, to: number): void {
  for (const c of placed.filter((p) => p.row >= from && p.row <= to)) {
    const x = xs[c.col];
    const w = xs[c.col + c.cols] - x;
    const y = ys.get(c.row)!;
    const h = heights.slice(c.row, c.row + c.rows).reduce((a, b) => a + b, 0);
    doc.lineWidth(0.5).rect(x, y, w, h).stroke();
    const th = textHeight(doc, c, w);
    const align = c.header === 'row' ? 'left' : 'center';
    doc.font(cellFont(c)).fontSize(SIZE_TABLE).text(c.text, x + PAD, y + (h - th) / 2 + PAD, { width: w - 2 * PAD, align, lineBreak: true });
  }
}

/** The measured layout of a table on the current page width. */
function layoutTable(doc: Doc, table: GridTable) {
  const placed = placeCells(table);
  const total = table.columnWidths.reduce((a, b) => a + b, 0);
  const xs = [MARGINS.left];
  for (const w of table.columnWidths) xs.push(xs[xs.length - 1] + (w / total) * contentWidth(doc));
  const heights = rowHeights(doc, table, placed, xs);
  const headerHeight = heights.slice(0, table.headerRows).reduce((a, b) => a + b, 0);
  const bodyBlocks = blocks(table, placed).filter(([f]) => f >= table.headerRows);
  const heightOf = ([from, to]: [number, number]) => heights.slice(from, to + 1).reduce((a, b) => a + b, 0);
  // The caption, the header and the first block go together.
  const leadHeight = 30 + headerHeight + (bodyBlocks[0] ? heightOf(bodyBlocks[0]) : 0);
  return { placed, xs, heights, headerHeight, bodyBlocks, heightOf, leadHeight };
}

function drawTable(doc: Doc, table: GridTable): void {
  const { placed, xs, heights, headerHeight, bodyBlocks, heightOf, leadHeight } = layoutTable(doc, table);
  const newPage = () => doc.addPage({ size: 'A4', layout: table.landscape ? 'landscape' : 'portrait', margins: { ...MARGINS } });
  if (doc.y + leadHeight > bottomOf(doc)) newPage();
  doc.font('heading').fontSize(12).text(table.caption, MARGINS.left, doc.y, { width: contentWidth(doc), align: 'center' });
  doc.moveDown(0.3);
  let y = doc.y;
  // Cells are placed explicitly: keep pdfkit from breaking pages on its own while drawing them.
  const bottomMargin = doc.page.margins.bottom;
  const drawHeader = () => {
    const ys = new Map<number, number>();
    for (let r = 0; r < table.headerRows; r++) { ys.set(r, y); y += heights[r]; }
    doc.page.margins.bottom = 0;
    drawRows(doc, placed, xs, ys, heights, 0, table.headerRows - 1);
  };
  if (table.headerRows > 0) drawHeader();
  for (const block of bodyBlocks) {
    const blockHeight = heightOf(block);
    if (y + blockHeight > bottomOf(doc) && blockHeight + headerHeight <= bottomOf(doc) - MARGINS.top) {
      newPage();
      y = MARGINS.top;
      if (table.headerRows > 0) drawHeader();
    }
    const ys = new Map<number, number>();
    for (let r = block[0]; r <= block[1]; r++) { ys.set(r, y); y += heights[r]; }
    doc.page.margins.bottom = 0;
    drawRows(doc, placed, xs, ys, heights, block[0], block[1]);
  }
  doc.page.margins.bottom = bottomMargin;
  doc.x = MARGINS.left;
  doc.y = y + 6;
  if (table.note) doc.font('body').fontSize(10.5).text(table.note, MARGINS.left, doc.y, { width: contentWidth(doc) });
}

function paragraph(doc: Doc, text: string, font: 'body' | 'heading'): void {
  doc.font(font).fontSize(SIZE_BODY).text(text, MARGINS.left, doc.y, { width: contentWidth(doc), indent: SIZE_BODY * 2, lineGap: 8, align: 'justify' });
}

export async function renderAnnualReportPdf(model: ReportDocumentModel): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: { ...MARGINS }, info: { Title: model.title, Creator: 'gongkai' }, autoFirstPage: true, bufferPages: false });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  registerFonts(doc);
  doc.font('title').fontSize(22).text(model.title, MARGINS.left, doc.y, { width: contentWidth(doc), align: 'center' });
  doc.moveDown(0.8);
  paragraph(doc, model.preamble, 'body');
  let landscape = false;
  for (const section of model.sections) {
    const wantLandscape = section.table?.landscape ?? false;
    if (wantLandscape !== landscape) {
      doc.addPage({ size: 'A4', layout: wantLandscape ? 'landscape' : 'portrait', margins: { ...MARGINS } });
      landscape = wantLandscape;
    } else if (doc.y + SIZE_BODY * 4 + (section.paragraphs.length === 0 && section.table ? layoutTable(doc, section.table).leadHeight : 0) > bottomOf(doc)) {
      // A heading is never left alone at the foot of a page: it keeps its first lines, or the
      // caption, header and first rows of a table that follows it directly.
      doc.addPage({ size: 'A4', layout: landscape ? 'landscape' : 'portrait', margins: { ...MARGINS } });
    }
    doc.moveDown(0.3);
    paragraph(doc, section.heading, 'heading');
    for (const p of section.paragraphs) paragraph(doc, p, 'body');
    if (section.table) {
      doc.moveDown(0.3);
      drawTable(doc, section.table);
    }
  }
  doc.end();
  return done;
}
