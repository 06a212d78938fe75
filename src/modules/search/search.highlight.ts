// Highlighting and snippets from the ORIGINAL text (FTS5 highlight() would return the segmented
// text). Everything is HTML-escaped; only our own <mark> tags are added.
import { normalizeText } from '../../core/text/segment.ts';

const SNIPPET_CHARS = 120;
// Long attachments: look for the first match only in the first part of the text.
const SCAN_LIMIT = 200_000;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Non-overlapping [start, end) ranges of the terms in the text, longest term first at each place. */
function matchRanges(normalized: string, terms: string[]): Array<[number, number]> {
  const sorted = [...new Set(terms.filter((t) => t !== ''))].sort((a, b) => b.length - a.length);
  const ranges: Array<[number, number]> = [];
  for (const term of sorted) {
    let from = 0;
    for (;;) {
      const at = normalized.indexOf(term, from);
      if (at < 0) break;
      const end = at + term.length;
      if (!ranges.some(([s, e]) => at < e && end > s)) ranges.push([at, end]);
      from = at + 1;
    }
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

/** The whole text, escaped, with each match of the terms wrapped in <mark>. */
export function highlight(text: string, terms: string[]): string {
  const ranges = matchRanges(normalizeText(text), terms);
  let out = '';
  let pos = 0;
  for (const [s, e] of ranges) {
    out += escapeHtml(text.slice(pos, s)) + '<mark>' + escapeHtml(text.slice(s, e)) + '</mark>';
    pos = e;
  }
  return out + escapeHtml(text.slice(pos));
}

/** About 120 characters of the text around the first match (or its beginning), highlighted. */
export function snippet(text: string, terms: string[]): string {
  const flat = text.slice(0, SCAN_LIMIT).replace(/\s+/g, ' ').trim();
  const normalized = normalizeText(flat);
  let first = -1;
  for (const t of terms) {
    const at = t === '' ? -1 : normalized.indexOf(t);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  const start = first < 0 ? 0 : Math.max(0, first - Math.floor(SNIPPET_CHARS / 3));
  const end = Math.min(flat.length, start + SNIPPET_CHARS);
  const passage = highlight(flat.slice(start, end), terms);
  return (start > 0 ? '…' : '') + passage + (end < flat.length ? '…' : '');
}
