// Assessment figures and scores for September 2025 on a real database with known data; the
// scoring rule saved and audited; the XLSX read back. Today is 2025-09-26 (Beijing).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { newId } from '../../src/core/ids.ts';
import { createColumn, createFixture, type Fixture } from '../factories.ts';
import { createTestServices, type TestServices } from '../helpers/test-services.ts';
import { insertEvent, insertItem, insertRequest } from './report-data.ts';
import { assessmentWorkbook, ASSESSMENT_COLUMNS } from '../../src/modules/reports/index.ts';

describe('assessment', () => {
  let services: TestServices;
  let fx: Fixture;

  async function review(itemId: string, conclusion: 'submitted' | 'sentBack', at: string) {
    await services.database.db.insertInto('reviewRecords').values({
      id: newId(), itemId, agencyId: fx.agency.id, step: 'departmentReview', conclusion, opinion: '', basis: '', reviewerId: fx.users.departmentHead.id,
      reviewerName: '李科长', itemTitle: '', itemDocNumber: '', itemSummary: '', at,
    }).execute();
  }
  async function reminder(departmentId: string, kind: string, uniqueKey: string, createdAt: string, readAt: string | null) {
    await services.database.db.insertInto('notifications').values({
      id: newId(), uniqueKey, agencyId: fx.agency.id, departmentId, userId: null, subjectType: 'request', subjectId: 'x', kind, title: '提醒', body: '',
      createdAt, readAt,
    }).execute();
  }

  before(async () => {
    services = await createTestServices();
    fx = await createFixture(services);
    const a = fx.agency.id;
    const { planning, farmland } = fx.departments;
    const column = await createColumn(services, fx, '通知公告');
    const item = (dept: string, fields: Parameters<typeof insertItem>[4]) => insertItem(services, a, column.id, dept, { status: 'published', ...fields });
    const late = await item(planning.id, { publishedOn: '2025-09-10', publishDueOn: '2025-09-05' });
    await item(planning.id, { publishedOn: '2025-09-03', publishDueOn: '2025-09-05' });
    await item(planning.id, { publishedOn: '2025-08-20', publishDueOn: '2025-08-01' }); // before the period
    await item(farmland.id, { publishedOn: '2025-09-15' });

    const reply = async (dept: string, replyDueOn: string, approvedAt: string) => {
      const r = await insertRequest(services, a, { status: 'approved', replyDueOn, leadDepartmentId: dept });
      await insertEvent(services, r.id, 'approve', approvedAt);
      return r;
    };
    await reply(planning.id, '2025-09-10', '2025-09-10T15:59:00.000Z'); // 23:59 on the due day: on time
    const lateReply = await reply(planning.id, '2025-09-10', '2025-09-10T16:00:00.000Z'); // 00:00 the next day: late
    await reply(planning.id, '2025-09-05', '2025-08-31T16:30:00.000Z'); // 1 September in Beijing: in the period
    await reply(planning.id, '2025-08-05', '2025-08-30T01:00:00.000Z'); // August: not in the period
    await reply(farmland.id, '2025-09-30', '2025-09-20T02:00:00.000Z');
    await insertEvent(services, lateReply.id, 'submitReply', '2025-09-08T02:00:00.000Z');
    await insertEvent(services, lateReply.id, 'returnReply', '2025-09-09T02:00:00.000Z');
    await insertEvent(services, lateReply.id, 'submitReply', '2025-09-10T02:00:00.000Z');
    await insertEvent(services, lateReply.id, 'submitReply', '2025-09-10T08:00:00.000Z');

    for (const at of ['2025-09-01T01:00:00.000Z', '2025-09-02T01:00:00.000Z', '2025-09-03T01:00:00.000Z', '2025-09-04T01:00:00.000Z']) await review(late.id, 'submitted', at);
    await review(late.id, 'sentBack', '2025-09-02T05:00:00.000Z');
    await review(late.id, 'sentBack', '2025-08-02T05:00:00.000Z'); // August

    await reminder(planning.id, 'reminder.reply.3', 'R1:reply:2025-09-12:3@P', '2025-09-09T00:00:00.000Z', '2025-09-09T03:00:00.000Z'); // read in time
    await reminder(planning.id, 'reminder.reply.1', 'R2:reply:2025-09-20:1@P', '2025-09-19T00:00:00.000Z', null); // ignored
    await reminder(planning.id, 'reminder.reply.5', 'R3:reply:2025-09-29:5@P', '2025-09-22T00:00:00.000Z', null); // not judged yet
    await reminder(farmland.id, 'reminder.reply.overdue', 'R4:reply:2025-09-15:overdue@F', '2025-09-16T00:00:00.000Z', '2025-09-17T02:00:00.000Z'); // read a day late
  });
  after(async () => services.cleanup());

  test('figures and scores per department under the default rule', async () => {
    const result = await services.assessment.assess(fx.actor('leader'), { period: '2025-09' });
    assert.equal(result.rule.isDefault, true);
    const by = Object.fromEntries(result.departments.map((d) => [d.departmentName, d]));
    const p = by['国土空间规划科'];
    assert.deepEqual(
      [p.itemsPublished, p.itemsLate, p.repliesApproved, p.repliesLate, p.remindersSent, p.remindersIgnored, p.reviewSubmissions, p.reviewSendBacks, p.replySubmissions, p.replyReturns],
      [2, 1, 3, 1, 3, 1, 4, 1, 3, 1],
    );
    // 2 (late item) + 5 (late reply) + 1 (ignored) + 2 (25% send-backs) + 3 (33% returns) = 13
    assert.deepEqual([p.sentBackRate, p.deductions, p.score], [0.25, 13, 87]);
    const f = by['耕地保护科'];
    assert.deepEqual([f.itemsPublished, f.itemsLate, f.repliesApproved, f.repliesLate, f.remindersIgnored, f.score], [1, 0, 1, 0, 1, 99]);
    assert.equal(by['办公室'].score, 100);
  });

  test('the office saves its own rule (audited); others may not; the score follows it', async () => {
    const input = { baseScore: '100', perLateItem: '1', perLateReply: '10', perIgnoredReminder: '0.5', perTenPercentSentBack: '0', perTenPercentReturned: '0' };
    await assert.rejects(services.assessment.saveRule(fx.actor('leader'), input), { status: 403 });
    await assert.rejects(services.assessment.saveRule(fx.actor('officer'), { ...input, perLateReply: '-1' }), { status: 422 });
    await services.assessment.saveRule(fx.actor('officer'), input);
    const audit = await services.database.db.selectFrom('auditEvents').selectAll().where('action', '=', 'assessment.rule.save').execute();
    assert.equal(audit.length, 1);
    const result = await services.assessment.assess(fx.actor('officer'), { period: '2025-09' });
    assert.equal(result.rule.isDefault, false);
    assert.equal(result.departments.find((d) => d.departmentName === '国土空间规划科')!.score, 88.5); // 100 − 1 − 10 − 0.5
  });

  test('quarter and year periods include September; August-only figures appear in the year', async () => {
    const q = await services.assessment.assess(fx.actor('officer'), { period: '2025-Q3' });
    const p = q.departments.find((d) => d.departmentName === '国土空间规划科')!;
    assert.deepEqual([p.itemsPublished, p.itemsLate, p.repliesApproved, p.reviewSendBacks], [3, 2, 4, 2]);
    await assert.rejects(services.assessment.assess(fx.actor('officer'), { period: '2025-13' }), { status: 422 });
    await assert.rejects(services.assessment.assess(fx.actor('drafter'), { period: '2025' }), { status: 403 });
  });

  test('the XLSX holds a row per department with its figures and score', async () => {
    const result = await services.assessment.assess(fx.actor('officer'), { period: '2025-09' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await assessmentWorkbook(result) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('考核')!;
    assert.deepEqual((ws.getRow(2).values as unknown[]).slice(1), [...ASSESSMENT_COLUMNS]);
    const rows = [3, 4, 5].map((i) => (ws.getRow(i).values as unknown[]).slice(1));
    const planning = rows.find((r) => r[0] === '国土空间规划科')!;
    assert.deepEqual(planning, ['国土空间规划科', 2, 1, 3, 1, 3, 1, 4, 1, '25%', 3, 1, '33.3%', 11.5, 88.5]);
    assert.match(String(ws.getRow(7).getCell(1).value), /每件逾期答复扣 10 分/);
  });
});
