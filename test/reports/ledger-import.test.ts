// The ledger import: every row validated, the whole file rejected with a line-by-line list,
// otherwise one transaction with one audit event; CSV and XLSX; the CLI's JSON report.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { systemActor } from '../../src/core/audit/audit.ts';
import { FakeClock } from '../../src/core/time/clock.ts';
import { LedgerRejected } from '../../src/modules/reports/index.ts';
import { runCommand } from '../helpers/cli.ts';
import { useServiceFixture } from '../helpers/service-fixture.ts';
import { importCsv } from './annual-ledger-data.ts';

const t = useServiceFixture({ clock: new FakeClock('2026-01-20T02:00:00Z') });

const HEADER = 'trackingCode,applicantType,receivedOn,closedOn,outcome,reason';
const problemsOf = async (csv: string) => {
  const err = await importCsv(t.services, t.fx.agency.id, csv).then(() => null, (e: unknown) => e);
  assert.ok(err instanceof LedgerRejected, 'the file is rejected');
  return err.problems.map((p) => `${p.line}: ${p.message}`);
};

describe('ledger import validation', () => {
  test('every bad row is listed with its line number and nothing is imported', async () => {
    await importCsv(t.services, t.fx.agency.id, `${HEADER}\nOLD-1,person,2025-01-02,2025-01-10,granted,\n`);
    const problems = await problemsOf([
      HEADER,
      'A1,person,2025-02-01,2025-02-10,granted,',
      'A1,person,2025-02-01,2025-02-10,granted,',
      'A3,citizen,2025-02-30,,,',
      'A4,business,2025-03-01,2025-02-01,refused,notHeld',
      'A5,research,2025-03-01,2025-03-05,,',
      'A6,nonprofit,2025-03-01,,granted,',
      'OLD-1,other,2025-03-01,2025-03-05,partlyGranted,stateSecret',
      '"A8,x",person,2025-03-01,2025-03-05,sortOf,',
      'A9,person,2026-03-01,,,',
    ].join('\n'));
    assert.deepEqual(problems, [
      '3: 查询码 A1 与第 2 行重复',
      '4: 申请人类型“citizen”无效（应为 person、business、research、nonprofit、legalService、other 之一）',
      '4: 收到日期“2025-02-30”不是有效日期（格式 YYYY-MM-DD）',
      '5: 办结日期 2025-02-01 早于收到日期 2025-03-01',
      '5: 理由“notHeld”不属于办理结果“不予公开”（应为 stateSecret、prohibitedByLaw、endangersSecurity、thirdPartyRights、internalAffairs、processInformation、enforcementFile、administrativeQuery 之一）',
      '6: 已填办结日期但未填办理结果',
      '7: 已填办理结果但未填办结日期',
      '8: 查询码 OLD-1 已存在于系统中',
      '8: 办理结果“部分公开”不应填写理由',
      '9: 办理结果“sortOf”无效（应为 granted、partlyGranted、refused、unableToProvide、notProcessed、otherHandling 之一）',
      '10: 收到日期 2026-03-01 晚于今天',
    ]);
    const count = await t.services.database.db.selectFrom('requests').select((eb) => eb.fn.countAll().as('n')).where('agencyId', '=', t.fx.agency.id).executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 1);
  });

  test('a missing column or an empty file is rejected', async () => {
    assert.deepEqual(await problemsOf('trackingCode,applicantType,receivedOn\nX,person,2025-01-01\n'), ['1: 表头缺少列：closedOn、outcome、reason（应为 trackingCode,applicantType,receivedOn,closedOn,outcome,reason）']);
    assert.deepEqual(await problemsOf(`${HEADER}\n`), ['1: 文件中没有申请记录']);
  });
});

describe('ledger import', () => {
  test('imports closed and open rows from XLSX, marked imported, with one audit event', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['trackingCode', 'applicantType', 'receivedOn', 'closedOn', 'outcome', 'reason']);
    ws.addRow(['X-1', 'person', new Date(Date.UTC(2025, 10, 3)), new Date(Date.UTC(2025, 10, 20)), 'refused', 'thirdPartyRights']);
    ws.addRow(['X-2', 'legalService', '2026-01-05', null, null, null]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await t.services.ledgerImport.importLedger(systemActor('测试'), t.fx.agency.id, { filename: '台账.xlsx', bytes });
    assert.deepEqual([r.imported, r.closed, r.open], [2, 1, 1]);
    const rows = await t.services.database.db.selectFrom('requests').selectAll().where('trackingCode', 'in', ['X-1', 'X-2']).orderBy('trackingCode').execute();
    assert.deepEqual(rows.map((x) => [x.status, x.imported, x.originalReceivedOn, x.closedOn, x.outcome, x.outcomeReason, x.applicantName]), [
      ['closed', 1, '2025-11-03', '2025-11-20', 'refused', 'thirdPartyRights', '（导入）'],
      ['accepted', 1, '2026-01-05', null, null, null, '（导入）'],
    ]);
    // The open one has a reply deadline (20 working days, 第三十三条) like any accepted request.
    assert.equal(rows[1].replyDueOn, '2026-02-02');
    const audit = await t.services.database.db.selectFrom('auditEvents').selectAll().where('action', '=', 'request.import').where('agencyId', '=', t.fx.agency.id).execute();
    assert.equal(audit.length, 2);
    assert.match(audit[1].summary, new RegExp(r.sha256));
  });
});

describe('CLI report annual --format json', () => {
  test('writes the figures with table3 as 25 rows of seven values', async () => {
    const out = path.join(t.services.dataDir, 'report.json');
    assert.equal((await runCommand(t.services, 'report annual', ['--agency', t.fx.agency.code, '--year', '2025', '--format', 'json', '--out', out])).code, 0);
    const json = JSON.parse(fs.readFileSync(out, 'utf8'));
    assert.deepEqual(Object.keys(json).sort(), ['agencyId', 'agencyName', 'checks', 'computedAt', 'feesCollectedFen', 'format', 'table2', 'table3', 'table4', 'year']);
    assert.equal(json.table3.length, 25);
    assert.ok(json.table3.every((r: { label: string; values: number[] }) => typeof r.label === 'string' && r.values.length === 7));
    assert.equal(json.table3[0].label, '一、本年新收政府信息公开申请数量');
    assert.deepEqual(json.table3[0].values, [2, 0, 0, 0, 0, 0, 2]);
    assert.equal(json.table4.length, 3);
  });
});
