// Text normalisation for matching (the sensitive-word lexicon): whitespace and zero-width
// characters are dropped, full-width forms become half-width, Latin letters lower-case. The
// offset map leads every normalised character back to its position in the original, so that a
// match is reported (and masked) where the reader sees it, spaces and all.

export interface NormalizedText {
  text: string;
  /** map[i] = UTF-16 offset in the original of normalised character i. */
  map: Int32Array;
}

function isDropped(code: number): boolean {
  return (
    code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0b || code === 0x0c ||
    code === 0xa0 || code === 0x3000 || code === 0xad || code === 0xfeff ||
    (code >= 0x200b && code <= 0x200f) || (code >= 0x2060 && code <= 0x2064) || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f
  );
}

/** One character's normalised form (as a char code), or -1 when it is dropped. */
export function normalizeCode(code: number): number {
  if (isDropped(code)) return -1;
  if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
  if (code >= 0x41 && code <= 0x5a) code += 0x20;
  return code;
}

export function normalizeForMatching(input: string): NormalizedText {
  const map = new Int32Array(input.length);
  const codes: number[] = [];
  let n = 0;
  for (let i = 0; i < input.length; i++) {
    const c = normalizeCode(input.charCodeAt(i));
    if (c < 0) continue;
    codes.push(c);
    map[n++] = i;
  }
  let text = '';
  for (let i = 0; i < codes.length; i += 8192) text += String.fromCharCode(...codes.slice(i, i + 8192));
  return { text, map: map.subarray(0, n) };
}

/** A lexicon word in the same normal form as the text it is matched against. */
export function normalizeWord(word: string): string {
  return normalizeForMatching(word).text;
}
