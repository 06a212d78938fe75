// Sensitive-word matching (条例 第十五条 and the content-safety duty): Aho–Corasick over the
// normalised text (core/text/normalize.ts), so that 法 轮, 法\u200B轮 and full-width or upper-case
// variants match the same lexicon word; matches are reported at their original positions.
import AhoCorasick from 'ahocorasick';
import { normalizeForMatching, normalizeWord } from '../../core/text/normalize.ts';

export interface LexiconEntry {
  word: string;
  category: string;
}

export interface WordMatch {
  word: string;
  category: string;
  /** The text as written (with the spaces or zero-width characters inserted into it). */
  text: string;
  start: number;
  end: number;
}

export interface LexiconMatcher {
  size: number;
  match(text: string): WordMatch[];
}

export function buildLexiconMatcher(entries: LexiconEntry[]): LexiconMatcher {
  const byNormal = new Map<string, LexiconEntry>();
  for (const e of entries) {
    const n = normalizeWord(e.word);
    if (n && !byNormal.has(n)) byNormal.set(n, e);
  }
  const automaton = byNormal.size > 0 ? new AhoCorasick([...byNormal.keys()]) : undefined;
  return {
    size: byNormal.size,
    match(text) {
      if (!automaton) return [];
      const normal = normalizeForMatching(text);
      const out: WordMatch[] = [];
      for (const [endIndex, words] of automaton.search(normal.text)) {
        for (const w of words) {
          const entry = byNormal.get(w)!;
          const start = normal.map[endIndex - w.length + 1]!;
          const end = normal.map[endIndex]! + 1;
          out.push({ word: entry.word, category: entry.category, text: text.slice(start, end), start, end });
        }
      }
      return out.sort((a, b) => a.start - b.start || b.end - a.end);
    },
  };
}
