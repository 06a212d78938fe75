// The filtered audit events as CSV and XLSX for the auditor to keep outside the system. Cells a
// spreadsheet would evaluate as formulas are prefixed with an apostrophe.
import ExcelJS from 'exceljs';
import type { AuditEventTable } from '../../core/db/schema.ts';
import { shanghaiDateTime } from './format.ts';

export const AUDIT_EXPORT_HEADERS = ['序号', '时间（北京时间）', '时间（UTC）', '操作人', '操作人编号', 'IP 地址', '操作', '对象类型', '对象编号', '变更摘要', '前序哈希', '哈希'];

function row(e: AuditEventTable): string[] {
  return [String(e.seq), shanghaiDateTime(e.at), e.at, e.actorName, e.actorId ?? '', e.ip, e.action, e.subjectType, e.subjectId, e.summary, e.prevHash, e.hash];
}

const inert = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

export function auditCsv(events: AuditEventTable[]): string {
  const cell = (v: string) => {
    const s = inert(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [AUDIT_EXPORT_HEADERS, ...events.map(row)].map((cells) => cells.map(cell).join(','));
  // The BOM makes Excel open the UTF-8 file with the right encoding.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function auditXlsx(events: AuditEventTable[], title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('审计日志');
  sheet.addRow([title]).font = { bold: true };
  sheet.addRow(AUDIT_EXPORT_HEADERS).font = { bold: true };
  for (const e of events) sheet.addRow(row(e).map(inert));
  sheet.columns.forEach((c, i) => {
    c.width = i === 9 ? 60 : i >= 10 ? 30 : 16;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
