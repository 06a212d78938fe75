// The withholding filing as XLSX (exceljs) and as a Word table on A4 landscape (docx), titled
// "XX局2026年第三季度不予公开政府信息备案表". The export carries the applicants' full names: it
// goes to the filing authority, not to the public.
import {
  AlignmentType, Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import { mmToTwip, WORD_FONTS } from '../../core/documents/letter.ts';
import { CLASSIFICATION_LEVEL_LABELS, QUARTER_LABELS, type ClassificationLevel } from './filings.schemas.ts';
import { REASON_BASIS, REASON_ROW_LABELS, type OutcomeReason } from './outcomes.ts';

export interface FilingDocument {
  agencyName: string;
  year: number;
  quarter: number;
  filedOn: string | null;
  filedTo: string;
  rows: {
    applicantName: string; repliedOn: string; description: string; docNumber: string; reason: string;
    classificationLevel: ClassificationLevel | ''; confidentialityOpinion: string;
  }[];
}

export const FILING_COLUMNS = ['序号', '申请人', '答复日期', '信息名称或内容描述', '文号', '密级', '不予公开理由及依据', '保密审查意见'] as const;
const WIDTHS_MM = [12, 26, 24, 70, 34, 18, 60, 30];

export function filingTitle(d: Pick<FilingDocument, 'agencyName' | 'year' | 'quarter'>): string {
  return `${d.agencyName}${d.year}年${QUARTER_LABELS[d.quarter]}不予公开政府信息备案表`;
}

/** "属于国家秘密（《中华人民共和国政府信息公开条例》第十四条）": the table 三 label without its number. */
export function reasonText(reason: string): string {
  const label = REASON_ROW_LABELS[reason as OutcomeReason];
  if (!label) return reason;
  const basis = REASON_BASIS[reason as OutcomeReason];
  return `${label.replace(/^\d+\./, '')}${basis ? `（${basis}）` : ''}`;
}

function cells(d: FilingDocument): string[][] {
  return d.rows.map((r, i) => [
    String(i + 1), r.applicantName, r.repliedOn, r.description, r.docNumber, r.classificationLevel ? CLASSIFICATION_LEVEL_LABELS[r.classificationLevel] : '',
    reasonText(r.reason), r.confidentialityOpinion,
  ]);
}

const footer = (d: FilingDocument) => `填报单位：${d.agencyName}${d.filedOn ? `    报送日期：${d.filedOn}    报送机关：${d.filedTo}` : ''}`;

export async function filingXlsx(d: FilingDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('不予公开备案表', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.mergeCells(1, 1, 1, FILING_COLUMNS.length);
  sheet.getCell(1, 1).value = filingTitle(d);
  sheet.getCell(1, 1).font = { bold: true, size: 16 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.addRow([...FILING_COLUMNS]).font = { bold: true };
  for (const row of cells(d)) sheet.addRow(row);
  sheet.addRow([footer(d)]);
  sheet.columns.forEach((c, i) => {
    c.width = Math.round(WIDTHS_MM[i] / 2.2);
    c.alignment = { wrapText: true, vertical: 'top' };
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function run(text: string, opts: { bold?: boolean; size?: number; title?: boolean } = {}): TextRun {
  return new TextRun({
    text, bold: opts.bold, size: (opts.size ?? 12) * 2,
    font: { ascii: WORD_FONTS.latin, hAnsi: WORD_FONTS.latin, eastAsia: opts.title ? WORD_FONTS.title : WORD_FONTS.body, cs: WORD_FONTS.latin },
    language: { value: 'zh-CN', eastAsia: 'zh-CN' },
  });
}

const cell = (text: string, i: number, header = false) =>
  new TableCell({
    width: { size: mmToTwip(WIDTHS_MM[i]), type: WidthType.DXA },
    children: [new Paragraph({ alignment: header || i <= 2 || i === 5 ? AlignmentType.CENTER : AlignmentType.LEFT, children: [run(text, { bold: header, size: 10.5 })] })],
  });

export async function filingDocx(d: FilingDocument): Promise<Buffer> {
  const header = new TableRow({ tableHeader: true, children: FILING_COLUMNS.map((c, i) => cell(c, i, true)) });
  const body = cells(d).map((r) => new TableRow({ cantSplit: true, children: r.map((t, i) => cell(t, i)) }));
  const table = new Table({ width: { size: mmToTwip(WIDTHS_MM.reduce((a, b) => a + b, 0)), type: WidthType.DXA }, rows: [header, ...body] });
  const doc = new Document({
    creator: d.agencyName,
    title: filingTitle(d),
    sections: [{
      properties: {
        page: {
          // A4 landscape: docx swaps width and height itself when the orientation is landscape.
          size: { width: mmToTwip(210), height: mmToTwip(297), orientation: PageOrientation.LANDSCAPE },
          margin: { top: mmToTwip(20), bottom: mmToTwip(20), left: mmToTwip(15), right: mmToTwip(15) },
        },
      },
      children: [
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run(filingTitle(d), { size: 22, title: true })] }),
        table,
        new Paragraph({ spacing: { before: 240 }, children: [run(footer(d))] }),
      ],
    }],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
