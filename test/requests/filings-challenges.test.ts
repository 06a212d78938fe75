// Quarterly withholding filings generated from real replies (refused items of two requests, one
// partly granted), reviewed, exported (XLSX read back, DOCX text checked) and filed; and the
// challenge records (行政复议 / 行政诉讼) with their validation and table 四's counting rule.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { AppError } from '../../src/core/errors.ts';
import { convertDocxToPdf } from '../../src/core/documents/libreoffice.ts';
import { pdfInkRatios, pdfText } from '../helpers/documents.ts';
import { FakeClock } from '../../src/core/time/clock.ts';
import { table4Column, type ChallengeInput, type ReplyDraftInput } from '../../src/modules/requests/index.ts';
import { useServiceFixture } from '../helpers/service-fixture.ts';
import { online, setDay } from './request-helpers.ts';

const clock = new FakeClock('2026-07-06T02:00:00Z');
const t = useServiceFixture({ clock });

const office = () => t.fx.actor('officer');
const drafter = () => t.fx.actor('drafter');
const rejects = (code: string) => (err: unknown) => err instanceof AppError && err.code === code;

async function replied(on: string, applicantName: string, draft: ReplyDraftInput) {
  setDay(clock, on);
  const { requestId } = await t.services.requests.apply(online(t.fx.agency.id, { applicantName }), '203.0.113.9');
  await t.services.requests.act(office(), requestId, 'accept', { note: '' });
  await t.services.requests.act(office(), requestId, 'assign', { note: '', departmentIds: [t.fx.departments.planning.id] });
  await t.services.requests.act(drafter(), requestId, 'startDrafting', { note: '' });
  await t.services.requests.replies.saveDraft(drafter(), requestId, draft);
  await t.services.requests.act(drafter(), requestId, 'submitReply', { note: '请审核' });
  await t.services.requests.act(office(), requestId, 'approve', { note: '' });
  return requestId;
}

/** A request replied in July (set by the filings suite, which runs first). */
let answered = '';

