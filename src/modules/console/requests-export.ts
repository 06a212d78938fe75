// Export of the filtered register to CSV and XLSX (UX.md: tables export to XLSX). Personal data
// stays masked as in the list (RequestSummary carries only the masked name); cells that a
// spreadsheet would run as a formula are prefixed with an apostrophe.
import ExcelJS from 'exceljs';
import { APPLICANT_TYPE_LABELS, CHANNEL_LABELS, REQUEST_STATUS_LABELS, type RequestSummary } from '../requests/index.ts';
import { DUE_STATE_LABELS } from './home.pages.tsx';

export const EXPORT_HEADERS = ['查询码', '申请人', '申请人类型', '所需信息', '渠道', '状态', '收到日期', '承办单位', '答复期限', '期限状态', '办结日期'];

function row(r: RequestSummary): string[] {
  return [
    r.trackingCode, r.applicantNameMasked, APPLICANT_TYPE_LABELS[r.applicantType], r.infoDescription, CHANNEL_LABELS[r.channel],
    REQUEST_STATUS_LABELS[r.status], r.receivedOn, r.handlingDepartmentNames.join('、'), r.replyDueOn ?? '',
    r.closedOn ? '已办结' : r.dueState ? DUE_STATE_LABELS[r.dueState] : '', r.closedOn ?? '',
  ];
}

/** A value a spreadsheet would not evaluate (CSV/formula injection). */
function inert(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

export function registerCsv(items: RequestSummary[]): string {
  const cell = (v: string) => {
    const s = inert(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [EXPORT_HEADERS, ...items.map(row)].map((cells) => cells.map(cell).join(','));
  // The BOM makes Excel open the UTF-8 file with the right encoding.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function registerXlsx(items: RequestSummary[], title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('申请登记簿');
  sheet.addRow([title]);
  sheet.addRow(EXPORT_HEADERS).font = { bold: true };
  for (const r of items) sheet.addRow(row(r).map(inert));
  sheet.columns.forEach((c, i) => {
    c.width = i === 3 ? 50 : 16;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
