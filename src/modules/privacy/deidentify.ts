// De-identification (去标识化) of a copy for publication: each finding's value is replaced by a
// mask of the SAME length (so positions in the rest of the text and the HTML stay valid), while
// the original stays in the record. Rules per type build on core/text/mask.ts.
import { maskEmail, maskIdNumber, maskName } from '../../core/text/mask.ts';
import type { PiiFinding, PiiType } from '../../core/text/pii.ts';
import { htmlToScanText, replaceInHtml } from './html-text.ts';

/** Masks the digits at positions outside [keepHead, digits − keepTail), separators kept. */
function maskDigits(value: string, keepHead: number, keepTail: number): string {
  const total = value.replace(/\D/g, '').length;
  let seen = 0;
  return value.replace(/\d/g, (d) => {
    const idx = seen++;
    return idx < keepHead || idx >= total - keepTail ? d : '*';
  });
}

function sameLength(masked: string, value: string, fallback: () => string): string {
  return masked.length === value.length ? masked : fallback();
}

/** Keeps the administrative divisions (省/市/县/区/镇/乡/街道) at the start of an address. */
function maskAddress(value: string): string {
  const m = /^.{0,14}?(?:街道|[省市县区镇乡])/.exec(value);
  let keep = m ? m[0].length : Math.min(3, value.length - 1);
  const more = /^.{0,14}(?:街道|[省市县区镇乡])/.exec(value);
  if (more && more[0].length < value.length) keep = more[0].length;
  return value.slice(0, keep) + value.slice(keep).replace(/[^\s]/g, '*');
}

export function maskValue(type: PiiType, value: string): string {
  switch (type) {
    case 'idCard':
    case 'creditCode':
      return maskIdNumber(value);
    case 'mobile': {
      const digits = value.replace(/\D/g, '').length;
      return maskDigits(value, digits - 8, 4);
    }
    case 'landline': {
      const area = /^[（(]?(0\d{2,3})/.exec(value);
      return maskDigits(value, area ? area[1]!.length : 0, 4);
    }
    case 'bankCard':
      return maskDigits(value, 4, 4);
    case 'propertyCertificate':
      return value.replace(/第(\d+)号$/, (_m, serial: string) => `第${'*'.repeat(serial.length)}号`);
    case 'propertyUnit':
      return value.slice(0, 6) + value.slice(6, -4).replace(/[0-9A-Z]/g, '*') + value.slice(-4);
    case 'email':
      return sameLength(maskEmail(value), value, () => value[0] + value.slice(1, value.indexOf('@')).replace(/./g, '*') + value.slice(value.indexOf('@')));
    case 'passport':
      return value[0] + '*'.repeat(Math.max(0, value.length - 4)) + value.slice(-3);
    case 'name':
      return sameLength(maskName(value), value, () => value[0] + '*'.repeat(value.length - 1));
    case 'address':
      return maskAddress(value);
  }
}

export interface MaskedSpan {
  type: PiiType;
  start: number;
  end: number;
  masked: string;
}

/** The copy of `text` with the findings masked, and what was masked (positions in `text`). */
export function deidentifyText(text: string, findings: Pick<PiiFinding, 'type' | 'start' | 'end'>[]): { text: string; masked: MaskedSpan[] } {
  const spans = [...findings].sort((a, b) => a.start - b.start);
  const masked: MaskedSpan[] = [];
  let out = '';
  let pos = 0;
  for (const f of spans) {
    if (f.start < pos || f.end > text.length) continue;
    const value = maskValue(f.type, text.slice(f.start, f.end));
    out += text.slice(pos, f.start) + value;
    masked.push({ type: f.type, start: f.start, end: f.end, masked: value });
    pos = f.end;
  }
  return { text: out + text.slice(pos), masked };
}

/**
 * The masks of an earlier public copy carried over to a revised body (an office revision of a
 * published item, which does not go through screening again): every value that was masked in
 * the old copy is masked wherever it still appears. Null when nothing was masked.
 */
export function carryMasks(oldHtml: string, oldPublicHtml: string, newHtml: string): string | null {
  const before = htmlToScanText(oldHtml).text;
  const masked = htmlToScanText(oldPublicHtml).text;
  if (before.length !== masked.length) return null;
  const pairs = new Map<string, string>();
  for (let i = 0; i < before.length; ) {
    if (before[i] === masked[i]) {
      i++;
      continue;
    }
    let j = i;
    // A mask keeps separators, so one value may differ in several runs: join runs closer than 3.
    while (j < before.length && (before[j] !== masked[j] || before.slice(j, j + 3) !== masked.slice(j, j + 3))) j++;
    let start = i;
    while (start > 0 && /[\p{L}\p{N}@.]/u.test(before[start - 1]!) && before[start - 1] === masked[start - 1] && i - start < 6) start--;
    pairs.set(before.slice(start, j), masked.slice(start, j));
    i = j;
  }
  if (pairs.size === 0) return null;
  const mapped = htmlToScanText(newHtml);
  const replacements: { start: number; end: number; value: string }[] = [];
  for (const [value, mask] of pairs)
    for (let at = mapped.text.indexOf(value); at >= 0; at = mapped.text.indexOf(value, at + value.length))
      replacements.push({ start: at, end: at + value.length, value: mask });
  return replaceInHtml(newHtml, mapped, replacements);
}
