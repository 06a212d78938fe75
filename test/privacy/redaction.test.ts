// Real redaction: the removed strings are gone from the published copy (text extraction with
// MuPDF and with pdf.js, and MuPDF's text search), the rest remains, metadata is cleared; DOCX
// runs lose the marked text; the service keeps the original, logs each area with its legal
// ground (masked preview), audits, and only the right reviewer at the right step may redact.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import mammoth from 'mammoth';
import { extractPdfText } from '../../src/modules/catalog/index.ts';
import { redactDocx } from '../../src/modules/privacy/redaction.docx.ts';
import { findTextAreas, loadMupdf, pdfPageTexts, redactPdf } from '../../src/modules/privacy/redaction.pdf.ts';
import { advanceTo, createColumn, draftInput } from '../factories.ts';
import { useServiceFixture } from '../helpers/service-fixture.ts';
import { chineseDocx, chinesePdf, ID_NUMBER, MOBILE, NAME, NOTICE_LINES } from './redaction.fixtures.ts';

const KEPT = '补偿金额按区片综合地价执行';

async function pdfFacts(bytes: Buffer) {
  const mupdf = await loadMupdf();
  const doc = mupdf.Document.openDocument(bytes, 'application/pdf').asPDF()!;
  const searchHits = (s: string) => doc.loadPage(0).search(s, {}).length;
  const facts = {
    title: doc.getMetaData('info:Title') ?? '', author: doc.getMetaData('info:Author') ?? '', subject: doc.getMetaData('info:Subject') ?? '',
    keywords: doc.getMetaData('info:Keywords') ?? '',
    hasXmp: !doc.getTrailer().get('Root').get('Metadata').isNull(),
    nameHits: searchHits(NAME), idHits: searchHits(ID_NUMBER), keptHits: searchHits(KEPT),
    // Every stream decompressed: the UTF-16 codes of the removed text must not be anywhere in the file.
    raw: Buffer.from(doc.saveToBuffer('decompress').asUint8Array()).toString('latin1'),
  };
  doc.destroy();
  return facts;
}
const ucs2Hex = (s: string) => [...s].map((c) => c.codePointAt(0)!.toString(16).padStart(4, '0')).join('');

describe('PDF redaction with MuPDF', () => {
  test('the name and ID number are removed from the text layer; the rest and the other data remain; metadata is cleared', async () => {
    const original = await chinesePdf([NOTICE_LINES]);
    const before = await pdfFacts(original);
    assert.equal(before.author, NAME);
    assert.equal(before.hasXmp, true);
    assert.equal(before.nameHits, 1);
    assert.ok(before.raw.toLowerCase().includes(ucs2Hex(NAME)));

    const areas = [...(await findTextAreas(original, NAME)), ...(await findTextAreas(original, ID_NUMBER))];
    assert.equal(areas.length, 2);
    const redacted = await redactPdf(original, areas);

    const viaMupdf = (await pdfPageTexts(redacted)).join('\n');
    const viaPdfjs = await extractPdfText(redacted);
    for (const text of [viaMupdf, viaPdfjs]) {
      assert.ok(!text.includes(NAME), text);
      assert.ok(!text.includes(ID_NUMBER), text);
      assert.ok(!text.includes('王'), text);
      assert.ok(!text.includes('19800101'), text);
      assert.ok(text.includes(KEPT), text);
      assert.ok(text.includes('被征收人'), text);
      assert.ok(text.includes(MOBILE), text);
    }
    const after = await pdfFacts(redacted);
    assert.deepEqual([after.title, after.author, after.subject, after.keywords, after.hasXmp], ['', '', '', '', false]);
    assert.deepEqual([after.nameHits, after.idHits, after.keptHits], [0, 0, 1]);
    assert.ok(!after.raw.toLowerCase().includes(ucs2Hex(NAME)));
    assert.ok(!after.raw.toLowerCase().includes(ucs2Hex(ID_NUMBER)));
    assert.ok(!after.raw.includes(NAME));
  });

  test('an area on page 2 only touches page 2; an area outside the page count is refused', async () => {
    const original = await chinesePdf([NOTICE_LINES, NOTICE_LINES]);
    const onPage2 = (await findTextAreas(original, NAME)).filter((a) => a.page === 2);
    assert.equal(onPage2.length, 1);
    const pages = await pdfPageTexts(await redactPdf(original, onPage2));
    assert.ok(pages[0]!.includes(NAME));
    assert.ok(!pages[1]!.includes(NAME));
    await assert.rejects(redactPdf(original, [{ page: 3, rect: [0, 0, 10, 10] }]), RangeError);
  });
});

