// Names, addresses and bank accounts that only the text's own labels reveal: `姓名：张三`,
// `住址：…`, and table columns headed 姓名 / 住址 / 银行账号 (land-acquisition compensation lists
// put names, ID numbers, amounts and accounts in one table). Without a dictionary or a model, an
// unlabelled name is not found: the label is the evidence (see pii.ts for the other patterns).
import type { PiiFinding, PiiType } from './pii.ts';

const NAME_LABEL =
  /(?:户主姓名|被征收人姓名|申请人姓名|权利人姓名|被申请人|被征收人|被拆迁人|被补偿人|法定代表人|委托代理人|姓名|户主|权利人|申请人|当事人|开户名|户名|收款人|承包方代表|共有人)[ \t\u3000]*[：:][ \t\u3000]*/g;
// 联系地址/单位地址/办公地址… in a notice are the agency's own, published on purpose.
const ADDRESS_LABEL =
  /(?<!联系|单位|办公|机关|受理|办理|网站|邮寄|公司|企业)(?:家庭住址|现住址|户籍地址|户籍所在地|居住地址|住址|住所地|住所|送达地址|通讯地址|地址)[ \t\u3000]*[：:][ \t\u3000]*/g;
const CJK_RUN = /[\u4e00-\u9fa5·•]{1,20}/y;
const ADDRESS_VALUE = /[^\s，,。；;、（(]{2,60}/y;
const ADDRESS_STOP = /电话|手机|联系|身份证|邮编|邮政编码|证件/;
// An address at an agency's premises is where the public is served, not where a person lives.
const AGENCY_PLACE = /局|政府|窗口|大厅|政务服务|委员会|办公室|法院|检察院/;
const ORG_SUFFIX = /(?:公司|厂|局|院|所|委员会|村委|合作社|中心|集团|店|处|站|部|办|政府|学校|医院|银行|协会|小组|组)$/;
const NOT_NAMES = new Set(['本人', '同上', '不详', '见附件', '见附表', '无', '略', '合计', '小计', '总计', '签字', '签名', '盖章']);
const ANONYMISED = /[某*＊×Ｘ]/;
const PERSON_NAME = /^(?:[\u4e00-\u9fa5]{2,4}|[\u4e00-\u9fa5]{1,8}[·•][\u4e00-\u9fa5]{1,8})$/;

function isPersonName(value: string): boolean {
  return PERSON_NAME.test(value) && !ANONYMISED.test(value) && !NOT_NAMES.has(value) && !ORG_SUFFIX.test(value);
}

function addressConfidence(label: string): number {
  if (/住址|户籍|居住/.test(label)) return 0.85;
  if (/住所|送达/.test(label)) return 0.7;
  return 0.5;
}

function push(out: PiiFinding[], type: PiiType, text: string, start: number, confidence: number): void {
  out.push({ type, text, start, end: start + text.length, confidence });
}

/** `姓名：张三`, `权利人：张三、李四`, `住址：海门市…`: the value right after a personal label. */
export function findLabelledNamesAndAddresses(text: string, out: PiiFinding[]): void {
  NAME_LABEL.lastIndex = 0;
  for (let m = NAME_LABEL.exec(text); m; m = NAME_LABEL.exec(text)) {
    let pos = m.index + m[0].length;
    // A list of names separated by 、 (joint owners).
    for (;;) {
      CJK_RUN.lastIndex = pos;
      const run = CJK_RUN.exec(text);
      if (!run || !isPersonName(run[0])) break;
      push(out, 'name', run[0], pos, 0.85);
      pos += run[0].length;
      if (text[pos] !== '、') break;
      pos++;
    }
  }
  ADDRESS_LABEL.lastIndex = 0;
  for (let m = ADDRESS_LABEL.exec(text); m; m = ADDRESS_LABEL.exec(text)) {
    const pos = m.index + m[0].length;
    ADDRESS_VALUE.lastIndex = pos;
    const v = ADDRESS_VALUE.exec(text);
    if (!v) continue;
    const stop = v[0].search(ADDRESS_STOP);
    const value = stop >= 0 ? v[0].slice(0, stop) : v[0];
    if (value.length < 2 || !/[\u4e00-\u9fa5]/.test(value) || ANONYMISED.test(value) || AGENCY_PLACE.test(value)) continue;
    push(out, 'address', value, pos, addressConfidence(m[0]));
  }
}

type ColumnKind = 'name' | 'address' | 'bank';
const NAME_HEADERS = new Set(['姓名', '户主', '户主姓名', '被征收人', '被征收人姓名', '被拆迁人', '被补偿人', '权利人', '权利人姓名', '申请人', '申请人姓名', '当事人', '法定代表人', '收款人', '户名', '开户名', '承包方代表', '共有人']);
const ADDRESS_HEADERS = new Set(['住址', '家庭住址', '地址', '住所', '现住址', '户籍地址', '居住地址', '家庭地址']);
const BANK_HEADERS = new Set(['银行账号', '账号', '帐号', '卡号', '银行卡号', '开户账号', '存折账号', '收款账号', '账户', '银行账户', '社保卡号']);

function columnKind(cell: string): ColumnKind | undefined {
  const h = cell.replace(/\s+/g, '').replace(/[（(][^）)]*[）)]$/, '');
  if (NAME_HEADERS.has(h)) return 'name';
  if (ADDRESS_HEADERS.has(h)) return 'address';
  if (BANK_HEADERS.has(h)) return 'bank';
  return undefined;
}

