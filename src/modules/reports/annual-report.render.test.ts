// The annual report's documents for known figures in both formats: HTML table structure, the
// DOCX's text (and its LibreOffice conversion), the PDF's text and pixels. Row labels must appear
// character for character as in REGULATION.md (they come from reports.contract.ts).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { knownFigures, table3Value } from '../../../test/helpers/annual-report-figures.ts';
import { defaultNarrative } from './annual-report.narrative.ts';
import { buildReportModel, SECTION_HEADINGS } from './annual-report.render.model.ts';
import { renderAnnualReport } from './annual-report.render.ts';
import { table3Layout, TABLE2_LAYOUT, TABLE3_COLUMNS, TABLE4_COLUMNS, TABLE4_ROW_LABELS, type AnnualReportFigures } from './reports.contract.ts';

const YEARS = [2025, 2020];
let dir: string;
before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-report-')); });
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function labelsOf(f: AnnualReportFigures): string[] {
  return [
    ...SECTION_HEADINGS,
    ...table3Layout(f.format).map((r) => r.label), ...table3Layout(f.format).flatMap((r) => (r.group ? [r.group] : [])),
    '三、本年度办理结果', ...TABLE3_COLUMNS, '法人或其他组织',
    ...TABLE2_LAYOUT[f.format].flatMap((s) => [s.section, ...s.rows.map((r) => r.label), ...s.columns.map((c) => c.label)]),
    ...Object.values(TABLE4_ROW_LABELS), ...TABLE4_COLUMNS, '行政诉讼',
  ];
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

function assertLabels(text: string, f: AnnualReportFigures, what: string) {
  const flat = squeeze(text);
  const missing = labelsOf(f).filter((l) => !flat.includes(squeeze(l)));
  assert.deepEqual(missing, [], `${what}: labels missing`);
}

/** Share of dark pixels on a page rendered by pdftoppm (greyscale PGM, P5). */
function darkShare(pdf: string, page: number): number {
  const out = path.join(dir, `p${page}-${path.basename(pdf)}`);
  execFileSync('pdftoppm', ['-gray', '-r', '40', '-f', String(page), '-l', String(page), pdf, out]);
  const file = fs.readdirSync(dir).find((n) => n.startsWith(path.basename(out)) && n.endsWith('.pgm'))!;
  const bytes = fs.readFileSync(path.join(dir, file));
  const header = bytes.toString('latin1', 0, 40).split(/\s+/);
  const [w, h] = [Number(header[1]), Number(header[2])];
  const pixels = bytes.subarray(bytes.length - w * h);
  return pixels.filter((p) => p < 128).length / pixels.length;
}

const pageCount = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())![1]);

for (const year of YEARS) {
  describe(`annual report documents, ${year} (${year <= 2020 ? '2019' : '2021'} format)`, () => {
    const figures = knownFigures({ year });
    const narrative = defaultNarrative(figures, { publishedItems: 321 });

    test('HTML: real tables with the official merged cells and every label', async () => {
      const html = (await renderAnnualReport(figures, narrative, 'html')).bytes.toString('utf8');
      assertLabels(html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"'), figures, 'HTML');
      const tables = html.split('<table').slice(1);
      assert.equal(tables.length, 3);
      const t3 = tables[1];
      const bodyRows = t3.split('<tbody>')[1].split('<tr>').length - 1;
      assert.equal(bodyRows, figures.format === '2021' ? 25 : 23);
      assert.match(t3, new RegExp(`<th scope="rowgroup" rowspan="${figures.format === '2021' ? 22 : 20}">三、本年度办理结果</th>`));
      assert.match(t3, /<th scope="rowgroup" rowspan="8">（三）不予公开<\/th>/);
      assert.match(t3, /<th scope="colgroup" colspan="5">法人或其他组织<\/th>/);
      assert.match(t3, /<th scope="col" rowspan="2">自然人<\/th>/);
      // The first body row: 一、本年新收 spans the three label columns, then its seven numbers.
      const first = t3.split('<tbody>')[1].split('</tr>')[0];
      const cells = [...first.matchAll(/<td[^>]*>(\d*)<\/td>/g)].map((m) => Number(m[1]));
      assert.deepEqual(cells.slice(0, 6), [0, 1, 2, 3, 4, 5].map((j) => table3Value(0, j)));
      assert.match(tables[2], /<th scope="colgroup" colspan="5" rowspan="2">行政复议<\/th>/);
      assert.equal([...tables[2].matchAll(/<td class="num">/g)].length, 15);
      assert.ok(!/style=/.test(html), 'no inline styles (CSP)');
      assert.ok(html.indexOf('一、总体情况') < html.indexOf('二、主动公开') && html.indexOf('五、存在') < html.indexOf('六、其他'));
      assert.match(html, /全年收取信息处理费123\.45元/);
    });

    test('DOCX: every label in word/document.xml; LibreOffice converts it to a PDF with the labels', async () => {
      const docx = await renderAnnualReport(figures, narrative, 'docx');
      const zip = await JSZip.loadAsync(docx.bytes);
      const xml = await zip.file('word/document.xml')!.async('string');
      const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
      assertLabels(text, figures, 'DOCX');
      assert.match(xml, /<w:vMerge w:val="restart"\/>/);
      assert.match(xml, /<w:gridSpan w:val="5"\/>/);
      assert.match(xml, /w:orient="landscape"/);
      const file = path.join(dir, `report-${year}.docx`);
      fs.writeFileSync(file, docx.bytes);
      execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'ignore', timeout: 120_000 });
      const pdf = file.replace(/\.docx$/, '.pdf');
      assertLabels(execFileSync('pdftotext', ['-raw', pdf, '-']).toString(), figures, 'DOCX → PDF');
      assert.ok(darkShare(pdf, 1) > 0.002, 'first page of the converted DOCX is not blank');
    });

    test('PDF: text extraction has every label; every page renders with ink', async () => {
      const rendered = await renderAnnualReport(figures, narrative, 'pdf');
      const file = path.join(dir, `ours-${year}.pdf`);
      fs.writeFileSync(file, rendered.bytes);
      assertLabels(execFileSync('pdftotext', ['-raw', file, '-']).toString(), figures, 'PDF');
      const pages = pageCount(file);
      assert.ok(pages >= 3);
      for (let p = 1; p <= pages; p++) assert.ok(darkShare(file, p) > 0.002, `page ${p} is not blank`);
      assert.match(execFileSync('pdfinfo', ['-f', '1', '-l', String(pages), file]).toString(), /841\.\d+ x 595\.\d+ pts/, 'a landscape page for table 四');
    });

    test('the model lists sections 一…六 in order', () => {
      const model = buildReportModel(figures, narrative);
      assert.deepEqual(model.sections.map((s) => s.heading), [...SECTION_HEADINGS]);
      assert.equal(model.title, `赣州市自然资源局${year}年政府信息公开工作年度报告`);
    });
  });
}
