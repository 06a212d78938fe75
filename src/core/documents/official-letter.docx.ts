// An official letter as a Word document in the GB/T 9704 layout: A4, margins 37/35/28/26 mm,
// title 小标宋 2号 centred, number line under it, body 仿宋 3号 with a 2-character first-line
// indent on a fixed 28.95 pt line (22 lines a page), signature and date at the right, page
// numbers "— 1 —" at the foot. East-Asian runs name the Chinese font and the zh-CN language so
// that Word and LibreOffice pick Chinese glyphs and line breaking.
import {
  AlignmentType, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, TextRun,
  type IRunOptions,
} from 'docx';
import { LETTER_PAGE, mmToTwip, WORD_FONTS, type OfficialLetter } from './letter.ts';

const halfPoints = (pt: number) => Math.round(pt * 2);
const LINE = { line: Math.round(LETTER_PAGE.linePt * 20), lineRule: LineRuleType.EXACT };

function run(text: string, opts: { title?: boolean; size?: number } = {}): TextRun {
  const eastAsia = opts.title ? WORD_FONTS.title : WORD_FONTS.body;
  const options: IRunOptions = {
    text,
    font: { ascii: WORD_FONTS.latin, hAnsi: WORD_FONTS.latin, eastAsia, cs: WORD_FONTS.latin },
    size: halfPoints(opts.size ?? (opts.title ? LETTER_PAGE.titlePt : LETTER_PAGE.bodyPt)),
    language: { value: 'zh-CN', eastAsia: 'zh-CN' },
  };
  return new TextRun(options);
}

const plain = (text: string, extra: Partial<ConstructorParameters<typeof Paragraph>[0] & object> = {}) =>
  new Paragraph({ children: [run(text)], spacing: LINE, ...extra });

export function letterDocxParagraphs(letter: OfficialLetter): Paragraph[] {
  const out: Paragraph[] = [
    // The title sits on lines of its own size; a blank line separates it from what follows.
    new Paragraph({ children: [run(letter.title, { title: true })], alignment: AlignmentType.CENTER, spacing: { line: Math.round(LETTER_PAGE.titlePt * 1.5 * 20), lineRule: LineRuleType.EXACT } }),
  ];
  if (letter.number) out.push(plain(letter.number, { alignment: AlignmentType.CENTER }));
  out.push(plain(''));
  out.push(plain(`${letter.recipient}：`));
  for (const p of letter.paragraphs) {
    for (const line of p.split('\n')) out.push(plain(line, { indent: { firstLineChars: 200, firstLine: mmToTwip(11.3) } }));
  }
  if (letter.attachments && letter.attachments.length > 0) {
    out.push(plain(''));
    letter.attachments.forEach((name, i) => {
      const label = letter.attachments!.length > 1 ? `${i + 1}.${name}` : name;
      out.push(plain(i === 0 ? `附件：${label}` : `${'\u3000'.repeat(3)}${label}`, { indent: { firstLineChars: 200, firstLine: mmToTwip(11.3) } }));
    });
  }
  out.push(plain(''));
  // Signature and date at the right, 4 characters in from the margin (GB/T 9704 7.3.5.2).
  const right = { right: mmToTwip(22.6) };
  out.push(plain(letter.signature, { alignment: AlignmentType.RIGHT, indent: right }));
  out.push(plain(letter.date, { alignment: AlignmentType.RIGHT, indent: right }));
  return out;
}

export async function officialLetterDocx(letter: OfficialLetter): Promise<Buffer> {
  const m = LETTER_PAGE.marginsMm;
  const doc = new Document({
    creator: letter.signature,
    title: letter.title,
    sections: [{
      properties: {
        page: {
          size: { width: mmToTwip(LETTER_PAGE.widthMm), height: mmToTwip(LETTER_PAGE.heightMm) },
          margin: { top: mmToTwip(m.top), bottom: mmToTwip(m.bottom), left: mmToTwip(m.left), right: mmToTwip(m.right), header: mmToTwip(15), footer: mmToTwip(20) },
        },
      },
      footers: {
        default: new Footer({
          children: [new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: { ascii: 'SimSun', hAnsi: 'SimSun', eastAsia: 'SimSun' }, size: 28 })],
          })],
        }),
      },
      children: letterDocxParagraphs(letter),
    }],
  });
  return Packer.toBuffer(doc);
}
