// Template filling: `{name}` placeholders, checked when an administrator saves a template (an
// unknown name is rejected with the allowed list) and when a notice is issued (a missing value is
// an error that names it — a letter never goes out with a silent blank).
import { badRequest, type FieldError } from '../../core/errors.ts';
import { formatChineseDate } from '../../core/time/clock.ts';
import type { NoticeKind } from './notices.contract.ts';
import { AGENCY_PLACEHOLDERS, CALLER_PLACEHOLDERS, REMEDY_KINDS } from './notice-templates.defaults.ts';

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

export function allowedPlaceholders(kind: NoticeKind): string[] {
  return [...AGENCY_PLACEHOLDERS, ...CALLER_PLACEHOLDERS[kind]];
}

/** Field errors for a template an administrator wants to save (empty when it is acceptable). */
export function templateProblems(kind: NoticeKind, title: string, body: string): FieldError[] {
  const allowed = allowedPlaceholders(kind);
  const problems: FieldError[] = [];
  const check = (field: 'title' | 'body', text: string) => {
    const unknown = placeholdersIn(text).filter((p) => !allowed.includes(p));
    if (unknown.length > 0) {
      problems.push({ field, message: `不认识的占位符：${unknown.map((p) => `{${p}}`).join('、')}。可用的占位符：${allowed.map((p) => `{${p}}`).join('、')}` });
    }
  };
  if (!title.trim()) problems.push({ field: 'title', message: '请填写标题' });
  if (!body.trim()) problems.push({ field: 'body', message: '请填写正文' });
  check('title', title);
  check('body', body);
  if (REMEDY_KINDS.includes(kind) && !placeholdersIn(body).includes('remedy')) {
    // 条例 and 行政复议法: a decision must tell the applicant how to challenge it.
    problems.push({ field: 'body', message: '此类告知书必须包含救济途径占位符 {remedy}' });
  }
  return problems;
}

/** Legal dates (YYYY-MM-DD) become 2026年11月22日; everything else is used as given. */
function present(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatChineseDate(value) : value;
}

/** Fills every placeholder; throws NOTICE_VALUE_MISSING naming each one without a value. */
export function fillTemplate(text: string, values: Record<string, string>): string {
  const missing = placeholdersIn(text).filter((p) => values[p] === undefined || values[p].trim() === '');
  if (missing.length > 0) {
    throw badRequest('NOTICE_VALUE_MISSING', `告知书缺少以下内容：${missing.map((p) => `{${p}}`).join('、')}`, missing.map((p) => ({ field: p, message: '缺少此项内容' })));
  }
  return text.replace(PLACEHOLDER, (_m, name: string) => present(values[name]!));
}

/** Paragraphs of a filled body (blank-line separated; single newlines inside a paragraph kept). */
export function paragraphsOf(body: string): string[] {
  return body.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length > 0);
}
