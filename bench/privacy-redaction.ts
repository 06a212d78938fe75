// Redaction throughput: a generated 50-page land-acquisition register (Chinese text, one person
// per page), each page's name and ID number located by text search and removed with MuPDF,
// metadata cleared, file rewritten. Prints pages per second; not a timed test.
import { findTextAreas, pdfPageTexts, redactPdf, renderPdfPage } from '../src/modules/privacy/redaction.pdf.ts';
import { chinesePdf, ID_NUMBER, NAME, NOTICE_LINES } from '../test/privacy/redaction.fixtures.ts';

const PAGES = 50;
const ROUNDS = 3;

export async function runRedactionBench(): Promise<void> {
  const pdf = await chinesePdf(Array.from({ length: PAGES }, (_, i) => [...NOTICE_LINES, `登记序号：${i + 1}`]));
  await redactPdf(pdf, (await findTextAreas(pdf, NAME)).slice(0, 1)); // warm-up (loads the WASM module)

  let started = performance.now();
  let areas = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const found = [...(await findTextAreas(pdf, NAME)), ...(await findTextAreas(pdf, ID_NUMBER))];
    areas += found.length;
    const out = await redactPdf(pdf, found);
    if ((await pdfPageTexts(out)).some((t) => t.includes(ID_NUMBER))) throw new Error('redaction left text behind');
  }
  let seconds = (performance.now() - started) / 1000;
  console.log(`PDF redaction (search + remove + save, ${PAGES}-page PDF × ${ROUNDS}): ${((PAGES * ROUNDS) / seconds).toFixed(1)} pages/s (${areas} areas, ${(pdf.length / 1024).toFixed(0)} KB input)`);

  const fixed = await findTextAreas(pdf, ID_NUMBER);
  started = performance.now();
  for (let r = 0; r < ROUNDS; r++) await redactPdf(pdf, fixed);
  seconds = (performance.now() - started) / 1000;
  console.log(`PDF redaction (areas known, remove + save): ${((PAGES * ROUNDS) / seconds).toFixed(1)} pages/s`);

  started = performance.now();
  for (let n = 1; n <= PAGES; n++) await renderPdfPage(pdf, n);
  seconds = (performance.now() - started) / 1000;
  console.log(`page images for the console (PNG at 1.5×): ${(PAGES / seconds).toFixed(1)} pages/s`);
}
