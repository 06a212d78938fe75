// 网页防篡改 on a real database and file store: publication records a fingerprint, the monitor
// finds a row or file changed outside the application (one alert per change, with a notification
// to the disclosure office and an audit event), and legitimate changes through the services never
// raise one. Alerts are resolved by the office, recording who and how.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { registerMonitorJobs } from '../../src/modules/monitor/index.ts';
import { advanceTo, createColumn, createFixture, draftInput, publishedItem, type Fixture } from '../factories.ts';
import { samplePdf } from '../helpers/sample-files.ts';
import { createTestServices, type TestServices } from '../helpers/test-services.ts';

describe('tamper monitor', () => {
  let services: TestServices;
  let fx: Fixture;
  let columnId: string;

  before(async () => {
    services = await createTestServices();
    fx = await createFixture(services);
    columnId = (await createColumn(services, fx)).id;
  });
  after(() => services.cleanup());

  const db = () => services.database.db;
  const alertsOf = async (itemId: string) => (await services.tamper.alerts(fx.actor('officer'))).filter((a) => a.itemId === itemId);
  const withAttachment = async (title: string) => {
    const draft = await services.catalog.createDraft(fx.actor('drafter'), draftInput(columnId, { title }));
    const att = await services.catalog.addAttachment(fx.actor('drafter'), draft.id, { filename: '补偿标准.pdf', bytes: samplePdf([`Compensation table ${title}`]) });
    const item = await advanceTo(services, fx, draft.id, 'published');
    return { item, att };
  };

  test('publication records a fingerprint and an untouched item raises no alert', async () => {
    const { item, att } = await withAttachment('征地补偿标准公告');
    const fp = await db().selectFrom('publishedFingerprints').selectAll().where('itemId', '=', item.id).executeTakeFirstOrThrow();
    assert.equal(fp.recordedBy, 'publish');
    assert.equal(fp.retiredAt, null);
    assert.deepEqual(JSON.parse(fp.attachments).map((a: { sha256: string }) => a.sha256), [att.sha256]);
    const r = await services.tamper.check();
    assert.equal(r.alerts, 0);
    assert.ok(r.checked >= 1);
    assert.deepEqual(await alertsOf(item.id), []);
  });

  test('a body changed directly in the database raises one alert, a notification and an audit event', async () => {
    const item = await publishedItem(services, fx, columnId, { title: '耕地保护目标责任书' });
    await db().updateTable('items').set({ bodyHtml: '<p>已被篡改的内容</p>' }).where('id', '=', item.id).execute();
    const first = await services.tamper.check();
    assert.equal(first.alerts, 1);
    const [alert] = await alertsOf(item.id);
    assert.equal(alert.kind, 'row');
    assert.deepEqual(alert.changes.map((c) => c.field), ['body']);
    assert.equal(alert.itemTitle, '耕地保护目标责任书');
    const notes = await db().selectFrom('notifications').selectAll().where('kind', '=', 'tamper.alert').where('subjectId', '=', alert.id).execute();
    assert.equal(notes.length, 1);
    assert.equal(notes[0].departmentId, fx.departments.office.id);
    const audit = await db().selectFrom('auditEvents').selectAll().where('action', '=', 'tamper.detected').where('subjectId', '=', item.id).execute();
    assert.equal(audit.length, 1);
    // Idempotent: the same change found again is the same alert.
    assert.equal((await services.tamper.check()).alerts, 0);
    assert.equal((await alertsOf(item.id)).length, 1);
    assert.equal((await db().selectFrom('notifications').select('id').where('subjectType', '=', 'tamperAlert').where('subjectId', '=', alert.id).execute()).length, 1);
  });

  test('an attachment file overwritten on disk raises one alert naming the file', async () => {
    const { item, att } = await withAttachment('地质灾害防治方案');
    const file = path.join(services.config.attachmentsDir, att.sha256.slice(0, 2), att.sha256.slice(2, 4), att.sha256);
    await fs.writeFile(file, samplePdf(['Forged content']));
    assert.equal((await services.tamper.check()).alerts, 1);
    assert.equal((await services.tamper.check()).alerts, 0);
    const alerts = await alertsOf(item.id);
    assert.equal(alerts.length, 1);
    assert.equal(alerts[0].kind, 'file');
    assert.match(alerts[0].changes[0].detail, /补偿标准\.pdf/);
  });

  test('revision and repeal through the services raise no alert', async () => {
    const item = await publishedItem(services, fx, columnId, { title: '不动产登记办事指南' });
    await services.catalog.revise(fx.actor('officer'), item.id, draftInput(columnId, { title: '不动产登记办事指南（修订）', bodyHtml: '<p>新的办理流程。</p>' }), '办理流程调整');
    await services.catalog.repeal(fx.actor('officer'), item.id, { repealedOn: '2025-09-26', reason: '已被新指南取代' });
    assert.equal((await services.tamper.check()).alerts, 0);
    assert.deepEqual(await alertsOf(item.id), []);
    const fp = await db().selectFrom('publishedFingerprints').selectAll().where('itemId', '=', item.id).executeTakeFirstOrThrow();
    assert.equal(fp.recordedBy, 'repeal');
    assert.equal(Number(fp.version), 2);
  });

  test('撤稿 retires the fingerprint; an item hidden without one is an alert', async () => {
    const taken = await publishedItem(services, fx, columnId, { title: '撤稿的信息' });
    await services.review.act(fx.actor('officer'), taken.id, 'takedown', { opinion: '内容有误，紧急撤稿', basis: '' });
    const hidden = await publishedItem(services, fx, columnId, { title: '被悄悄下线的信息' });
    await db().updateTable('items').set({ status: 'draft' }).where('id', '=', hidden.id).execute();
    await services.tamper.check();
    assert.deepEqual(await alertsOf(taken.id), []);
    const [alert] = await alertsOf(hidden.id);
    assert.equal(alert.kind, 'status');
  });

  test('resolving records who and how; accepting makes the current content the reference', async () => {
    const item = await publishedItem(services, fx, columnId, { title: '矿产资源规划' });
    await db().updateTable('items').set({ title: '矿产资源规划（改）' }).where('id', '=', item.id).execute();
    await services.tamper.check();
    const [alert] = await alertsOf(item.id);
    await assert.rejects(services.tamper.resolve(fx.actor('drafter'), alert.id, { resolution: 'accepted', note: '核实' }), { status: 403 });
    await assert.rejects(services.tamper.resolve(fx.otherActor('officer'), alert.id, { resolution: 'accepted', note: '核实' }), { status: 404 });
    await assert.rejects(services.tamper.resolve(fx.actor('officer'), alert.id, { resolution: 'accepted', note: '' }), { status: 422 });
    await assert.rejects(services.tamper.resolve(fx.actor('officer'), alert.id, { resolution: 'takenDown', note: '已撤稿' }), { code: 'TAMPER_NOT_TAKEN_DOWN' });
    await services.tamper.resolve(fx.actor('leader'), alert.id, { resolution: 'accepted', note: '经核实为信息中心按局领导要求修改' });
    const [done] = await alertsOf(item.id);
    assert.equal(done.resolution, 'accepted');
    assert.equal(done.resolvedBy, fx.users.leader.id);
    assert.ok(done.resolvedAt);
    assert.equal((await services.tamper.check()).alerts, 0);
    await assert.rejects(services.tamper.resolve(fx.actor('officer'), alert.id, { resolution: 'restored', note: '再次处理' }), { code: 'TAMPER_ALREADY_RESOLVED' });
    assert.deepEqual((await services.tamper.alerts(fx.actor('officer'), { open: true })).filter((a) => a.itemId === item.id), []);
  });

  test('the on-demand check runs through the job queue', async () => {
    await registerMonitorJobs({ db: db(), clock: services.clock, jobs: services.jobs, monitor: services.monitor, tamper: services.tamper });
    const item = await publishedItem(services, fx, columnId, { title: '国土空间总体规划' });
    await db().updateTable('items').set({ docNumber: '伪造〔2025〕1号' }).where('id', '=', item.id).execute();
    await services.tamper.requestCheck(fx.actor('officer'));
    await services.jobs.runDue();
    const [alert] = await alertsOf(item.id);
    assert.deepEqual(alert.changes.map((c) => c.field), ['docNumber']);
  });
});