describe('DOCX redaction', () => {
  test('removes the marked text from the runs (also when split across runs) and clears the properties', async () => {
    const original = chineseDocx();
    assert.ok((await mammoth.extractRawText({ buffer: original })).value.includes(NAME));
    const { bytes, removed } = await redactDocx(original, [NAME, ID_NUMBER]);
    assert.equal(removed, 2);
    const text = (await mammoth.extractRawText({ buffer: bytes })).value;
    assert.ok(!text.includes(NAME) && !text.includes('小明') && !text.includes(ID_NUMBER), text);
    assert.ok(text.includes('被征收人：■，户主。'), text);
    assert.ok(text.includes(KEPT), text);
    const JSZip = (await import('jszip')).default;
    const core = await (await JSZip.loadAsync(bytes)).file('docProps/core.xml')!.async('string');
    assert.ok(!core.includes(NAME), core);
  });
});

describe('redaction service', () => {
  let itemId: string;
  let attachmentId: string;
  let originalSha: string;

  const t = useServiceFixture({
    setup: async ({ services, fx }) => {
      const column = await createColumn(services, fx, '征地信息');
      const draft = await services.catalog.createDraft(fx.actor('drafter'), draftInput(column.id, { title: '东风村征地补偿登记结果公告' }));
      itemId = draft.id;
      const att = await services.catalog.addAttachment(fx.actor('drafter'), itemId, { filename: '补偿登记表.pdf', bytes: await chinesePdf([NOTICE_LINES]) });
      attachmentId = att.id;
      originalSha = att.sha256;
      await advanceTo(services, fx, itemId, 'confidentialityReview');
    },
  });

  test('findings of the attachment are listed with masked text and their places', async () => {
    const findings = await t.services.redaction.findings(t.fx.actor('confidentialityReviewer'), itemId, attachmentId);
    const id = findings.find((f) => f.type === 'idCard');
    assert.ok(id, JSON.stringify(findings));
    assert.equal(id.masked, '3204**********6334');
    assert.equal(id.areas, 1);
  });

  test('only the confidentiality reviewer may mark areas during 保密审查', async () => {
    await assert.rejects(
      t.services.redaction.acceptText(t.fx.actor('drafter'), itemId, attachmentId, { text: NAME, reason: 'thirdPartyRights' }),
      (err: { status?: number }) => err.status === 403,
    );
    await assert.rejects(
      t.services.redaction.acceptText(t.fx.otherActor('confidentialityReviewer'), itemId, attachmentId, { text: NAME, reason: 'thirdPartyRights' }),
      (err: { status?: number }) => err.status === 403 || err.status === 404,
    );
    await assert.rejects(
      t.services.redaction.acceptText(t.fx.actor('confidentialityReviewer'), itemId, attachmentId, { text: NAME, reason: 'noSuchReason' }),
      (err: { status?: number }) => err.status === 422,
    );
  });

  test('accepting findings and applying makes a redacted copy; the original is kept; the log is masked and audited', async () => {
    const reviewer = t.fx.actor('confidentialityReviewer');
    await t.services.redaction.acceptText(reviewer, itemId, attachmentId, { text: NAME, type: 'name', reason: 'thirdPartyRights' });
    await t.services.redaction.acceptText(reviewer, itemId, attachmentId, { text: ID_NUMBER, type: 'idCard', reason: 'thirdPartyRights' });
    const extra = await t.services.redaction.addArea(reviewer, itemId, attachmentId, { page: 1, x: 0, y: 700, width: 100, height: 20, reason: 'internalAffairs' });
    await t.services.redaction.removeArea(reviewer, itemId, attachmentId, extra[0]!);
    const copy = await t.services.redaction.apply(reviewer, itemId, attachmentId);
    assert.equal(copy.areaCount, 2);
    assert.notEqual(copy.sha256, originalSha);

    const original = await t.services.catalog.getAttachmentForStaff(reviewer, attachmentId);
    assert.equal(original.info.sha256, originalSha);
    assert.ok((await extractPdfText(original.bytes)).includes(NAME));
    const copyText = await extractPdfText(await t.services.files.get(copy.sha256));
    assert.ok(!copyText.includes(NAME) && !copyText.includes(ID_NUMBER) && copyText.includes(KEPT), copyText);

    const log = await t.services.redaction.log(t.fx.actor('officer'), itemId);
    assert.equal(log.entries.length, 2);
    assert.deepEqual(log.entries.map((e) => e.textPreview).sort(), ['3204**********6334', '王**'].sort());
    assert.ok(log.entries.every((e) => e.reason === 'thirdPartyRights' && e.appliedAt && e.createdByName === t.fx.users.confidentialityReviewer.displayName));
    assert.ok(log.entries.every((e) => e.page === 1 && e.rect[2] > e.rect[0] && e.rect[3] > e.rect[1]));
    assert.equal(log.copies.length, 1);

    const events = await t.services.database.db.selectFrom('auditEvents').select(['action', 'summary']).where('subjectId', '=', attachmentId).orderBy('seq').execute();
    assert.deepEqual(events.map((e) => e.action), ['redaction.textAccepted', 'redaction.textAccepted', 'redaction.areaAdded', 'redaction.areaRemoved', 'redaction.applied']);
    assert.ok(events.every((e) => !e.summary.includes(NAME) && !e.summary.includes(ID_NUMBER)));
  });

  test('page images: the marked original and the redacted copy render as PNG', async () => {
    const reviewer = t.fx.actor('confidentialityReviewer');
    const marked = await t.services.redaction.pageImage(reviewer, itemId, attachmentId, 1, 'marked');
    const redacted = await t.services.redaction.pageImage(reviewer, itemId, attachmentId, 1, 'redacted');
    for (const png of [marked, redacted]) assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    await assert.rejects(t.services.redaction.pageImage(reviewer, itemId, attachmentId, 9, 'marked'), (err: { status?: number }) => err.status === 404);
  });

  test('after publication the public download is the redacted copy and search does not find the removed text', async () => {
    // Screening (the detection side) blocks approval until each finding is decided: mask them all.
    const reviewer = t.fx.actor('confidentialityReviewer');
    for (const f of await t.services.privacy.findingsOf(reviewer, itemId)) await t.services.privacy.decide(reviewer, f.id, { decision: 'masked' });
    await advanceTo(t.services, t.fx, itemId, 'published');
    const published = await t.services.catalog.getPublishedAttachment(attachmentId);
    assert.ok(published);
    assert.notEqual(published.info.sha256, originalSha);
    const text = await extractPdfText(published.bytes);
    assert.ok(!text.includes(NAME) && !text.includes(ID_NUMBER) && text.includes(KEPT), text);
    const byName = await t.services.search.search({ q: NAME, page: 1, pageSize: 10 });
    assert.equal(byName.hits.filter((h) => h.itemId === itemId).length, 0);
    const byKept = await t.services.search.search({ q: '地上附着物', page: 1, pageSize: 10 });
    assert.equal(byKept.hits.filter((h) => h.itemId === itemId).length, 1);
  });
});