describe('withholding filings', () => {
  let partly = '';
  let refused = '';
  let whole = '';

  before(async () => {
    partly = await replied('2026-07-08', '李四', {
      opinion: '',
      items: [
        { description: '沙河镇征收补偿安置方案', replyType: 'disclosed' },
        { description: '被征收户个人补偿明细', replyType: 'notDisclosed', decision: 'refused:thirdPartyRights', explanation: '涉及第三方个人隐私', docNumber: '章征〔2026〕5号' },
        { description: '征收工作内部会议纪要', replyType: 'notDisclosed', decision: 'refused:processInformation', explanation: '属于过程性信息' },
      ],
    });
    answered = partly;
    refused = await replied('2026-08-03', '王五', {
      opinion: '',
      items: [{ description: '国土空间规划涉密图件', replyType: 'notDisclosed', decision: 'refused:stateSecret', explanation: '属于国家秘密' }],
    });
    // A request recorded as refused without reply items (an imported ledger entry) counts as one row.
    setDay(clock, '2026-09-10');
    const { requestId: ledger } = await t.services.requests.apply(online(t.fx.agency.id, { applicantName: '钱七', infoTitle: '内部人事考核办法', infoDocNumber: '赣自然资人〔2026〕2号' }), '203.0.113.9');
    await t.services.database.db.updateTable('requests').set({ status: 'closed', outcome: 'refused', outcomeReason: 'internalAffairs', closedOn: '2026-09-10' }).where('id', '=', ledger).execute();
    whole = ledger;
    // A refusal in the next quarter is not in the third quarter's filing.
    await replied('2026-10-09', '赵六', {
      opinion: '', items: [{ description: '执法案卷', replyType: 'notDisclosed', decision: 'refused:enforcementFile', explanation: '行政执法案卷' }],
    });
  });

  test('generation takes every refused item of the quarter, regenerating keeps entered levels', async () => {
    setDay(clock, '2026-10-12');
    const f = await t.services.requests.filings.generate(office(), { year: 2026, quarter: 3 });
    assert.equal(f.status, 'draft');
    assert.deepEqual(f.rows.map((r) => [r.requestId, r.description, r.reason, r.applicantNameMasked]), [
      [partly, '被征收户个人补偿明细', 'thirdPartyRights', '李*'],
      [partly, '征收工作内部会议纪要', 'processInformation', '李*'],
      [refused, '国土空间规划涉密图件', 'stateSecret', '王*'],
      [whole, '内部人事考核办法', 'internalAffairs', '钱*'],
    ]);
    assert.equal(f.rows[0].docNumber, '章征〔2026〕5号');
    assert.deepEqual(f.rows.map((r) => r.repliedOn), ['2026-07-08', '2026-07-08', '2026-08-03', '2026-09-10']);
    assert.equal(f.rows[3].docNumber, '赣自然资人〔2026〕2号');

    await assert.rejects(t.services.requests.filings.reviewRow(drafter(), f.id, f.rows[0].id, { classificationLevel: 'unclassified' }), rejects('FORBIDDEN'));
    await assert.rejects(t.services.requests.filings.reviewRow(t.fx.actor('confidentialityReviewer'), f.id, f.rows[0].id, { classificationLevel: '绝密' }), rejects('VALIDATION_FAILED'));
    await t.services.requests.filings.reviewRow(t.fx.actor('confidentialityReviewer'), f.id, f.rows[2].id, { classificationLevel: 'secret', confidentialityOpinion: '经审查属于国家秘密，同意不予公开' });
    await assert.rejects(t.services.requests.filings.markFiled(office(), f.id, { filedOn: '2026-10-12', filedTo: '赣州市保密局' }), rejects('FILING_NOT_REVIEWED'));

    const again = await t.services.requests.filings.generate(office(), { year: 2026, quarter: 3 });
    assert.equal(again.id, f.id);
    assert.equal(again.rows.length, 4);
    assert.deepEqual([again.rows[2].classificationLevel, again.rows[2].confidentialityOpinion], ['secret', '经审查属于国家秘密，同意不予公开']);
    assert.equal((await t.services.requests.filings.list(office())).length, 1);
  });

  test('exports: XLSX read back, DOCX carries the title and full names; then filed and frozen', async () => {
    setDay(clock, '2026-10-12');
    const f = (await t.services.requests.filings.list(office()))[0];
    const xlsx = await t.services.requests.filings.export(office(), f.id, 'xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    assert.equal(sheet.getCell(1, 1).value, '赣州市自然资源局2026年第三季度不予公开政府信息备案表');
    assert.equal(sheet.getCell(2, 2).value, '申请人');
    assert.equal(sheet.getCell(3, 2).value, '李四');
    assert.equal(sheet.getCell(5, 6).value, '机密');
    assert.match(String(sheet.getCell(5, 7).value), /属于国家秘密（《中华人民共和国政府信息公开条例》第十四条）/);

    const docx = await t.services.requests.filings.export(office(), f.id, 'docx');
    const xml = await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')!.async('string');
    assert.match(xml, /赣州市自然资源局2026年第三季度不予公开政府信息备案表/);
    assert.match(xml, /王五/);
    assert.match(xml, /w:orient="landscape"/);
    // LibreOffice opens it and prints it on a landscape page with the Chinese text.
    const pdf = await convertDocxToPdf(docx.bytes);
    assert.match(pdfText(pdf).replace(/\s+/g, ''), /2026年第三季度不予公开政府信息备案表/);
    assert.ok(pdfInkRatios(pdf)[0] > 0);

    for (const row of (await t.services.requests.filings.get(office(), f.id)).rows)
      if (!row.classificationLevel) await t.services.requests.filings.reviewRow(office(), f.id, row.id, { classificationLevel: 'unclassified' });
    const filed = await t.services.requests.filings.markFiled(office(), f.id, { filedOn: '2026-10-12', filedTo: '赣州市保密局' });
    assert.deepEqual([filed.status, filed.filedOn, filed.filedTo], ['filed', '2026-10-12', '赣州市保密局']);
    await assert.rejects(t.services.requests.filings.generate(office(), { year: 2026, quarter: 3 }), rejects('FILING_ALREADY_FILED'));
    await assert.rejects(t.services.requests.filings.get(t.fx.otherActor('officer'), f.id), rejects('NOT_FOUND'));
    const audit = await t.services.database.db.selectFrom('auditEvents').select('action').where('subjectId', '=', f.id).execute();
    assert.deepEqual([...new Set(audit.map((a) => a.action))].sort(), ['filing.generate', 'filing.markFiled', 'filing.reviewRow']);
  });
});

describe('challenges', () => {
  const base = (extra: Partial<ChallengeInput> = {}): ChallengeInput => ({
    kind: 'reconsideration', litigationPath: null, body: '赣州市人民政府', caseNumber: '赣市府复〔2026〕12号', filedOn: '2026-09-01', decidedOn: null, result: 'pending', note: '', ...extra,
  });

  test('validation: litigation path only for litigation, pending iff undecided, decided after filed, replied requests only', async () => {
    setDay(clock, '2026-10-12');
    const requestId = answered;
    const bad: [Partial<ChallengeInput>, string][] = [
      [{ kind: 'litigation' }, 'litigationPath'],
      [{ litigationPath: 'direct' }, 'litigationPath'],
      [{ decidedOn: '2026-09-20' }, 'result'],
      [{ result: 'upheld' }, 'decidedOn'],
      [{ decidedOn: '2026-08-20', result: 'upheld' }, 'decidedOn'],
      [{ body: '' }, 'body'],
      [{ filedOn: '2026-12-01' }, 'filedOn'],
    ];
    for (const [extra, field] of bad)
      await assert.rejects(t.services.requests.challenges.record(office(), requestId, base(extra)), (e: unknown) => e instanceof AppError && e.fields.some((f) => f.field === field), field);

    setDay(clock, '2026-10-12');
    const { requestId: unanswered } = await t.services.requests.apply(online(t.fx.agency.id), '203.0.113.9');
    await assert.rejects(t.services.requests.challenges.record(office(), unanswered, base({ filedOn: '2026-10-12' })), rejects('REQUEST_NOT_ANSWERED'));
    await assert.rejects(t.services.requests.challenges.record(drafter(), requestId, base()), rejects('FORBIDDEN'));
    await assert.rejects(t.services.requests.challenges.record(t.fx.otherActor('officer'), requestId, base()), rejects('NOT_FOUND'));

    const c = await t.services.requests.challenges.record(office(), requestId, base());
    assert.equal(c.result, 'pending');
    const lit = await t.services.requests.challenges.record(office(), requestId, base({ kind: 'litigation', litigationPath: 'afterReconsideration', body: '章贡区人民法院', filedOn: '2026-09-15' }));
    const decided = await t.services.requests.challenges.decide(office(), c.id, { decidedOn: '2026-10-10', result: 'upheld', caseNumber: c.caseNumber, note: '维持原答复' });
    assert.deepEqual([decided.result, decided.decidedOn], ['upheld', '2026-10-10']);
    await assert.rejects(t.services.requests.challenges.decide(office(), lit.id, { decidedOn: '2026-09-01', result: 'corrected' }), rejects('VALIDATION_FAILED'));
    assert.equal((await t.services.requests.challenges.listForRequest(office(), requestId)).length, 2);
    assert.equal((await t.services.requests.challenges.listForAgency(t.fx.actor('leader'), 2026)).length, 2);
    assert.equal((await t.services.requests.challenges.listForAgency(office(), 2025)).length, 0);
  });

  test("table 四's rule: counted in the year filed; result only if decided by 31 December", () => {
    const c = { filedOn: '2026-11-20', decidedOn: '2027-01-15', result: 'corrected' as const };
    assert.equal(table4Column(c, 2026), 'pending');
    assert.equal(table4Column(c, 2027), null);
    assert.equal(table4Column({ ...c, decidedOn: '2026-12-31' }, 2026), 'corrected');
  });
});
