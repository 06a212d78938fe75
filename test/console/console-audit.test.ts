// The auditor's audit-log page (issue 8 part 1, 三员分立) over HTTP: filters, paging, the hash
// chain's state, CSV and XLSX export of the filtered events; nobody else may read it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { appendAuditEvent, systemActor } from '../../src/core/audit/audit.ts';
import { AUDIT_PAGE_SIZE } from '../../src/modules/accounts/index.ts';
import { get, loginAs, type TestSession } from '../helpers/http.ts';
import { useHttpFixture } from '../helpers/http-fixture.ts';

describe('console audit log', () => {
  let auditor: TestSession;

  const t = useHttpFixture({
    setup: async ({ services, app, fx }) => {
      await services.accounts.createUser(systemActor('测试'), {
        agencyId: fx.agency.id, departmentId: null, username: 'auditor.a', displayName: '吴审计', password: fx.password, roles: ['auditor'], mustChangePassword: false,
      });
      // A page's worth of events of one kind, written as the services write them.
      const officer = { id: fx.users.officer.id, name: '李公开', agencyId: fx.agency.id, ip: '10.0.0.8' };
      for (let i = 0; i < AUDIT_PAGE_SIZE; i++) {
        await services.database.db.transaction().execute((trx) =>
          appendAuditEvent(trx, services.clock, officer, { action: 'fixture.event', subjectType: 'fixture', subjectId: `f${i}`, after: { i } }));
      }
      auditor = await loginAs(app, 'auditor.a', fx.password);
    },
  });

  test('only the auditor reads it: the system administrator, the security administrator and work roles get 403', async () => {
    for (const username of [t.fx.users.sysAdmin.username, t.fx.users.officer.username]) {
      const s = await loginAs(t.app, username, t.fx.password);
      for (const url of ['/console/audit', '/console/audit/export.csv', '/console/audit/export.xlsx']) assert.equal((await get(t.app, url, s)).statusCode, 403, `${username} ${url}`);
    }
    await assert.rejects(t.services.accounts.auditEvents(t.fx.actor('sysAdmin'), {}, 1), { status: 403 });
    const page = await get(t.app, '/console', auditor);
    assert.match(page.body, /href="\/console\/audit"/);
  });

  test('the page shows the chain state, pages the events and filters them', async () => {
    const page = await get(t.app, '/console/audit', auditor);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /校验通过/);
    assert.match(page.body, /rel="next"/);
    assert.equal((page.body.match(/<tr>/g) ?? []).length - 1, AUDIT_PAGE_SIZE);
    assert.match((await get(t.app, '/console/audit?page=2', auditor)).body, /rel="prev"/);

    const byAction = await get(t.app, '/console/audit?action=fixture.event&subject=fixture', auditor);
    assert.match(byAction.body, /fixture\.event/);
    assert.doesNotMatch(byAction.body, /<code>user\.create<\/code>/);
    const byActor = await get(t.app, `/console/audit?action=session.&actor=${encodeURIComponent('吴审计')}`, auditor);
    assert.match(byActor.body, /<code>session\.login<\/code>/);
    assert.doesNotMatch(byActor.body, /<code>fixture\.event<\/code>/);
    const future = await get(t.app, '/console/audit?from=2030-01-01', auditor);
    assert.match(future.body, /没有符合条件的审计事件/);
    const today = await get(t.app, '/console/audit?from=2025-09-26&to=2025-09-26&action=session.login', auditor);
    assert.match(today.body, /<code>session\.login<\/code>/);
    // Hostile filter values are shown escaped and match nothing.
    const hostile = await get(t.app, `/console/audit?actor=${encodeURIComponent('<script>%_')}&page=abc`, auditor);
    assert.equal(hostile.statusCode, 200);
    assert.doesNotMatch(hostile.body, /<script>%_/);
  });

  test('exports the filtered events as CSV and XLSX, and records the export', async () => {
    const csv = await get(t.app, '/console/audit/export.csv?action=fixture.event', auditor);
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.match(lines[0], /^序号,时间（北京时间）/);
    assert.equal(lines.length - 1, AUDIT_PAGE_SIZE);
    assert.ok(lines.slice(1).every((l) => l.includes('fixture.event')));

    const xlsx = await get(t.app, '/console/audit/export.xlsx?action=fixture.event', auditor);
    assert.equal(xlsx.statusCode, 200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('审计日志')!;
    assert.equal(sheet.rowCount, 2 + AUDIT_PAGE_SIZE);
    assert.equal(sheet.getRow(3).getCell(7).value, 'fixture.event');

    const exports = await get(t.app, '/console/audit?action=auditLog.export', auditor);
    assert.equal((exports.body.match(/<code>auditLog\.export<\/code>/g) ?? []).length, 2);
  });

  test('a row changed outside the application shows the chain as broken', async () => {
    const db = t.services.database.db;
    const victim = await db.selectFrom('auditEvents').select('seq').where('action', '=', 'fixture.event').orderBy('seq').executeTakeFirstOrThrow();
    await db.updateTable('auditEvents').set({ summary: '{"before":null,"after":{"name":"篡改"}}' }).where('seq', '=', victim.seq).execute();
    const page = await get(t.app, '/console/audit', auditor);
    assert.match(page.body, /校验未通过/);
    assert.match(page.body, new RegExp(`事件 #${victim.seq} 的内容已被改动`));
  });
});
