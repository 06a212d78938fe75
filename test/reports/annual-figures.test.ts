// Every cell of tables 二, 三 and 四 for a year of known data, in both formats (2025 → 2021
// format; 2020 → 2019 format), the checks with a broken request, and the roll-up.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { FakeClock } from '../../src/core/time/clock.ts';
import { get } from '../helpers/http.ts';
import { useHttpFixture } from '../helpers/http-fixture.ts';
import type { AnnualReportFigures, ReportRow } from '../../src/modules/reports/index.ts';
import { buildMainYear, importCsv } from './annual-ledger-data.ts';

// The console roll-up test signs in over HTTP; the others call the services.
const t = useHttpFixture({
  clock: new FakeClock('2026-01-20T02:00:00Z'),
  setup: async ({ services, fx }) => {
    await buildMainYear(services, fx);
  },
});

const table = (rows: ReportRow[]) => rows.map((r) => [r.group ? `${r.group} ${r.label}` : r.label, ...r.values]);

describe('annual report figures, 2021 format (2025)', () => {
  let f: AnnualReportFigures;
  before(async () => {
    f = await t.services.reportFigures.computeAnnualReport({ agencyId: t.fx.agency.id, year: 2025, manual: { 'licensing.decisions': 12, 'fees.amount': 0 } });
  });

  test('identifies the agency, year and format', () => {
    assert.equal(f.format, '2021');
    assert.equal(f.agencyName, t.fx.agency.name);
    assert.equal(f.computedAt, '2026-01-20T02:00:00.000Z');
  });

  test('table 三: every cell (columns 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计)', () => {
    const g3 = '（三）不予公开', g4 = '（四）无法提供', g5 = '（五）不予处理', g6 = '（六）其他处理';
    assert.deepEqual(table(f.table3), [
      ['一、本年新收政府信息公开申请数量', 5, 5, 4, 3, 4, 3, 24],
      ['二、上年结转政府信息公开申请数量', 1, 0, 1, 1, 0, 0, 3],
      ['（一）予以公开', 2, 0, 0, 0, 0, 0, 2],
      ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 0, 1, 0, 0, 0, 0, 1],
      [`${g3} 1.属于国家秘密`, 0, 0, 2, 0, 0, 0, 2],
      [`${g3} 2.其他法律行政法规禁止公开`, 0, 0, 0, 1, 0, 0, 1],
      [`${g3} 3.危及“三安全一稳定”`, 0, 0, 0, 0, 1, 0, 1],
      [`${g3} 4.保护第三方合法权益`, 0, 0, 0, 0, 0, 1, 1],
      [`${g3} 5.属于三类内部事务信息`, 1, 0, 0, 0, 0, 0, 1],
      [`${g3} 6.属于四类过程性信息`, 0, 1, 0, 0, 0, 0, 1],
      [`${g3} 7.属于行政执法案卷`, 0, 0, 1, 0, 0, 0, 1],
      [`${g3} 8.属于行政查询事项`, 0, 0, 0, 1, 0, 0, 1],
      [`${g4} 1.本机关不掌握相关政府信息`, 0, 0, 0, 0, 1, 0, 1],
      [`${g4} 2.没有现成信息需要另行制作`, 0, 0, 0, 0, 0, 1, 1],
      [`${g4} 3.补正后申请内容仍不明确`, 1, 0, 0, 0, 0, 0, 1],
      [`${g5} 1.信访举报投诉类申请`, 0, 1, 0, 0, 0, 0, 1],
      [`${g5} 2.重复申请`, 0, 0, 1, 0, 0, 0, 1],
      [`${g5} 3.要求提供公开出版物`, 0, 0, 0, 1, 0, 0, 1],
      [`${g5} 4.无正当理由大量反复申请`, 0, 0, 0, 0, 1, 0, 1],
      [`${g5} 5.要求行政机关确认或重新出具已获取信息`, 0, 0, 0, 0, 0, 1, 1],
      [`${g6} 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请`, 1, 0, 0, 0, 0, 0, 1],
      [`${g6} 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请`, 0, 1, 0, 0, 0, 0, 1],
      [`${g6} 3.其他`, 0, 0, 1, 0, 0, 0, 1],
      ['（七）总计', 5, 4, 5, 3, 3, 3, 23],
      ['四、结转下年度继续办理', 1, 1, 0, 1, 1, 0, 4],
    ]);
  });

  test('the three checks pass', () => {
    assert.deepEqual(f.checks.map((c) => [c.name, c.ok]), [['一 + 二 = （七） + 四', true], ['（七）总计 = （一）至（六）之和', true], ['总计 = 各类申请人之和', true]]);
  });

  test('table 四: by result, decided by 31 December or pending; litigation split by path', () => {
    assert.deepEqual(table(f.table4), [
      ['行政复议', 1, 1, 0, 2, 4],
      ['行政诉讼 未经复议直接起诉', 0, 0, 1, 1, 2],
      ['行政诉讼 复议后起诉', 1, 1, 0, 0, 2],
    ]);
  });

  test('table 二: catalog counts computed, other figures manual (blank when not entered)', () => {
    assert.deepEqual(f.table2.map((s) => [s.section, s.columns, s.rows.map((r) => [r.label, r.values, r.manual])]), [
      ['第二十条第（一）项', ['本年制发件数', '本年废止件数', '现行有效件数'], [
        ['规章', [1, 1, 1], [false, false, false]],
        ['行政规范性文件', [2, 0, 3], [false, false, false]],
      ]],
      ['第二十条第（五）项', ['本年处理决定数量'], [['行政许可', [12], [true]]]],
      ['第二十条第（六）项', ['本年处理决定数量'], [['行政处罚', [null], [true]], ['行政强制', [null], [true]]]],
      ['第二十条第（八）项', ['本年收费金额（单位：万元）'], [['行政事业性收费', [0], [true]]]],
    ]);
  });

  test('the next year carries in exactly what this year carried out', async () => {
    const next = await t.services.reportFigures.computeAnnualReport({ agencyId: t.fx.agency.id, year: 2026 });
    assert.deepEqual(next.table3[1].values, f.table3.at(-1)!.values);
    assert.deepEqual(next.table3.find((r) => r.key === 'total')!.values, [0, 1, 0, 1, 0, 0, 2]);
  });
});

