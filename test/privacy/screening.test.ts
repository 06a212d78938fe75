// Screening before review on a real database: submit → findings → approval blocked → the
// confidentiality reviewer masks or keeps each → approval → the published copy is masked while
// the original stays in the record; decisions audited, the lexicon managed by the sysAdmin.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { idCardCheckChar } from '../../src/core/text/identifiers.ts';
import { advanceTo, createColumn, draftInput } from '../factories.ts';
import { sampleDocx } from '../helpers/sample-files.ts';
import { useServiceFixture } from '../helpers/service-fixture.ts';

let columnId: string;
const ID = '32068419800101123' + idCardCheckChar('32068419800101123');

const t = useServiceFixture({
  setup: async ({ services, fx }) => {
    columnId = (await createColumn(services, fx)).id;
  },
});

async function rejects(p: Promise<unknown>, status: number, code: string) {
  await assert.rejects(p, (err: { status?: number; code?: string }) => err.status === status && err.code === code);
}

const body = `<p>被征收人：王建国，身份证号：${ID}，联系电话：13812345678。</p><p>本公告为内 部 资 料的公开版本。</p>`;

describe('screening before review', () => {
  test('submit scans the body and attachments; approval waits until every finding is decided', async () => {
    await t.services.privacy.addWord(t.fx.actor('sysAdmin'), { word: '内部资料', category: '涉密' });
    const draft = await t.services.catalog.createDraft(t.fx.actor('drafter'), draftInput(columnId, { bodyHtml: body }));
    await t.services.catalog.addAttachment(t.fx.actor('drafter'), draft.id, { filename: '名单.docx', bytes: sampleDocx({ paragraphs: ['户主：李秀英，电话13912345678'] }) });
    await advanceTo(t.services, t.fx, draft.id, 'confidentialityReview');
    const reviewer = t.fx.actor('confidentialityReviewer');
    const findings = await t.services.privacy.findingsOf(reviewer, draft.id);
    const bodyFindings = findings.filter((f) => f.subjectType === 'item');
    assert.deepEqual(bodyFindings.map((f) => [f.type, f.text]), [['name', '王建国'], ['idCard', ID], ['mobile', '13812345678'], ['sensitiveWord', '内 部 资 料']]);
    assert.ok(findings.every((f) => f.decision === 'pending'));

    await rejects(t.services.review.act(reviewer, draft.id, 'approve', { opinion: '同意', basis: '' }), 422, 'PRIVACY_FINDINGS_PENDING');
    await rejects(t.services.privacy.decide(t.fx.actor('drafter'), findings[0]!.id, { decision: 'masked' }), 403, 'FORBIDDEN');
    await rejects(t.services.privacy.decide(reviewer, findings[0]!.id, { decision: 'kept', reason: ' ' }), 422, 'VALIDATION_FAILED');

    const name = bodyFindings[0]!;
    await t.services.privacy.decide(reviewer, name.id, { decision: 'kept', reason: '惩戒公示，依法公开当事人姓名' });
    for (const f of findings.filter((x) => x.id !== name.id)) await t.services.privacy.decide(reviewer, f.id, { decision: 'masked' });
    // Masking a finding in an attachment takes redacting the file itself before approval.
    await rejects(t.services.review.act(reviewer, draft.id, 'approve', { opinion: '同意', basis: '' }), 422, 'ATTACHMENT_REDACTION_PENDING');
    const attachment = (await t.services.catalog.getForStaff(reviewer, draft.id)).attachments[0]!;
    for (const text of ['李秀英', '13912345678']) await t.services.redaction.acceptText(reviewer, draft.id, attachment.id, { text, reason: 'thirdPartyRights' });
    await t.services.redaction.apply(reviewer, draft.id, attachment.id);
    await advanceTo(t.services, t.fx, draft.id, 'published');

    const published = await t.services.catalog.getPublished(draft.id);
    assert.ok(published);
    assert.match(published.bodyHtml, /王建国/, 'kept with a reason');
    assert.ok(!published.bodyHtml.includes(ID) && published.bodyHtml.includes('3206**********'));
    assert.ok(published.bodyHtml.includes('138****5678') && !published.bodyText.includes('13812345678'));
    assert.ok(!published.bodyText.includes('资 料') && published.bodyText.includes('本公告为* * * *的'));
    const original = await t.services.catalog.getForStaff(t.fx.actor('officer'), draft.id);
    assert.ok(original.bodyHtml.includes(ID) && original.bodyHtml.includes('13812345678'), 'the record keeps the original');

    const search = await t.services.database.db.selectFrom('searchDocuments').selectAll().where('itemId', '=', draft.id).execute();
    const indexed = JSON.stringify(search);
    assert.ok(!indexed.includes('13812345678') && !indexed.includes('13912345678') && !indexed.includes(ID), 'the search index holds the masked copy');

    const audit = await t.services.database.db.selectFrom('auditEvents').select(['action', 'summary']).where('subjectId', '=', draft.id).execute();
    const actions = audit.map((a) => a.action);
    assert.ok(actions.includes('privacy.screened') && actions.includes('privacy.finding.kept') && actions.includes('privacy.finding.masked'));
    assert.ok(!JSON.stringify(audit).includes('13812345678') && !JSON.stringify(audit).includes(ID), 'the audit log never carries the personal data');
    const stored = await t.services.database.db.selectFrom('privacyFindings').select('textEnc').where('itemId', '=', draft.id).execute();
    assert.ok(stored.every((r) => !r.textEnc.includes('1381234')), 'finding text is stored encrypted');

    // An office revision of the published item keeps the masks in the public copy.
    const revisedBody = body.replace('</p><p>', '</p><p>补偿款已发放，联系电话13812345678。</p><p>');
    await t.services.catalog.revise(t.fx.actor('officer'), draft.id, draftInput(columnId, { bodyHtml: revisedBody }), '补充发放情况');
    const revised = (await t.services.catalog.getPublished(draft.id))!;
    assert.ok(revised.bodyText.includes('补偿款已发放，联系电话138****5678'), revised.bodyText);
    assert.ok(!revised.bodyHtml.includes('13812345678') && !revised.bodyHtml.includes(ID));
  });

  test('a clean item passes without findings; decisions are only possible in the confidentiality step', async () => {
    const draft = await t.services.catalog.createDraft(t.fx.actor('drafter'), draftInput(columnId));
    await advanceTo(t.services, t.fx, draft.id, 'confidentialityReview');
    assert.deepEqual(await t.services.privacy.findingsOf(t.fx.actor('confidentialityReviewer'), draft.id), []);
    await t.services.review.act(t.fx.actor('confidentialityReviewer'), draft.id, 'approve', { opinion: '同意', basis: '' });

    const other = await t.services.catalog.createDraft(t.fx.actor('drafter'), draftInput(columnId, { bodyHtml: body }));
    await advanceTo(t.services, t.fx, other.id, 'departmentReview');
    const [f] = await t.services.privacy.findingsOf(t.fx.actor('departmentHead'), other.id);
    await rejects(t.services.privacy.decide(t.fx.actor('confidentialityReviewer'), f!.id, { decision: 'masked' }), 409, 'ITEM_NOT_IN_CONFIDENTIALITY_REVIEW');
    await rejects(t.services.privacy.findingsOf(t.fx.otherActor('confidentialityReviewer'), other.id), 404, 'NOT_FOUND');
  });

  test('the lexicon is the sysAdmin’s; duplicates in another form are refused; removal is audited', async () => {
    await rejects(t.services.privacy.addWord(t.fx.actor('officer'), { word: '赌博', category: '违法' }), 403, 'FORBIDDEN');
    const w = await t.services.privacy.addWord(t.fx.actor('sysAdmin'), { word: '赌博', category: '违法' });
    await rejects(t.services.privacy.addWord(t.fx.actor('sysAdmin'), { word: '赌 博', category: '违法' }), 409, 'WORD_EXISTS');
    assert.ok((await t.services.privacy.listWords(t.fx.actor('sysAdmin'))).some((x) => x.word === '赌博'));
    await t.services.privacy.removeWord(t.fx.actor('sysAdmin'), w.id);
    assert.ok(!(await t.services.privacy.listWords(t.fx.actor('sysAdmin'))).some((x) => x.word === '赌博'));
    const events = await t.services.database.db.selectFrom('auditEvents').select('action').where('subjectId', '=', w.id).execute();
    assert.deepEqual(events.map((e) => e.action).sort(), ['lexicon.add', 'lexicon.remove']);
  });
});
