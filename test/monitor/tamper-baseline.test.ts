// 网页防篡改 without a fingerprint to compare with: an item the monitor never saw published is
// recorded as a baseline (audited, listed for the office to check), never silently; an item whose
// fingerprint was deleted, or that is back on the website after a 撤稿, raises an alert; a 撤稿
// closes the item's open alerts naming the takedown; `gongkai tamper check` exits 3 while alerts are open.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { publishedItem } from '../factories.ts';
import { runCli } from '../helpers/cli.ts';
import { useTamperFixture } from './tamper-fixture.ts';

describe('tamper monitor: baselines, lost fingerprints, takedowns', () => {
  const t = useTamperFixture();

  const fingerprint = (itemId: string) => t.db().selectFrom('publishedFingerprints').selectAll().where('itemId', '=', itemId).executeTakeFirst();
  /** An item as if published before the monitor existed: no fingerprint, never registered. */
  const legacyItem = async (title: string) => {
    const item = await publishedItem(t.services, t.fx, t.columnId, { title });
    await t.db().deleteFrom('publishedFingerprints').where('itemId', '=', item.id).execute();
    await t.db().deleteFrom('tamperRegistry').where('itemId', '=', item.id).execute();
    return item;
  };
  const cli = (...args: string[]) => runCli(t.services, ['tamper', 'check', ...args]);

  test('an item never fingerprinted is baselined once, audited with the count, and listed for the office', async () => {
    const a = await legacyItem('2018年土地利用年度计划');
    const b = await legacyItem('2018年矿业权出让公告');
    const r = await t.services.tamper.check();
    assert.equal(r.baselined, 2);
    assert.equal(r.alerts, 0);
    for (const id of [a.id, b.id]) {
      const fp = await fingerprint(id);
      assert.equal(fp?.origin, 'baseline');
      assert.equal(fp?.recordedBy, 'baseline');
      assert.equal(fp?.baselineCheckedAt, null);
    }
    const events = await t.db().selectFrom('auditEvents').selectAll().where('action', '=', 'tamper.baseline').execute();
    assert.equal(events.length, 1);
    const { after: recorded } = JSON.parse(events[0].summary) as { after: { count: number; itemIds: string[] } };
    assert.equal(recorded.count, 2);
    assert.deepEqual([...recorded.itemIds].sort(), [a.id, b.id].sort());
    assert.equal(events[0].agencyId, t.fx.agency.id);
    // The next run has nothing to baseline, and a baselined item is checked like any other.
    assert.equal((await t.services.tamper.check()).baselined, 0);
    const listed = await t.services.tamper.baselines(t.fx.actor('officer'));
    assert.equal(listed.count, 2);
    assert.deepEqual(listed.items.map((i) => i.title).sort(), ['2018年土地利用年度计划', '2018年矿业权出让公告']);
  });

  test('the office confirms a baseline (audited); a baseline whose item changed since is refused', async () => {
    const { items } = await t.services.tamper.baselines(t.fx.actor('officer'));
    const ok = items.find((i) => i.title === '2018年土地利用年度计划')!;
    const changed = items.find((i) => i.title === '2018年矿业权出让公告')!;
    await assert.rejects(t.services.tamper.confirmBaseline(t.fx.actor('drafter'), ok.itemId), { status: 403 });
    await assert.rejects(t.services.tamper.confirmBaseline(t.fx.otherActor('officer'), ok.itemId), { status: 404 });
    await t.services.tamper.confirmBaseline(t.fx.actor('officer'), ok.itemId);
    const fp = await fingerprint(ok.itemId);
    assert.equal(fp?.baselineCheckedBy, t.fx.users.officer.displayName);
    assert.ok(fp?.baselineCheckedAt);
    const audit = await t.db().selectFrom('auditEvents').selectAll().where('action', '=', 'tamper.baselineChecked').where('subjectId', '=', ok.itemId).execute();
    assert.equal(audit.length, 1);
    await assert.rejects(t.services.tamper.confirmBaseline(t.fx.actor('officer'), ok.itemId), { code: 'TAMPER_BASELINE_NOT_PENDING' });

    await t.db().updateTable('items').set({ bodyHtml: '<p>基线之后被改动</p>' }).where('id', '=', changed.itemId).execute();
    await assert.rejects(t.services.tamper.confirmBaseline(t.fx.actor('officer'), changed.itemId), { code: 'TAMPER_BASELINE_CHANGED' });
    assert.equal((await t.services.tamper.check()).alerts, 1);
    assert.deepEqual((await t.alertsOf(changed.itemId)).map((x) => x.kind), ['row']);
    assert.deepEqual((await t.services.tamper.baselines(t.fx.actor('officer'))).items.map((i) => i.itemId), [changed.itemId]);
  });

  test('a deleted fingerprint is an alert, not a new baseline; "restored" needs it back, "accepted" re-records', async () => {
    const item = await publishedItem(t.services, t.fx, t.columnId, { title: '城镇开发边界划定方案' });
    await t.db().deleteFrom('publishedFingerprints').where('itemId', '=', item.id).execute();
    const r = await t.services.tamper.check();
    assert.equal(r.baselined, 0);
    assert.equal(r.alerts, 1);
    assert.equal(await fingerprint(item.id), undefined);
    const [alert] = await t.alertsOf(item.id);
    assert.equal(alert.kind, 'fingerprint');
    assert.equal(alert.itemTitle, '城镇开发边界划定方案');
    assert.match(alert.changes[0].detail, /已被删除/);
    const audit = await t.db().selectFrom('auditEvents').select('id').where('action', '=', 'tamper.detected').where('subjectId', '=', item.id).execute();
    assert.equal(audit.length, 1);
    assert.equal((await t.services.tamper.check()).alerts, 0);
    await assert.rejects(t.services.tamper.resolve(t.fx.actor('officer'), alert.id, { resolution: 'restored', note: '已恢复' }), { code: 'TAMPER_FINGERPRINT_MISSING' });
    await t.services.tamper.resolve(t.fx.actor('officer'), alert.id, { resolution: 'accepted', note: '对照原件核实无误，重新登记' });
    const fp = await fingerprint(item.id);
    assert.equal(fp?.origin, 'publication');
    assert.equal(fp?.recordedBy, 'accepted');
    const again = await t.services.tamper.check();
    assert.equal(again.alerts, 0);
    assert.equal(again.baselined, 0);
  });

  test('an item put back on the website after a 撤稿 is an alert', async () => {
    const item = await publishedItem(t.services, t.fx, t.columnId, { title: '已撤稿的规划公示' });
    await t.services.review.act(t.fx.actor('officer'), item.id, 'takedown', { opinion: '公示期满', basis: '' });
    await t.db().updateTable('items').set({ status: 'published' }).where('id', '=', item.id).execute();
    assert.equal((await t.services.tamper.check()).alerts, 1);
    const [alert] = await t.alertsOf(item.id);
    assert.equal(alert.kind, 'reappeared');
    assert.equal((await t.services.tamper.check()).alerts, 0);
  });

  test('撤稿 of a tampered item closes its open alerts as taken down, naming who and why, in the audit log', async () => {
    const item = await publishedItem(t.services, t.fx, t.columnId, { title: '征收补偿方案公告' });
    await t.db().updateTable('items').set({ summary: '被篡改的概述' }).where('id', '=', item.id).execute();
    await t.services.tamper.check();
    const [open] = await t.alertsOf(item.id);
    assert.equal(open.resolvedAt, null);
    await t.services.review.act(t.fx.actor('officer'), item.id, 'takedown', { opinion: '网页防篡改告警：概述被改动，紧急撤稿', basis: '' });
    const [closed] = await t.alertsOf(item.id);
    assert.equal(closed.resolution, 'takenDown');
    assert.equal(closed.resolvedBy, t.fx.users.officer.id);
    assert.match(closed.resolutionNote ?? '', /紧急撤稿/);
    assert.ok((await fingerprint(item.id))?.retiredAt);
    const audit = await t.db().selectFrom('auditEvents').selectAll().where('subjectId', '=', item.id).where('action', 'in', ['item.takedown', 'tamper.resolve']).orderBy('seq').execute();
    assert.deepEqual(audit.map((e) => e.action).sort(), ['item.takedown', 'tamper.resolve']);
    const resolved = (JSON.parse(audit.find((e) => e.action === 'tamper.resolve')!.summary) as { after: Record<string, string> }).after;
    assert.equal(resolved.alertId, open.id);
    assert.equal(resolved.via, 'item.takedown');
    assert.equal((await t.services.tamper.check()).alerts, 0);
  });

  test('a check limited to one agency counts only its items and alerts', async () => {
    const own = await t.services.tamper.check({ agencyId: t.fx.agency.id });
    assert.ok(own.checked > 0);
    assert.ok(own.open > 0);
    assert.deepEqual(await t.services.tamper.check({ agencyId: t.fx.otherAgency.id }), { checked: 0, baselined: 0, alerts: 0, open: 0 });
  });

  test('gongkai tamper check prints the summary and exits 3 while alerts are open, 0 when none are', async () => {
    const open = cli();
    assert.equal(open.status, 3, open.stderr);
    assert.match(open.stdout, /已核对 \d+ 条已发布信息；首次建立基线 0 条；新告警 0 条；未处理告警 [1-9]\d* 条/);
    assert.match(open.stdout, /2018年矿业权出让公告/);
    const other = cli('--agency', t.fx.otherAgency.code, '--json');
    assert.equal(other.status, 0, other.stderr);
    assert.deepEqual(JSON.parse(other.stdout), { checked: 0, baselined: 0, alerts: 0, open: 0, openAlerts: [] });
    assert.notEqual(cli('--agency', 'NO-SUCH-AGENCY').status, 0);
    for (const a of await t.services.tamper.alerts(t.fx.actor('officer'), { open: true }))
      await t.services.tamper.resolve(t.fx.actor('officer'), a.id, { resolution: 'accepted', note: '逐条核实' });
    const clean = cli('--json');
    assert.equal(clean.status, 0, clean.stderr);
    const summary = JSON.parse(clean.stdout) as { open: number; alerts: number };
    assert.equal(summary.open, 0);
    assert.equal(summary.alerts, 0);
  });
});
