// The assessment as an XLSX workbook (exceljs): one sheet with a row per department and the
// scoring rule beneath, so that the sheet explains its own scores.
import ExcelJS from 'exceljs';
import type { Assessment } from './assessment.service.ts';

export const ASSESSMENT_COLUMNS = [
  '部门', '发布信息数', '逾期发布', '审定答复数', '逾期答复', '提醒数', '未处理提醒', '送审次数', '退回次数', '退回率',
  '答复送审次数', '答复退回次数', '答复退回率', '扣分', '得分',
] as const;

const percent = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);

export async function assessmentWorkbook(a: Assessment): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'gongkai';
  const ws = wb.addWorksheet('考核');
  ws.addRow([`${a.scope.agency.name} 政务公开考核 ${a.period.label}（${a.period.fromOn} 至 ${a.period.toOn}）`]).font = { bold: true };
  ws.addRow([...ASSESSMENT_COLUMNS]).font = { bold: true };
  for (const d of a.departments) {
    ws.addRow([
      d.departmentName, d.itemsPublished, d.itemsLate, d.repliesApproved, d.repliesLate, d.remindersSent, d.remindersIgnored,
      d.reviewSubmissions, d.reviewSendBacks, percent(d.sentBackRate), d.replySubmissions, d.replyReturns, percent(d.returnRate),
      d.deductions, d.score,
    ]);
  }
  ws.addRow([]);
  const r = a.rule;
  ws.addRow([`评分规则${r.isDefault ? '（默认）' : ''}：基础分 ${r.baseScore}；每件逾期发布扣 ${r.perLateItem} 分；每件逾期答复扣 ${r.perLateReply} 分；每条未处理提醒扣 ${r.perIgnoredReminder} 分；送审退回率每满 10% 扣 ${r.perTenPercentSentBack} 分；答复退回率每满 10% 扣 ${r.perTenPercentReturned} 分`]);
  ws.getColumn(1).width = 18;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
