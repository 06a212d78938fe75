// The part of ahocorasick's API the lexicon uses (the package ships no types).
declare module 'ahocorasick' {
  export default class AhoCorasick {
    constructor(keywords: string[]);
    /** [index of the last character of the match, the keywords ending there]. */
    search(text: string): [number, string[]][];
  }
}
