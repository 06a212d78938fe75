// Text of HTML for scanning, keeping table structure (cells end with a tab, rows with a newline,
// like a text table) and an offset map back to the HTML source, so that a finding in the text
// can be masked in the HTML itself without re-rendering it.

export interface HtmlText {
  text: string;
  /** For text character i: [srcStart[i], srcEnd[i]) in the HTML (an entity maps to all of it). */
  srcStart: Int32Array;
  srcEnd: Int32Array;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };
const ROW_END = /^\/(?:tr|p|div|li|h[1-6]|table|blockquote|ul|ol|thead|tbody)$|^br\/?$/i;
const CELL_END = /^\/t[dh]$/i;

function decodeEntity(body: string): string | undefined {
  if (ENTITIES[body]) return ENTITIES[body];
  const num = /^#(\d{1,7})$/.exec(body) ?? /^#x([0-9a-f]{1,6})$/i.exec(body);
  if (!num) return undefined;
  const code = parseInt(num[1]!, body[1] === 'x' || body[1] === 'X' ? 16 : 10);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

export function htmlToScanText(html: string): HtmlText {
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const emit = (s: string, from: number, to: number) => {
    for (let k = 0; k < s.length; k++) {
      chars.push(s[k]!);
      starts.push(from);
      ends.push(to);
    }
  };
  let i = 0;
  while (i < html.length) {
    const c = html[i]!;
    if (c === '<') {
      const close = html.indexOf('>', i);
      if (close < 0) break;
      const tag = html.slice(i + 1, close).trim().split(/\s/)[0] ?? '';
      if (/^(script|style)$/i.test(tag)) {
        const end = html.toLowerCase().indexOf(`</${tag.toLowerCase()}`, close);
        i = end < 0 ? html.length : html.indexOf('>', end) + 1 || html.length;
        continue;
      }
      if (CELL_END.test(tag)) emit('\t', i, i);
      else if (ROW_END.test(tag)) emit('\n', i, i);
      i = close + 1;
    } else if (c === '&') {
      const semi = html.indexOf(';', i);
      const decoded = semi > i && semi - i <= 10 ? decodeEntity(html.slice(i + 1, semi)) : undefined;
      if (decoded !== undefined) {
        emit(decoded, i, semi + 1);
        i = semi + 1;
      } else {
        emit('&', i, i + 1);
        i++;
      }
    } else {
      emit(c === '\n' || c === '\r' || c === '\t' ? ' ' : c, i, i + 1);
      i++;
    }
  }
  return { text: chars.join(''), srcStart: Int32Array.from(starts), srcEnd: Int32Array.from(ends) };
}

const escapeChar = (ch: string) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch;

/**
 * Replaces text ranges in the HTML source. Each replacement has the length of the text it
 * replaces (masks keep the length), so it is applied character by character: tags between the
 * characters stay where they are.
 */
export function replaceInHtml(html: string, mapped: HtmlText, replacements: { start: number; end: number; value: string }[]): string {
  const edits: { from: number; to: number; value: string }[] = [];
  for (const r of replacements) {
    for (let k = r.start; k < r.end && k < mapped.text.length; k++) {
      const ch = r.value[k - r.start];
      if (ch === undefined || ch === mapped.text[k]) continue;
      if (mapped.srcEnd[k]! <= mapped.srcStart[k]!) continue;
      edits.push({ from: mapped.srcStart[k]!, to: mapped.srcEnd[k]!, value: escapeChar(ch) });
    }
  }
  edits.sort((a, b) => b.from - a.from);
  let out = html;
  let lastFrom = Infinity;
  for (const e of edits) {
    if (e.to > lastFrom) continue;
    out = out.slice(0, e.from) + e.value + out.slice(e.to);
    lastFrom = e.from;
  }
  return out;
}
