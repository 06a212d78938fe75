// Reading and validating a request ledger (申请登记台账) for import: CSV or XLSX with the columns
// trackingCode, applicantType, receivedOn, closedOn, outcome, reason (GLOSSARY identifiers).
// Every row is checked; one bad row rejects the file, with every problem listed by line number,
// because a half-imported ledger would make the annual report's carry-over wrong (第五十条).
import ExcelJS from 'exceljs';
import { isLegalDate } from '../../core/time/dates.ts';
import { APPLICANT_TYPES, OUTCOME_LABELS, OUTCOME_REASONS, isOutcome, reasonFits, type ApplicantType, type Outcome, type OutcomeReason } from '../requests/index.ts';

export const LEDGER_COLUMNS = ['trackingCode', 'applicantType', 'receivedOn', 'closedOn', 'outcome', 'reason'] as const;
export type LedgerColumn = (typeof LEDGER_COLUMNS)[number];

/** One line of the file: its line number (the header is line 1) and its cells by column name. */
export interface LedgerLine { line: number; cells: Partial<Record<LedgerColumn, string>> }

export interface LedgerRow {
  line: number;
  trackingCode: string;
  applicantType: ApplicantType;
  receivedOn: string;
  closedOn: string | null;
  outcome: Outcome | null;
  reason: OutcomeReason | null;
}

export interface LedgerError { line: number; message: string }

export const MAX_TRACKING_CODE_LENGTH = 40;

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks; a BOM is ignored. */
export function parseCsv(text: string): { line: number; fields: string[] }[] {
  const src = text.replace(/^\uFEFF/, '');
  const out: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else { if (c === '\n') line++; field += c; }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') { fields.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      fields.push(field);
      out.push({ line: startLine, fields });
      fields = []; field = ''; line++; startLine = line;
    } else field += c;
  }
  if (field !== '' || fields.length) { fields.push(field); out.push({ line: startLine, fields }); }
  return out;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  // Date cells: exceljs gives the date at UTC midnight.
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

/** The first worksheet's rows as text fields (row numbers as in Excel). */
export async function parseXlsx(bytes: Buffer): Promise<{ line: number; fields: string[] }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  if (!sheet) return [];
  const out: { line: number; fields: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const fields: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) fields.push(cellText(row.getCell(c).value));
    out.push({ line: rowNumber, fields });
  });
  return out;
}

/** Header → named cells; blank lines are skipped (their numbers still count). */
export function toLedgerLines(rows: { line: number; fields: string[] }[]): { lines: LedgerLine[]; errors: LedgerError[] } {
  const nonBlank = rows.filter((r) => r.fields.some((f) => f.trim() !== ''));
  if (nonBlank.length === 0) return { lines: [], errors: [{ line: 1, message: '文件为空' }] };
  const [header, ...data] = nonBlank;
  const names = header.fields.map((f) => f.trim());
  const missing = LEDGER_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length) return { lines: [], errors: [{ line: header.line, message: `表头缺少列：${missing.join('、')}（应为 ${LEDGER_COLUMNS.join(',')}）` }] };
  if (data.length === 0) return { lines: [], errors: [{ line: header.line, message: '文件中没有申请记录' }] };
  const lines = data.map((r) => {
    const cells: Partial<Record<LedgerColumn, string>> = {};
    for (const col of LEDGER_COLUMNS) cells[col] = (r.fields[names.indexOf(col)] ?? '').trim();
    return { line: r.line, cells };
  });
  return { lines, errors: [] };
}

/**
 * Every rule a ledger row must meet; `existing` holds the tracking codes already in the
 * database, `todayOn` bounds the dates (a ledger records the past).
 */
export function validateLedger(lines: LedgerLine[], existing: ReadonlySet<string>, todayOn: string): { rows: LedgerRow[]; errors: LedgerError[] } {
  const errors: LedgerError[] = [];
  const rows: LedgerRow[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { line, cells } of lines) {
    const problems: string[] = [];
    const code = cells.trackingCode ?? '';
    const applicantType = cells.applicantType ?? '';
    const receivedOn = cells.receivedOn ?? '';
    const closedOn = cells.closedOn || null;
    const outcome = cells.outcome || null;
    const reason = cells.reason || null;
    if (!code) problems.push('查询码（trackingCode）为空');
    else if (code.length > MAX_TRACKING_CODE_LENGTH) problems.push(`查询码超过 ${MAX_TRACKING_CODE_LENGTH} 个字符`);
    else if (firstLineOf.has(code)) problems.push(`查询码 ${code} 与第 ${firstLineOf.get(code)} 行重复`);
    else if (existing.has(code)) problems.push(`查询码 ${code} 已存在于系统中`);
    if (code && !firstLineOf.has(code)) firstLineOf.set(code, line);
    if (!(APPLICANT_TYPES as readonly string[]).includes(applicantType))
      problems.push(`申请人类型“${applicantType}”无效（应为 ${APPLICANT_TYPES.join('、')} 之一）`);
    const receivedOk = isLegalDate(receivedOn);
    if (!receivedOk) problems.push(`收到日期“${receivedOn}”不是有效日期（格式 YYYY-MM-DD）`);
    else if (receivedOn > todayOn) problems.push(`收到日期 ${receivedOn} 晚于今天`);
    const closedOk = closedOn === null || isLegalDate(closedOn);
    if (!closedOk) problems.push(`办结日期“${closedOn}”不是有效日期（格式 YYYY-MM-DD）`);
    else if (closedOn && receivedOk && closedOn < receivedOn) problems.push(`办结日期 ${closedOn} 早于收到日期 ${receivedOn}`);
    else if (closedOn && closedOn > todayOn) problems.push(`办结日期 ${closedOn} 晚于今天`);
    if (outcome !== null && !isOutcome(outcome)) problems.push(`办理结果“${outcome}”无效（应为 ${Object.keys(OUTCOME_REASONS).join('、')} 之一）`);
    if (closedOn && outcome === null) problems.push('已填办结日期但未填办理结果');
    if (!closedOn && outcome !== null) problems.push('已填办理结果但未填办结日期');
    if (outcome === null && reason !== null) problems.push('未填办理结果却填了理由');
    if (outcome !== null && isOutcome(outcome) && !reasonFits(outcome, reason)) {
      const allowed: readonly string[] = OUTCOME_REASONS[outcome];
      problems.push(
        allowed.length === 0
          ? `办理结果“${OUTCOME_LABELS[outcome]}”不应填写理由`
          : reason === null
            ? `办理结果“${OUTCOME_LABELS[outcome]}”须填写理由（${allowed.join('、')} 之一）`
            : `理由“${reason}”不属于办理结果“${OUTCOME_LABELS[outcome]}”（应为 ${allowed.join('、')} 之一）`,
      );
    }
    if (problems.length) for (const message of problems) errors.push({ line, message });
    else rows.push({ line, trackingCode: code, applicantType: applicantType as ApplicantType, receivedOn, closedOn, outcome: outcome as Outcome | null, reason: reason as OutcomeReason | null });
  }
  return { rows, errors };
}