describe('annual report figures, 2019 format (2020)', () => {
  let f: AnnualReportFigures;
  before(async () => {
    f = await t.services.reportFigures.computeAnnualReport({ agencyId: t.fx.agency.id, year: 2020 });
  });

  test('table 三 has 23 rows with （六）其他处理 as one row', () => {
    assert.equal(f.format, '2019');
    const g3 = '（三）不予公开', g4 = '（四）无法提供', g5 = '（五）不予处理';
    assert.deepEqual(table(f.table3), [
      ['一、本年新收政府信息公开申请数量', 1, 1, 1, 1, 1, 1, 6],
      ['二、上年结转政府信息公开申请数量', 1, 0, 0, 0, 0, 0, 1],
      ['（一）予以公开', 1, 0, 0, 0, 0, 0, 1],
      ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 0, 0, 0, 1, 0, 0, 1],
      [`${g3} 1.属于国家秘密`, 0, 0, 0, 0, 0, 0, 0],
      [`${g3} 2.其他法律行政法规禁止公开`, 0, 0, 0, 0, 0, 0, 0],
      [`${g3} 3.危及“三安全一稳定”`, 0, 0, 0, 0, 0, 0, 0],
      [`${g3} 4.保护第三方合法权益`, 0, 0, 0, 0, 0, 0, 0],
      [`${g3} 5.属于三类内部事务信息`, 0, 0, 0, 0, 0, 0, 0],
      [`${g3} 6.属于四类过程性信息`, 0, 0, 0, 0, 0, 0, 0],
      [`${g3} 7.属于行政执法案卷`, 0, 0, 0, 0, 0, 0, 0],
      [`${g3} 8.属于行政查询事项`, 0, 0, 0, 0, 0, 0, 0],
      [`${g4} 1.本机关不掌握相关政府信息`, 0, 0, 0, 0, 0, 0, 0],
      [`${g4} 2.没有现成信息需要另行制作`, 0, 0, 0, 0, 1, 0, 1],
      [`${g4} 3.补正后申请内容仍不明确`, 0, 0, 0, 0, 0, 0, 0],
      [`${g5} 1.信访举报投诉类申请`, 0, 0, 0, 0, 0, 0, 0],
      [`${g5} 2.重复申请`, 0, 0, 0, 0, 0, 1, 1],
      [`${g5} 3.要求提供公开出版物`, 0, 0, 0, 0, 0, 0, 0],
      [`${g5} 4.无正当理由大量反复申请`, 0, 0, 0, 0, 0, 0, 0],
      [`${g5} 5.要求行政机关确认或重新出具已获取信息`, 0, 0, 0, 0, 0, 0, 0],
      ['（六）其他处理', 0, 1, 1, 0, 0, 0, 2],
      ['（七）总计', 1, 1, 1, 1, 1, 1, 6],
      ['四、结转下年度继续办理', 1, 0, 0, 0, 0, 0, 1],
    ]);
    assert.ok(f.checks.every((c) => c.ok));
  });

  test('table 二 in the 2019 layout and table 四', () => {
    assert.deepEqual(f.table2.map((s) => [s.section, s.columns, s.rows.map((r) => [r.label, r.values])]), [
      ['第二十条第（一）项', ['本年新制作数量', '本年新公开数量', '对外公开总数量'], [['规章', [0, 0, 1]], ['规范性文件', [1, 1, 1]]]],
      ['第二十条第（五）项', ['上一年项目数量', '本年增/减', '处理决定数量'], [['行政许可', [null, null, null]], ['其他对外管理服务事项', [null, null, null]]]],
      ['第二十条第（六）项', ['上一年项目数量', '本年增/减', '处理决定数量'], [['行政处罚', [null, null, null]], ['行政强制', [null, null, null]]]],
      ['第二十条第（八）项', ['上一年项目数量', '本年增/减'], [['行政事业性收费', [null, null]]]],
      ['第二十条第（九）项', ['采购项目数量', '采购总金额'], [['政府集中采购', [null, null]]]],
    ]);
    assert.deepEqual(table(f.table4), [['行政复议', 0, 0, 1, 0, 1], ['行政诉讼 未经复议直接起诉', 0, 0, 0, 0, 0], ['行政诉讼 复议后起诉', 0, 0, 0, 0, 0]]);
  });
});

