// An official letter as PDF in the GB/T 9704 layout (see official-letter.docx.ts), drawn with
// pdfkit and the Noto CJK fonts embedded as subsets (STACK.md: tests must render the pages, as
// some PDF libraries draw blank Chinese glyphs while text extraction still passes).
import PDFDocument from 'pdfkit';
import { cjkFont } from './fonts.ts';
import { LETTER_PAGE, mmToPt, type OfficialLetter } from './letter.ts';

type Pdf = InstanceType<typeof PDFDocument>;

/** A pdfkit document on an A4 page with the letter margins, its CJK fonts registered as 'body' and 'title'. */
export function letterPdfDocument(info: { title: string; author: string }): Pdf {
  const m = LETTER_PAGE.marginsMm;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: mmToPt(m.top), bottom: mmToPt(m.bottom), left: mmToPt(m.left), right: mmToPt(m.right) },
    info: { Title: info.title, Author: info.author },
    bufferPages: true,
  });
  const body = cjkFont('serif');
  const title = cjkFont('serifBold');
  doc.registerFont('body', body.path, body.face);
  doc.registerFont('title', title.path, title.face);
  return doc;
}

/** Writes the text on the fixed letter line pitch (28.95 pt) whatever the font's own line height. */
function bodyText(doc: Pdf, text: string, opts: PDFKit.Mixins.TextOptions = {}): void {
  doc.font('body').fontSize(LETTER_PAGE.bodyPt);
  const lineGap = LETTER_PAGE.linePt - doc.currentLineHeight(false);
  doc.text(text, { lineGap, ...opts });
}

export function drawLetter(doc: Pdf, letter: OfficialLetter): void {
  const indent = LETTER_PAGE.bodyPt * 2;
  const rightInset = LETTER_PAGE.bodyPt * 4;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  doc.font('title').fontSize(LETTER_PAGE.titlePt);
  doc.text(letter.title, { align: 'center', lineGap: LETTER_PAGE.titlePt * 0.5 });
  if (letter.number) bodyText(doc, letter.number, { align: 'center' });
  bodyText(doc, ' ');
  bodyText(doc, `${letter.recipient}：`);
  for (const p of letter.paragraphs) {
    for (const line of p.split('\n')) bodyText(doc, line, { indent, align: 'justify' });
  }
  (letter.attachments ?? []).forEach((name, i, all) => {
    if (i === 0) bodyText(doc, ' ');
    const label = all.length > 1 ? `${i + 1}.${name}` : name;
    bodyText(doc, i === 0 ? `附件：${label}` : `${'\u3000'.repeat(3)}${label}`, { indent });
  });
  // The signature and date stay together; the blank line before them is dropped when only they
  // fit on the page (GB/T 9704 7.3.5: adjust spacing rather than strand the signature).
  const room = doc.page.height - doc.page.margins.bottom - doc.y;
  if (room >= LETTER_PAGE.linePt * 3 || room < LETTER_PAGE.linePt * 2) bodyText(doc, ' ');
  bodyText(doc, letter.signature, { align: 'right', width: width - rightInset });
  bodyText(doc, letter.date, { align: 'right', width: width - rightInset });
}

/** Page numbers "— n —" centred in the bottom margin of every page. */
function numberPages(doc: Pdf): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('body').fontSize(14).text(`— ${i + 1} —`, 0, doc.page.height - mmToPt(25), { width: doc.page.width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

export function pdfBuffer(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

export async function officialLetterPdf(letter: OfficialLetter): Promise<Buffer> {
  const doc = letterPdfDocument({ title: letter.title, author: letter.signature });
  drawLetter(doc, letter);
  numberPages(doc);
  return pdfBuffer(doc);
}
