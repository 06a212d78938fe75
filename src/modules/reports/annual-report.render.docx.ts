// The annual report as a Word document (docx 9): A4 with the GB/T 9704 margins, title in 小标宋,
// headings 一、…六、 in 黑体, body in 仿宋 三号; tables with merged header cells exactly as the
// official formats; table 四 (15 columns) on a landscape page.
import {
  AlignmentType, Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType,
  type ISectionOptions,
} from 'docx';
import { placeCells, type GridCell, type GridTable, type ReportDocumentModel, type ReportSection } from './annual-report.render.model.ts';

const FONT_BODY = '仿宋_GB2312';
const FONT_HEADING = '黑体';
const FONT_TITLE = '方正小标宋简体';
/** Half-points: 二号 22pt, 三号 16pt, 小五 9pt. */
const SIZE_TITLE = 44;
const SIZE_BODY = 32;
const SIZE_TABLE = 18;
/** A4 and GB/T 9704 margins (上37 下35 左28 右26 mm) in twips. */
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: 2098, bottom: 1984, left: 1587, right: 1474 };

function run(text: string, font: string, size: number, bold = false): TextRun {
  return new TextRun({ text, font: { ascii: font, eastAsia: font, hAnsi: font }, size, bold, language: { eastAsia: 'zh-CN' } });
}

function bodyParagraph(text: string): Paragraph {
  return new Paragraph({ children: [run(text, FONT_BODY, SIZE_BODY)], indent: { firstLine: 640 }, spacing: { line: 560, lineRule: 'exact' } });
}

function headingParagraph(text: string): Paragraph {
  return new Paragraph({ children: [run(text, FONT_HEADING, SIZE_BODY)], indent: { firstLine: 640 }, spacing: { line: 560, lineRule: 'exact' }, keepNext: true });
}

function cellOf(cell: GridCell, width: number): TableCell {
  const align = cell.numeric ? AlignmentType.CENTER : cell.header === 'row' ? AlignmentType.LEFT : AlignmentType.CENTER;
  return new TableCell({
    children: [new Paragraph({ alignment: align, children: [run(cell.text, cell.header ? FONT_HEADING : FONT_BODY, SIZE_TABLE)] })],
    columnSpan: cell.colSpan,
    rowSpan: cell.rowSpan,
    verticalAlign: VerticalAlign.CENTER,
    width: { size: width, type: WidthType.DXA },
    margins: { left: 40, right: 40, top: 20, bottom: 20 },
  });
}

function tableOf(table: GridTable, textWidth: number): (Table | Paragraph)[] {
  const total = table.columnWidths.reduce((a, b) => a + b, 0);
  const widths = table.columnWidths.map((w) => Math.floor((w / total) * textWidth));
  const placed = placeCells(table);
  const rows = table.rows.map((_cells, r) => new TableRow({
    tableHeader: r < table.headerRows,
    cantSplit: true,
    // A cell's width is the sum of the grid columns it covers.
    children: placed.filter((p) => p.row === r).map((p) => cellOf(p, widths.slice(p.col, p.col + p.cols).reduce((a, b) => a + b, 0))),
  }));
  const out: (Table | Paragraph)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(table.caption, FONT_HEADING, 24)], keepNext: true }),
    new Table({ rows, columnWidths: widths, width: { size: textWidth, type: WidthType.DXA } }),
  ];
  if (table.note) out.push(new Paragraph({ children: [run(table.note, FONT_BODY, 21)] }));
  return out;
}

function sectionChildren(section: ReportSection, textWidth: number): (Table | Paragraph)[] {
  return [headingParagraph(section.heading), ...section.paragraphs.map(bodyParagraph), ...(section.table ? tableOf(section.table, textWidth) : [])];
}

/** Consecutive report sections grouped by page orientation (a landscape table starts its own Word section). */
export async function renderAnnualReportDocx(model: ReportDocumentModel): Promise<Buffer> {
  const portraitWidth = PAGE.width - MARGIN.left - MARGIN.right;
  const landscapeWidth = PAGE.height - MARGIN.left - MARGIN.right;
  const groups: { landscape: boolean; children: (Table | Paragraph)[] }[] = [];
  const title = new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400 }, children: [run(model.title, FONT_TITLE, SIZE_TITLE)] });
  groups.push({ landscape: false, children: [title, bodyParagraph(model.preamble)] });
  for (const section of model.sections) {
    const landscape = section.table?.landscape ?? false;
    const children = sectionChildren(section, landscape ? landscapeWidth : portraitWidth);
    const last = groups[groups.length - 1];
    if (last.landscape === landscape) last.children.push(...children);
    else groups.push({ landscape, children });
  }
  const sections: ISectionOptions[] = groups.map((g) => ({
    properties: {
      page: {
        size: { width: PAGE.width, height: PAGE.height, orientation: g.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: MARGIN,
      },
    },
    children: g.children,
  }));
  const doc = new Document({
    title: model.title,
    creator: 'gongkai',
    styles: { default: { document: { run: { font: FONT_BODY, size: SIZE_BODY } } } },
    sections,
  });
  return Packer.toBuffer(doc);
}
