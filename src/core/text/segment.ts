// Chinese word segmentation for the full-text index, with jieba's bundled dictionary (without it
// jieba splits into single characters). Search mode (`cutForSearch`) emits the sub-words of long
// words too (国土资源 → 国土, 资源, 国土资源), so two-character queries match long words.
// The same function runs at index and at query time: a change here needs a full reindex.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let jieba: Jieba | undefined;

function instance(): Jieba {
  // Loading the dictionary takes ~0.5 s: do it once, on first use.
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/**
 * Full-width ASCII to half-width (Ａ１ → A1, ideographic space → space) and lower case, one UTF-16
 * unit for one, so positions in the normalised text are positions in the original (the snippet
 * highlighter relies on that).
 */
export function normalizeText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let ch: string;
    if (code >= 0xff01 && code <= 0xff5e) ch = String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) ch = ' ';
    else ch = text[i]!;
    const lower = ch.toLowerCase();
    out += lower.length === 1 ? lower : ch;
  }
  return out;
}

const WORD = /[\p{L}\p{N}]/u;

/** Search-mode tokens of a text: normalised, without punctuation or whitespace tokens. */
export function segmentForSearch(text: string): string[] {
  const normalized = normalizeText(text);
  if (normalized.trim() === '') return [];
  return instance()
    .cutForSearch(normalized, true)
    .map((t) => t.trim())
    .filter((t) => t !== '' && WORD.test(t));
}

/** Distinct query terms in their first-seen order. */
export function queryTerms(text: string): string[] {
  return [...new Set(segmentForSearch(text))];
}
