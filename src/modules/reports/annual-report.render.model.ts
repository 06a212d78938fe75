// The annual report as one document model (第五十条 sections 一…六 in order, tables 二, 三, 四 in the
// official layouts of 国办公开办函〔2019〕60号 / 〔2021〕30号), built once from the figures and the
// narrative and then drawn by the HTML, DOCX and PDF renderers, so that the three agree cell for cell.
import type { AnnualReportFigures, ReportRow } from './reports.contract.ts';
import { TABLE2_LAYOUT, TABLE3_COLUMNS, TABLE3_ORGANISATION_HEADING, TABLE3_TOP_LABELS, TABLE4_COLUMNS, TABLE4_HEADINGS, TABLE4_ROW_LABELS } from './reports.contract.ts';
import type { ReportNarrative } from './annual-report.narrative.ts';

export interface GridCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
  /** Header cells: 'col'/'colgroup' head columns, 'row'/'rowgroup' head rows. */
  header?: 'col' | 'colgroup' | 'row' | 'rowgroup';
  /** A hand-entered figure (手工填报). */
  manual?: boolean;
  numeric?: boolean;
}

export interface GridTable {
  caption: string;
  /** Relative widths of the grid's columns. */
  columnWidths: number[];
  /** The leading rows that form the column header (<thead>). */
  headerRows: number;
  /** HTML semantics: a row lists only the cells that start in it (spans cover the rest). */
  rows: GridCell[][];
  landscape?: boolean;
  note?: string;
}

export interface ReportSection {
  heading: string;
  paragraphs: string[];
  table?: GridTable;
}

export interface ReportDocumentModel {
  title: string;
  preamble: string;
  sections: ReportSection[];
}

export const SECTION_HEADINGS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
] as const;

export function reportTitle(agencyName: string, year: number): string {
  return `${agencyName}${year}年政府信息公开工作年度报告`;
}

export function formatValue(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(4)));
}

const valueCells = (row: ReportRow, from = 0, to?: number): GridCell[] =>
  row.values.slice(from, to).map((v, i) => ({ text: formatValue(v), numeric: true, manual: row.manual?.[from + i] ?? false }));

/** Table 二: one grid, each 第二十条 item a heading row, its column header row and its rows. */
export function table2Grid(figures: AnnualReportFigures): GridTable {
  const layout = TABLE2_LAYOUT[figures.format];
  const width = Math.max(...layout.map((s) => s.columns.length));
  const rows: GridCell[][] = [];
  let anyManual = false;
  for (const section of figures.table2) {
    rows.push([{ text: section.section, colSpan: width + 1, header: 'colgroup' }]);
    const heads: GridCell[] = section.columns.map((label, i) => ({
      text: label, header: 'col', colSpan: i === section.columns.length - 1 ? width - section.columns.length + 1 : undefined,
    }));
    rows.push([{ text: '信息内容', header: 'col' }, ...heads]);
    for (const row of section.rows) {
      const cells = valueCells(row);
      const last = cells[cells.length - 1];
      if (last && cells.length < width) last.colSpan = width - cells.length + 1;
      if (cells.some((c) => c.manual && c.text !== '')) anyManual = true;
      rows.push([{ text: row.label, header: 'row' }, ...cells]);
    }
  }
  return {
    caption: '主动公开政府信息情况',
    columnWidths: [3, ...Array.from({ length: width }, () => 2)],
    headerRows: 0,
    rows,
    note: anyManual ? '注：本表中本平台不能统计的数据（行政许可、行政处罚、行政强制、行政事业性收费等）为手工填报。' : undefined,
  };
}

/**
 * Table 三: a three-column row header (三、本年度办理结果 spans （一）…（七）; （三）…（六） span their
 * sub-rows) and a two-level column header (法人或其他组织 over its five columns).
 */
