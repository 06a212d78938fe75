// `npm run bench:privacy`: megabytes of text scanned per second for personal data, and for the
// sensitive-word lexicon, on a generated corpus (default 24 MB, BENCH_PRIVACY_MB) of notices
// built from test/fixtures/notices: compensation lists, registration results, enforcement
// decisions and clean notices, with their numbers varied so that no two documents are equal.
// Each section prints its own figures; further sections are appended at the end of this file.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { findPersonalData } from '../src/core/text/pii.ts';
import { buildLexiconMatcher } from '../src/modules/privacy/lexicon.ts';
import { documentKind, documentText } from '../src/modules/privacy/index.ts';

const TARGET_MB = Number(process.env.BENCH_PRIVACY_MB ?? 24);
const fixturesDir = path.join(import.meta.dirname, '../test/fixtures/notices');

async function buildCorpus(): Promise<string[]> {
  const templates: string[] = [];
  for (const file of fs.readdirSync(fixturesDir).sort()) {
    const kind = documentKind(file);
    if (kind && file !== 'expected.json') templates.push(await documentText(fs.readFileSync(path.join(fixturesDir, file)), kind));
  }
  const docs: string[] = [];
  let bytes = 0;
  let n = 0;
  while (bytes < TARGET_MB * 1024 * 1024) {
    // Vary every digit run a little so that the regex engines see fresh input.
    const t = templates[n % templates.length]!.replace(/\d{3}(?=\d)/g, (d) => String((Number(d) + n) % 1000).padStart(3, '0'));
    docs.push(t);
    bytes += Buffer.byteLength(t);
    n++;
  }
  return docs;
}

function measure(label: string, docs: string[], run: (doc: string) => number): void {
  const mb = docs.reduce((s, d) => s + Buffer.byteLength(d), 0) / (1024 * 1024);
  run(docs[0]!); // warm-up
  const started = performance.now();
  let found = 0;
  for (const d of docs) found += run(d);
  const seconds = (performance.now() - started) / 1000;
  console.log(`${label}: ${mb.toFixed(1)} MB in ${seconds.toFixed(2)} s = ${(mb / seconds).toFixed(1)} MB/s (${docs.length} documents, ${found} findings)`);
}

const corpus = await buildCorpus();
console.log(`privacy bench: ${corpus.length} generated notices`);
measure('personal data (findPersonalData)', corpus, (d) => findPersonalData(d).length);
const lexicon = buildLexiconMatcher(
  Array.from({ length: 2000 }, (_, i) => ({ word: `敏感词${i.toString(36)}样例`, category: 'bench' })).concat([{ word: '内部资料', category: 'bench' }]),
);
measure(`sensitive words (${lexicon.size} words, Aho–Corasick)`, corpus, (d) => lexicon.match(d).length);

// --- redaction section ---
await (await import('./privacy-redaction.ts')).runRedactionBench();
