// The roll-up as an XLSX workbook for a city bureau: one sheet per table (二, 三, 四), a row per
// agency and table row plus the total, and a sheet of the checks that failed.
import ExcelJS from 'exceljs';
import { TABLE3_COLUMNS, TABLE4_COLUMNS, type AnnualReportFigures, type ReportRow, type RollUpResult } from './reports.contract.ts';

const rowLabel = (r: ReportRow) => (r.group ? `${r.group} ${r.label}` : r.label);

function addTable(ws: ExcelJS.Worksheet, columns: readonly string[], blocks: AnnualReportFigures[], rowsOf: (f: AnnualReportFigures) => { section?: string; row: ReportRow }[]) {
  ws.addRow(['机关', '项目', ...columns]).font = { bold: true };
  for (const f of blocks) for (const { section, row } of rowsOf(f)) ws.addRow([f.agencyName, section ? `${section} ${rowLabel(row)}` : rowLabel(row), ...row.values.map((v) => v ?? '')]);
  ws.columns.forEach((c, i) => (c.width = i === 1 ? 60 : 14));
  ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 2 }];
}

export async function rollUpWorkbook(r: RollUpResult): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const blocks = [...r.agencies, r.total];
  // Table 二's sections have different columns: one column per (section column) label, by position.
  const table2Columns = Math.max(...r.total.table2.map((s) => s.columns.length));
  addTable(wb.addWorksheet('表二 主动公开'), Array.from({ length: table2Columns }, (_, i) => `第${i + 1}列`), blocks, (f) =>
    f.table2.flatMap((s) => s.rows.map((row) => ({ section: `${s.section}（${s.columns.join(' | ')}）`, row }))),
  );
  addTable(wb.addWorksheet('表三 依申请公开'), TABLE3_COLUMNS, blocks, (f) => f.table3.map((row) => ({ row })));
  addTable(wb.addWorksheet('表四 复议诉讼'), TABLE4_COLUMNS, blocks, (f) => f.table4.map((row) => ({ row })));
  const checks = wb.addWorksheet('校验');
  checks.addRow(['机关', '校验', '列', '说明', '涉及申请']).font = { bold: true };
  for (const f of blocks) for (const c of f.checks.filter((x) => !x.ok))
    checks.addRow([f.agencyName, c.name, c.column ?? '', c.detail, c.requests.map((q) => `${q.trackingCode}：${q.problem}`).join('\n')]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