describe('consistency checks list the requests that break them (2023)', () => {
  let f: AnnualReportFigures;
  before(async () => {
    await importCsv(t.services, t.fx.agency.id, [
      'trackingCode,applicantType,receivedOn,closedOn,outcome,reason',
      'B1,person,2023-04-01,2023-05-01,granted,',
      'B2,business,2023-04-02,2023-05-02,unableToProvide,notHeld',
      'B3,research,2024-01-10,2024-01-20,granted,',
      'B4,person,2023-03-01,2023-03-05,granted,',
      'G1,person,2023-03-01,2023-03-05,granted,',
    ].join('\n'));
    const db = t.services.database.db;
    await db.updateTable('requests').set({ outcome: null }).where('trackingCode', '=', 'B1').execute();
    await db.updateTable('requests').set({ outcome: 'refused' }).where('trackingCode', '=', 'B2').execute();
    // Closed in the year but received in the next: in （七）, not in 一 or 二.
    await db.updateTable('requests').set({ closedOn: '2023-12-20' }).where('trackingCode', '=', 'B3').execute();
    await db.updateTable('requests').set({ applicantType: 'alien' }).where('trackingCode', '=', 'B4').execute();
    f = await t.services.reportFigures.computeAnnualReport({ agencyId: t.fx.agency.id, year: 2023 });
  });

  test('closed without outcome and a reason not fitting the outcome fail （七） = （一）…（六）', () => {
    const failing = f.checks.filter((c) => c.name === '（七）总计 = （一）至（六）之和' && !c.ok);
    assert.deepEqual(failing.map((c) => [c.column, c.requests]), [
      ['自然人', [{ trackingCode: 'B1', problem: '已办结但未登记办理结果' }]],
      ['商业企业', [{ trackingCode: 'B2', problem: '理由“notHeld”与办理结果“不予公开”不相符' }]],
      ['总计', [{ trackingCode: 'B1', problem: '已办结但未登记办理结果' }, { trackingCode: 'B2', problem: '理由“notHeld”与办理结果“不予公开”不相符' }]],
    ]);
    assert.match(failing[0].detail, /“自然人”列：（七）总计 2 件，（一）至（六）合计 1 件/);
  });

  test('closing before receipt fails 一 + 二 = （七） + 四', () => {
    const failing = f.checks.filter((c) => c.name === '一 + 二 = （七） + 四' && !c.ok);
    assert.deepEqual(failing.map((c) => [c.column, c.requests]), [
      ['科研机构', [{ trackingCode: 'B3', problem: '办结日期 2023-12-20 早于收到日期 2024-01-10' }]],
      ['总计', [{ trackingCode: 'B3', problem: '办结日期 2023-12-20 早于收到日期 2024-01-10' }]],
    ]);
  });

  test('an unknown applicant type fails 总计 = the six columns', () => {
    const failing = f.checks.filter((c) => c.name === '总计 = 各类申请人之和' && !c.ok);
    assert.equal(failing.length, 1);
    assert.deepEqual(failing[0].requests, [{ trackingCode: 'B4', problem: '申请人类型“alien”不属于表三的任何一列' }]);
    assert.match(failing[0].detail, /一、本年新收政府信息公开申请数量/);
  });
});

