// Detection of personal data in Chinese text (REGULATION.md "Personal data patterns"; 条例 第十五条:
// personal privacy is not disclosed, so it is found and de-identified before publication).
// Pure functions over one string; every pattern is precompiled and each detector is one linear
// scan. Positions are UTF-16 offsets (JavaScript string indices), `end` exclusive.
//
// Decisions documented here because callers depend on them:
// - Numbers that fail their checksum are not personal data: an 18-digit number that is not a
//   valid resident ID (GB 11643 check and a real birth date) is not reported as idCard.
// - Bank cards (16–19 digits) passing Luhn are reported; failing Luhn they are reported with
//   LOW confidence only when a bank label (账号, 卡号, 银行…) precedes them or a table column is
//   headed so; otherwise long numbers are ignored.
// - A unified social credit code identifies an organisation, which has no privacy: it is
//   reported as creditCode with LOW confidence, except 个体工商户 codes (prefix 92, a natural
//   person's business) which get medium confidence. A credit code inside an index number
//   (`{creditCode}/2025-00001`) is not reported at all.
// - Agency service lines (咨询/监督/举报/投诉/办公/值班/传真/服务/热线/受理 电话) are public
//   contact data (第二十条), not personal data; other landlines are reported.
// - Already de-identified values (王某, 张某某, 3204**********6333) are not reported.
import { isValidCreditCode, isValidIdCard } from './identifiers.ts';
import { findLabelledNamesAndAddresses, findTableColumns } from './pii-labels.ts';

export const PII_TYPES = [
  'idCard', 'mobile', 'landline', 'creditCode', 'bankCard', 'propertyCertificate', 'propertyUnit', 'email', 'passport', 'name', 'address',
] as const;
export type PiiType = (typeof PII_TYPES)[number];

export interface PiiFinding {
  type: PiiType;
  text: string;
  start: number;
  end: number;
  /** 0..1: how sure the detector is that this is personal data. */
  confidence: number;
}

// Which finding wins when two overlap: the more specific pattern.
const PRIORITY: Record<PiiType, number> = {
  propertyCertificate: 11, propertyUnit: 10, idCard: 9, creditCode: 8, email: 7, passport: 6, bankCard: 5, mobile: 4, landline: 3, address: 2, name: 1,
};

const ID18 = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const ID15 = /(?<![0-9A-Za-z])[1-8]\d{14}(?![0-9A-Za-z])/g;
const CREDIT = /(?<![0-9A-Za-z])[0-9A-HJ-NPQRTUWXY]{18}(?![0-9A-Za-z])/g;
const MOBILE = /(?<![\d+])(?:(?:\+|00)?86[- ]?)?1[3-9]\d(?:\d{8}|[- ]\d{4}[- ]\d{4})(?!\d|\.\d)/g;
const LANDLINE = /(?<![\d-])(?:0\d{2,3}-\d{7,8}|[（(]0\d{2,3}[）)] ?\d{7,8}|0\d{2,3} \d{7,8})(?:-\d{1,4})?(?!\d|\.\d)/g;
const LANDLINE_BARE = /(?<![\d-])0\d{9,11}(?![\d-])/g;
const BANK = /(?<![\d-])(?:\d{16,19}|\d{4}(?: \d{4}){3}(?: \d{1,3})?)(?![\d-]|\.\d)/g;
const PROPERTY_CERT = /[\u4e00-\u9fa5][（(]\d{4}[）)][\u4e00-\u9fa5]{0,16}?不动产(?:权|证明)第\d{5,8}号/g;
const PROPERTY_UNIT = /(?<![0-9A-Za-z])\d{6} ?\d{6} ?[A-Z]{2}\d{5} ?[A-Z]\d{8}(?![0-9A-Za-z])/g;
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9])/g;
const PASSPORT = /(?<![0-9A-Za-z])(?:[EG]\d{8}|E[A-HJ-NP-Z]\d{7}|[DPS]E?\d{7}|[HM](?:\d{10}|\d{8}))(?![0-9A-Za-z])/g;

const ID_SHAPE = /^[1-8]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:[0-2]\d|3[01])/;
const BANK_LABEL = /(?:账号|帐号|卡号|账户|帐户|银行|存折|开户|信用社)[^\n]{0,12}$/;
const PHONE_LABEL = /(?:电话|手机|联系方式|Tel|TEL|tel)[^\n]{0,6}$/;
const SERVICE_LINE = /(?:咨询|监督|举报|投诉|办公|值班|传真|服务|热线|受理)[^\n]{0,8}$/;
const PASSPORT_LABEL = /(?:护照|通行证|回乡证|证件号)[^\n]{0,10}$/;

