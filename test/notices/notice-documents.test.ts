// Notice files as people see them: every kind renders as DOCX and PDF; the DOCX has the GB/T 9704
// page setup and fonts, opens in LibreOffice and converts to PDF; both PDFs (ours from pdfkit and
// LibreOffice's) render to PNG with Chinese text on them (pdftotext finds the title, the pages
// are not blank). These take seconds (LibreOffice starts once per conversion).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { systemActor } from '../../src/core/audit/audit.ts';
import { convertDocxToPdf } from '../../src/core/documents/libreoffice.ts';
import { officialLetterPdf } from '../../src/core/documents/official-letter.pdf.ts';
import { FakeClock } from '../../src/core/time/clock.ts';
import { CALLER_PLACEHOLDERS, NOTICE_KINDS, type IssuedNotice } from '../../src/modules/notices/index.ts';
import { isPng, pdfInkRatios, pdfPageCount, pdfText, pdfToPngs } from '../helpers/documents.ts';
import { useServiceFixture } from '../helpers/service-fixture.ts';

const VALUES: Record<string, string> = {
  applicantName: '张三', trackingCode: 'GK2026-0007', receivedOn: '2026-11-02', infoDescription: '某地块征收补偿方案',
  decisions: '一、所申请信息予以公开。\n二、所申请的第二项信息本机关不掌握。', replyDueOn: '2026-11-30', correctionItems: '请明确信息名称。',
  correctionDueOn: '2026-11-20', extensionReason: '需要调查核实', consultationDueOn: '2026-11-25', feeBasis: '按件计收',
  feeAmount: '人民币100元', paymentDueOn: '2026-12-21', paymentMethod: '银行转账', paidOn: '2026-11-22',
};

/** Text without the spaces pdftotext puts between CJK and Latin runs, or at line ends. */
const squash = (s: string) => s.replace(/\s+/g, '');

describe('notice documents', () => {
  const issued: IssuedNotice[] = [];
  const t = useServiceFixture({
    clock: new FakeClock('2026-11-22T02:00:00Z'),
    setup: async ({ services: s, fx }) => {
      for (const kind of NOTICE_KINDS) {
        const values = Object.fromEntries(CALLER_PLACEHOLDERS[kind].filter((p) => p in VALUES).map((p) => [p, VALUES[p]!]));
        issued.push(await s.database.db.transaction().execute((trx) =>
          s.notices.issue(trx, systemActor('测试'), { agencyId: fx.agency.id, requestId: null, kind, recipient: '张三', values })));
      }
    },
  });

  test('every kind renders as a PDF with its title, number and signature in Chinese, on a page with ink', async () => {
    for (const n of issued) {
      const pdf = await t.services.notices.render(n.id, 'pdf');
      assert.equal(pdf.subarray(0, 5).toString(), '%PDF-', n.kind);
      const text = squash(pdfText(pdf));
      assert.ok(text.includes(squash(n.title)), `${n.kind}: title`);
      assert.ok(text.includes(squash(n.number)), `${n.kind}: number`);
      assert.ok(text.includes(t.fx.agency.name), `${n.kind}: signature`);
      assert.ok(text.includes('2026年11月22日'), `${n.kind}: date`);
      for (const ratio of pdfInkRatios(pdf)) assert.ok(ratio > 0.003, `${n.kind}: blank page (${ratio})`);
    }
  });

  test('every kind renders as a DOCX with the GB/T 9704 page setup and Chinese fonts', async () => {
    for (const n of issued) {
      const docx = await t.services.notices.render(n.id, 'docx');
      const zip = await JSZip.loadAsync(docx);
      const xml = await zip.file('word/document.xml')!.async('string');
      // A4 (210 × 297 mm) in twips; margins top 37, bottom 35, left 28, right 26 mm.
      assert.match(xml, /<w:pgSz[^>]*w:w="11906"[^>]*w:h="16838"/, n.kind);
      const mar = /<w:pgMar ([^>]*)\/>/.exec(xml)?.[1] ?? '';
      assert.match(mar, /w:top="2098"/);
      assert.match(mar, /w:bottom="1984"/);
      assert.match(mar, /w:left="1587"/);
      assert.match(mar, /w:right="1474"/);
      assert.match(xml, /w:eastAsia="仿宋_GB2312"/);
      assert.match(xml, /w:eastAsia="方正小标宋简体"/);
      assert.match(xml, /<w:lang [^>]*w:eastAsia="zh-CN"/);
      assert.match(xml, /<w:sz w:val="32"\/>/, '仿宋 3号 = 16 pt');
      assert.match(xml, /<w:sz w:val="44"\/>/, '小标宋 2号 = 22 pt');
      assert.match(xml, /w:firstLineChars="200"/, 'first-line indent of 2 characters');
      assert.match(xml, /w:line="579" w:lineRule="exact"/, '28.95 pt lines');
      assert.ok(xml.includes(n.number));
    }
  });

  test('the DOCX opens in LibreOffice and converts to a PDF with Chinese text that renders', async () => {
    const reply = issued.find((n) => n.kind === 'reply.partlyGranted')!;
    const pdf = await convertDocxToPdf(await t.services.notices.render(reply.id, 'docx'));
    assert.equal(pdfPageCount(pdf), 1);
    const text = squash(pdfText(pdf));
    assert.ok(text.includes(squash(reply.title)));
    assert.ok(text.includes('第三十七条'));
    assert.ok(text.includes('申请行政复议'));
    const pngs = pdfToPngs(pdf);
    assert.equal(pngs.length, 1);
    assert.ok(isPng(pngs[0]!));
    assert.ok(pdfInkRatios(pdf)[0]! > 0.003);
  });

  test('a long letter runs over pages, each numbered and inked', async () => {
    const paragraphs = Array.from({ length: 40 }, (_, i) => `第${i + 1}段：经审查，您申请获取的政府信息属于公开范围，本机关依法予以提供。`);
    const pdf = await officialLetterPdf({
      title: '政府信息公开申请答复书', number: '测试公开〔2026〕1号', recipient: '张三', paragraphs, signature: '赣州市自然资源局', date: '2026年11月22日',
      attachments: ['征收补偿安置方案', '征地批复'],
    });
    const pages = pdfPageCount(pdf);
    assert.ok(pages >= 2);
    const text = pdfText(pdf);
    assert.match(text.replace(/\s+/g, ''), /附件：1\.征收补偿安置方案2\.征地批复/);
    assert.match(text, new RegExp(`—\\s*${pages}\\s*—`));
    // The last page may hold only the signature and date: little ink, but never none.
    for (const ratio of pdfInkRatios(pdf)) assert.ok(ratio > 0.0005, `blank page (${ratio})`);
  });

  test('a template preview renders without a number, as text and as files', async () => {
    const preview = await t.services.notices.templates.preview(t.fx.actor('officer'), 'reply.refused');
    assert.match(preview.letter.number, /（样稿）/);
    assert.ok(preview.letter.paragraphs.some((p) => p.includes('申请行政复议')));
    const pdf = await preview.render('pdf');
    assert.ok(squash(pdfText(pdf)).includes('政府信息公开申请答复书'));
    const docx = await preview.render('docx');
    assert.equal(docx.subarray(0, 2).toString(), 'PK');
  });
});