interface Cell { text: string; start: number }

function splitCells(line: string, lineStart: number): Cell[] | undefined {
  const sep = line.includes('\t') ? '\t' : /[|｜].*[|｜]/.test(line) ? /[|｜]/ : undefined;
  if (!sep) return undefined;
  const cells: Cell[] = [];
  const parts = typeof sep === 'string' ? line.split(sep) : line.split(sep);
  let offset = lineStart;
  for (const part of parts) {
    const lead = part.length - part.trimStart().length;
    cells.push({ text: part.trim(), start: offset + lead });
    offset += part.length + 1;
  }
  return cells;
}

function cellFindings(kind: ColumnKind, cell: Cell, out: PiiFinding[]): void {
  if (!cell.text) return;
  if (kind === 'name') {
    let offset = cell.start;
    for (const part of cell.text.split('、')) {
      if (isPersonName(part)) push(out, 'name', part, offset, 0.8);
      offset += part.length + 1;
    }
  } else if (kind === 'address') {
    if (cell.text.length >= 4 && /[\u4e00-\u9fa5]/.test(cell.text) && !ANONYMISED.test(cell.text)) push(out, 'address', cell.text, cell.start, 0.8);
  } else if (/^\d[\d ]{10,24}\d$/.test(cell.text)) {
    // Accounts of rural credit cooperatives often fail Luhn: the column header is the evidence.
    push(out, 'bankCard', cell.text, cell.start, 0.3);
  }
}

/** Columns of tab- or bar-separated tables whose header names a personal field. */
export function findTableColumns(text: string, out: PiiFinding[]): void {
  if (!text.includes('\t') && !/[|｜]/.test(text)) return;
  let columns: Map<number, ColumnKind> | undefined;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const cells = splitCells(text.slice(lineStart, lineEnd), lineStart);
    const blank = text.slice(lineStart, lineEnd).trim() === '';
    if (blank) {
      // HTML tables put empty lines between thead and tbody: they do not end the table.
    } else if (!cells || cells.length < 2) columns = undefined;
    else {
      const kinds = new Map<number, ColumnKind>();
      cells.forEach((c, i) => {
        const k = columnKind(c.text);
        if (k) kinds.set(i, k);
      });
      if (kinds.size > 0) columns = kinds;
      else if (columns) for (const [i, kind] of columns) if (cells[i]) cellFindings(kind, cells[i]!, out);
    }
    lineStart = lineEnd + 1;
  }
}