const before = (text: string, start: number, n = 24) => text.slice(Math.max(0, start - n), start);

export function isLuhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Pre-1999 15-digit resident ID: region code then a real yymmdd birth date in the 1900s. */
export function isValidOldIdCard(id: string): boolean {
  if (!/^[1-8]\d{14}$/.test(id)) return false;
  const y = 1900 + Number(id.slice(6, 8));
  const m = Number(id.slice(8, 10));
  const d = Number(id.slice(10, 12));
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function scan(re: RegExp, text: string, each: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) each(m);
}

function numberFindings(text: string, out: PiiFinding[]): void {
  const add = (type: PiiType, m: RegExpExecArray, confidence: number) =>
    out.push({ type, text: m[0], start: m.index, end: m.index + m[0].length, confidence });
  scan(ID18, text, (m) => {
    if (isValidIdCard(m[0])) add('idCard', m, 0.98);
  });
  scan(ID15, text, (m) => {
    if (isValidOldIdCard(m[0])) add('idCard', m, 0.7);
  });
  scan(CREDIT, text, (m) => {
    if (/^\d{17}[\dX]$/.test(m[0]) && isValidIdCard(m[0])) return;
    if (!isValidCreditCode(m[0]) || text[m.index + 18] === '/') return;
    add('creditCode', m, m[0].startsWith('92') ? 0.6 : 0.2);
  });
  scan(MOBILE, text, (m) => add('mobile', m, 0.9));
  scan(LANDLINE, text, (m) => {
    if (!SERVICE_LINE.test(before(text, m.index, 16))) add('landline', m, 0.6);
  });
  scan(LANDLINE_BARE, text, (m) => {
    const lead = before(text, m.index, 16);
    if (PHONE_LABEL.test(lead) && !SERVICE_LINE.test(lead)) add('landline', m, 0.5);
  });
  scan(BANK, text, (m) => {
    const digits = m[0].replace(/ /g, '');
    if (digits.length < 16 || digits.length > 19) return;
    if (digits.length === 18 && isValidIdCard(digits)) return;
    const labelled = BANK_LABEL.test(before(text, m.index));
    // An ID-shaped number that failed its check is a mistyped ID, not a card, unless labelled.
    if (digits.length === 18 && ID_SHAPE.test(digits) && !labelled) return;
    if (isLuhnValid(digits)) add('bankCard', m, digits.startsWith('62') ? 0.9 : 0.8);
    else if (labelled) add('bankCard', m, 0.3);
  });
  scan(PROPERTY_CERT, text, (m) => add('propertyCertificate', m, 0.9));
  scan(PROPERTY_UNIT, text, (m) => add('propertyUnit', m, 0.9));
  scan(EMAIL, text, (m) => add('email', m, /\.gov\.cn$/i.test(m[0]) ? 0.2 : 0.9));
  scan(PASSPORT, text, (m) => {
    const labelled = PASSPORT_LABEL.test(before(text, m.index, 16));
    const weak = /^[DPS]/.test(m[0]);
    if (labelled) add('passport', m, 0.9);
    else if (!weak) add('passport', m, 0.6);
  });
}

/** Keeps, among overlapping findings, the one of the more specific type (then the longer one). */
export function resolveOverlaps(findings: PiiFinding[]): PiiFinding[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PiiFinding[] = [];
  for (const f of sorted) {
    const last = out[out.length - 1];
    if (!last || f.start >= last.end) {
      out.push(f);
      continue;
    }
    const better = PRIORITY[f.type] > PRIORITY[last.type] || (PRIORITY[f.type] === PRIORITY[last.type] && f.end - f.start > last.end - last.start);
    if (better) out[out.length - 1] = f;
  }
  return out;
}

export interface FindOptions {
  /** Findings below this confidence are dropped (default 0: everything). */
  minConfidence?: number;
}

/** Every personal-data finding in `text`, ordered by position, without overlaps. */
export function findPersonalData(text: string, opts: FindOptions = {}): PiiFinding[] {
  const all: PiiFinding[] = [];
  numberFindings(text, all);
  findLabelledNamesAndAddresses(text, all);
  findTableColumns(text, all);
  const min = opts.minConfidence ?? 0;
  return resolveOverlaps(all).filter((f) => f.confidence >= min);
}
