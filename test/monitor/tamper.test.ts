// 网页防篡改 on a real database and file store: publication records a fingerprint, the monitor
// finds a row or file changed outside the application (one alert per change, with a notification
// to the disclosure office and an audit event), and legitimate changes through the services never
// raise one. Alerts are resolved by the office, recording who and how.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { registerMonitorJobs } from '../../src/modules/monitor/index.ts';
import { advanceTo, draftInput, publishedItem } from '../factories.ts';
import { samplePdf } from '../helpers/sample-files.ts';
import { useTamperFixture } from './tamper-fixture.ts';

describe('tamper monitor', () => {
  const t = useTamperFixture();

  const withAttachment = async (title: string) => {
    const draft = await t.services.catalog.createDraft(t.fx.actor('drafter'), draftInput(t.columnId, { title }));
    const att = await t.services.catalog.addAttachment(t.fx.actor('drafter'), draft.id, { filename: '补偿标准.pdf', bytes: samplePdf([`Compensation table ${title}`]) });
    const item = await advanceTo(t.services, t.fx, draft.id, 'published');
    return { item, att };
  };

  test('publication records a fingerprint and an untouched item raises no alert', async () => {
    const { item, att } = await withAttachment('征地补偿标准公告');
    const fp = await t.db().selectFrom('publishedFingerprints').selectAll().where('itemId', '=', item.id).executeTakeFirstOrThrow();
    assert.equal(fp.recordedBy, 'publish');
    assert.equal(fp.retiredAt, null);
    assert.deepEqual(JSON.parse(fp.attachments).map((a: { sha256: string }) => a.sha256), [att.sha256]);
    const r = await t.services.tamper.check();
    assert.equal(r.alerts, 0);
    assert.ok(r.checked >= 1);
    assert.deepEqual(await t.alertsOf(item.id), []);
  });

  test('a body changed directly in the database raises one alert, a notification and an audit event', async () => {
    const item = await publishedItem(t.services, t.fx, t.columnId, { title: '耕地保护目标责任书' });
    await t.db().updateTable('items').set({ bodyHtml: '<p>已被篡改的内容</p>' }).where('id', '=', item.id).execute();
    const first = await t.services.tamper.check();
    assert.equal(first.alerts, 1);
    const [alert] = await t.alertsOf(item.id);
    assert.equal(alert.kind, 'row');
    assert.deepEqual(alert.changes.map((c) => c.field), ['body']);
    assert.equal(alert.itemTitle, '耕地保护目标责任书');
    const notes = await t.db().selectFrom('notifications').selectAll().where('kind', '=', 'tamper.alert').where('subjectId', '=', alert.id).execute();
    assert.equal(notes.length, 1);
    assert.equal(notes[0].departmentId, t.fx.departments.office.id);
    const audit = await t.db().selectFrom('auditEvents').selectAll().where('action', '=', 'tamper.detected').where('subjectId', '=', item.id).execute();
    assert.equal(audit.length, 1);
    // Idempotent: the same change found again is the same alert.
    assert.equal((await t.services.tamper.check()).alerts, 0);
    assert.equal((await t.alertsOf(item.id)).length, 1);
    assert.equal((await t.db().selectFrom('notifications').select('id').where('subjectType', '=', 'tamperAlert').where('subjectId', '=', alert.id).execute()).length, 1);
  });

  test('an attachment file overwritten on disk raises one alert naming the file', async () => {
    const { item, att } = await withAttachment('地质灾害防治方案');
    const file = path.join(t.services.config.attachmentsDir, att.sha256.slice(0, 2), att.sha256.slice(2, 4), att.sha256);
    await fs.writeFile(file, samplePdf(['Forged content']));
    assert.equal((await t.services.tamper.check()).alerts, 1);
    assert.equal((await t.services.tamper.check()).alerts, 0);
    const alerts = await t.alertsOf(item.id);
    assert.equal(alerts.length, 1);
    assert.equal(alerts[0].kind, 'file');
    assert.match(alerts[0].changes[0].detail, /补偿标准\.pdf/);
  });

  test('revision and repeal through the services raise no alert', async () => {
    const item = await publishedItem(t.services, t.fx, t.columnId, { title: '不动产登记办事指南' });
    await t.services.catalog.revise(t.fx.actor('officer'), item.id, draftInput(t.columnId, { title: '不动产登记办事指南（修订）', bodyHtml: '<p>新的办理流程。</p>' }), '办理流程调整');
    await t.services.catalog.repeal(t.fx.actor('officer'), item.id, { repealedOn: '2025-09-26', reason: '已被新指南取代' });
    assert.equal((await t.services.tamper.check()).alerts, 0);
    assert.deepEqual(await t.alertsOf(item.id), []);
    const fp = await t.db().selectFrom('publishedFingerprints').selectAll().where('itemId', '=', item.id).executeTakeFirstOrThrow();
    assert.equal(fp.recordedBy, 'repeal');
    assert.equal(Number(fp.version), 2);
  });

  test('撤稿 retires the fingerprint; an item hidden without one is an alert', async () => {
    const taken = await publishedItem(t.services, t.fx, t.columnId, { title: '撤稿的信息' });
    await t.services.review.act(t.fx.actor('officer'), taken.id, 'takedown', { opinion: '内容有误，紧急撤稿', basis: '' });
    const hidden = await publishedItem(t.services, t.fx, t.columnId, { title: '被悄悄下线的信息' });
    await t.db().updateTable('items').set({ status: 'draft' }).where('id', '=', hidden.id).execute();
    await t.services.tamper.check();
    assert.deepEqual(await t.alertsOf(taken.id), []);
    const [alert] = await t.alertsOf(hidden.id);
    assert.equal(alert.kind, 'status');
  });

  test('resolving records who and how; accepting makes the current content the reference', async () => {
    const item = await publishedItem(t.services, t.fx, t.columnId, { title: '矿产资源规划' });
    await t.db().updateTable('items').set({ title: '矿产资源规划（改）' }).where('id', '=', item.id).execute();
    await t.services.tamper.check();
    const [alert] = await t.alertsOf(item.id);
    await assert.rejects(t.services.tamper.resolve(t.fx.actor('drafter'), alert.id, { resolution: 'accepted', note: '核实' }), { status: 403 });
    await assert.rejects(t.services.tamper.resolve(t.fx.otherActor('officer'), alert.id, { resolution: 'accepted', note: '核实' }), { status: 404 });
    await assert.rejects(t.services.tamper.resolve(t.fx.actor('officer'), alert.id, { resolution: 'accepted', note: '' }), { status: 422 });
    await assert.rejects(t.services.tamper.resolve(t.fx.actor('officer'), alert.id, { resolution: 'takenDown', note: '已撤稿' }), { code: 'TAMPER_NOT_TAKEN_DOWN' });
    await t.services.tamper.resolve(t.fx.actor('leader'), alert.id, { resolution: 'accepted', note: '经核实为信息中心按局领导要求修改' });
    const [done] = await t.alertsOf(item.id);
    assert.equal(done.resolution, 'accepted');
    assert.equal(done.resolvedBy, t.fx.users.leader.id);
    assert.ok(done.resolvedAt);
    assert.equal((await t.services.tamper.check()).alerts, 0);
    await assert.rejects(t.services.tamper.resolve(t.fx.actor('officer'), alert.id, { resolution: 'restored', note: '再次处理' }), { code: 'TAMPER_ALREADY_RESOLVED' });
    assert.deepEqual((await t.services.tamper.alerts(t.fx.actor('officer'), { open: true })).filter((a) => a.itemId === item.id), []);
  });

  test('the on-demand check runs through the job queue', async () => {
    await registerMonitorJobs({ db: t.db(), clock: t.services.clock, jobs: t.services.jobs, monitor: t.services.monitor, tamper: t.services.tamper });
    const item = await publishedItem(t.services, t.fx, t.columnId, { title: '国土空间总体规划' });
    await t.db().updateTable('items').set({ docNumber: '伪造〔2025〕1号' }).where('id', '=', item.id).execute();
    await t.services.tamper.requestCheck(t.fx.actor('officer'));
    await t.services.jobs.runDue();
    const [alert] = await t.alertsOf(item.id);
    assert.deepEqual(alert.changes.map((c) => c.field), ['docNumber']);
  });

  test('a check whose job signal is aborted (maximum run time) stops before the next item', async () => {
    const item = await publishedItem(t.services, t.fx, t.columnId, { title: '矿产资源总体规划' });
    await t.db().updateTable('items').set({ title: '被改动的标题' }).where('id', '=', item.id).execute();
    const stopped = new Error('job exceeded its maximum run time');
    await assert.rejects(t.services.tamper.check({ signal: AbortSignal.abort(stopped) }), stopped);
    assert.deepEqual(await t.alertsOf(item.id), [], 'no item was checked after the abort');
    assert.equal((await t.services.tamper.check()).alerts, 1, 'the retry checks it');
  });
});