export function table3Grid(figures: AnnualReportFigures): GridTable {
  const head: GridCell[][] = [
    [{ text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', colSpan: 3, rowSpan: 3, header: 'col' }, { text: '申请人情况', colSpan: 7, header: 'colgroup' }],
    [{ text: TABLE3_COLUMNS[0], rowSpan: 2, header: 'col' }, { text: TABLE3_ORGANISATION_HEADING, colSpan: 5, header: 'colgroup' }, { text: TABLE3_COLUMNS[6], rowSpan: 2, header: 'col' }],
    TABLE3_COLUMNS.slice(1, 6).map((text) => ({ text, header: 'col' as const })),
  ];
  const body: GridCell[][] = [];
  const rows = figures.table3;
  const resultRows = rows.filter((r) => r.label !== TABLE3_TOP_LABELS.received && r.label !== TABLE3_TOP_LABELS.carriedIn && r.label !== TABLE3_TOP_LABELS.carriedOut);
  const seenGroups = new Set<string>();
  for (const row of rows) {
    const cells = valueCells(row);
    if (!resultRows.includes(row)) {
      body.push([{ text: row.label, colSpan: 3, header: 'row' }, ...cells]);
      continue;
    }
    const lead: GridCell[] = [];
    if (row === resultRows[0]) lead.push({ text: TABLE3_TOP_LABELS.results, rowSpan: resultRows.length, header: 'rowgroup' });
    if (row.group) {
      if (!seenGroups.has(row.group)) {
        seenGroups.add(row.group);
        lead.push({ text: row.group, rowSpan: rows.filter((r) => r.group === row.group).length, header: 'rowgroup' });
      }
      lead.push({ text: row.label, header: 'row' });
    } else {
      lead.push({ text: row.label, colSpan: 2, header: 'row' });
    }
    body.push([...lead, ...cells]);
  }
  return { caption: '收到和处理政府信息公开申请情况', columnWidths: [1.2, 1.6, 4.4, 1, 1, 1, 1, 1, 1, 1], headerRows: 3, rows: [...head, ...body] };
}

/** Table 四: 行政复议 and the two kinds of 行政诉讼, each with the five result columns (15 numbers). */
export function table4Grid(figures: AnnualReportFigures): GridTable {
  const columns = TABLE4_COLUMNS.length;
  const head: GridCell[][] = [
    [{ text: TABLE4_HEADINGS.reconsideration, colSpan: columns, rowSpan: 2, header: 'colgroup' }, { text: TABLE4_HEADINGS.litigation, colSpan: columns * 2, header: 'colgroup' }],
    [{ text: TABLE4_ROW_LABELS.direct, colSpan: columns, header: 'colgroup' }, { text: TABLE4_ROW_LABELS.afterReconsideration, colSpan: columns, header: 'colgroup' }],
    [0, 1, 2].flatMap(() => TABLE4_COLUMNS.map((text) => ({ text, header: 'col' as const }))),
  ];
  const numbers = figures.table4.flatMap((row) => valueCells(row));
  return { caption: '政府信息公开行政复议、行政诉讼情况', columnWidths: Array.from({ length: columns * 3 }, () => 1), headerRows: 3, rows: [...head, numbers], landscape: true };
}

const paragraphsOf = (text: string): string[] => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

export function buildReportModel(figures: AnnualReportFigures, narrative: ReportNarrative): ReportDocumentModel {
  const y = figures.year;
  return {
    title: reportTitle(figures.agencyName, y),
    preamble:
      `本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）第五十条规定编制。全文包括总体情况、主动公开政府信息情况、` +
      `收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。` +
      `本报告中所列数据的统计期限自${y}年1月1日起至${y}年12月31日止。`,
    sections: [
      { heading: SECTION_HEADINGS[0], paragraphs: paragraphsOf(narrative.overview) },
      { heading: SECTION_HEADINGS[1], paragraphs: [], table: table2Grid(figures) },
      { heading: SECTION_HEADINGS[2], paragraphs: [], table: table3Grid(figures) },
      { heading: SECTION_HEADINGS[3], paragraphs: [], table: table4Grid(figures) },
      { heading: SECTION_HEADINGS[4], paragraphs: paragraphsOf(narrative.problems) },
      { heading: SECTION_HEADINGS[5], paragraphs: paragraphsOf(narrative.other) },
    ],
  };
}

export interface PlacedCell extends GridCell {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Places the cells of an HTML-style grid on a full grid (for drawing with lines: PDF). */
export function placeCells(table: GridTable): PlacedCell[] {
  const taken = new Set<string>();
  const placed: PlacedCell[] = [];
  table.rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (taken.has(`${r}:${c}`)) c++;
      const rows = cell.rowSpan ?? 1;
      const cols = cell.colSpan ?? 1;
      for (let dr = 0; dr < rows; dr++) for (let dc = 0; dc < cols; dc++) taken.add(`${r + dr}:${c + dc}`);
      placed.push({ ...cell, row: r, col: c, rows, cols });
      c += cols;
    }
  });
  return placed;
}