describe('roll-up of a city bureau and its county bureau', () => {
  test('per agency and in total, every cell summed and the checks recomputed', async () => {
    await t.services.database.db.updateTable('agencies').set({ parentAgencyId: t.fx.agency.id }).where('id', '=', t.fx.otherAgency.id).execute();
    await importCsv(t.services, t.fx.otherAgency.id, [
      'trackingCode,applicantType,receivedOn,closedOn,outcome,reason',
      'C1,person,2025-03-01,2025-03-20,granted,',
      'C2,business,2024-12-01,2025-01-20,refused,stateSecret',
      'C3,other,2025-12-01,,,',
    ].join('\n'));
    const r = await t.services.reportFigures.rollUpFor(t.fx.actor('officer'), { agencyId: t.fx.agency.id, year: 2025 });
    assert.deepEqual(r.agencies.map((a) => a.agencyId), [t.fx.agency.id, t.fx.otherAgency.id]);
    const row = (f: AnnualReportFigures, key: string) => f.table3.find((x) => x.key === key)!.values;
    assert.deepEqual(row(r.agencies[1], 'received'), [1, 0, 0, 0, 0, 1, 2]);
    assert.deepEqual(row(r.total, 'received'), [6, 5, 4, 3, 4, 4, 26]);
    assert.deepEqual(row(r.total, 'carriedIn'), [1, 1, 1, 1, 0, 0, 4]);
    assert.deepEqual(row(r.total, 'stateSecret'), [0, 1, 2, 0, 0, 0, 3]);
    assert.deepEqual(row(r.total, 'carriedOut'), [1, 1, 0, 1, 1, 1, 5]);
    assert.ok(r.total.checks.every((c) => c.ok));
    // Manual cells stay blank in the total when no agency entered them.
    assert.deepEqual(r.total.table2[2].rows[0].values, [null]);
    assert.deepEqual(r.total.table2[0].rows[1].values, [2, 0, 3]);
  });

  test('the console page shows the roll-up and exports it as XLSX', async () => {
    const session = await t.signIn('officer');
    const page = await get(t.app, '/console/reports/rollup?year=2025', session);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /赣州市自然资源局（合计）/);
    const xlsx = await get(t.app, '/console/reports/rollup.xlsx?year=2025', session);
    assert.equal(xlsx.statusCode, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['表二 主动公开', '表三 依申请公开', '表四 复议诉讼', '校验']);
    const t3 = wb.getWorksheet('表三 依申请公开')!;
    assert.equal(t3.rowCount, 1 + 25 * 3);
    assert.deepEqual((t3.getRow(t3.rowCount).values as unknown[]).slice(1), ['赣州市自然资源局（合计）', '四、结转下年度继续办理', 1, 1, 0, 1, 1, 1, 5]);
  });

  test('the county bureau may not see the city bureau; the city bureau sees the county', async () => {
    await assert.rejects(t.services.reportFigures.computeFor(t.fx.otherActor('officer'), { agencyId: t.fx.agency.id, year: 2025 }), { status: 403 });
    await assert.rejects(t.services.reportFigures.computeFor(t.fx.actor('drafter'), { agencyId: t.fx.agency.id, year: 2025 }), { status: 403 });
    const child = await t.services.reportFigures.computeFor(t.fx.actor('leader'), { agencyId: t.fx.otherAgency.id, year: 2025 });
    assert.equal(child.agencyId, t.fx.otherAgency.id);
  });
});
