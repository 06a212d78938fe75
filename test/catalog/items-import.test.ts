// `gongkai items import`: historical files become published items with index numbers, searchable,
// audited as imports.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../helpers/cli.ts';
import { useServiceFixture } from '../helpers/service-fixture.ts';
import { samplePdf, sampleDocx } from '../helpers/sample-files.ts';
import { createColumn } from '../factories.ts';

const t = useServiceFixture({
  setup: async ({ services, fx }) => {
    await createColumn(services, fx, '历史文件');
  },
});

test('items import reads txt, html, docx and pdf into published items', async () => {
  const dir = path.join(t.services.dataDir, 'import');
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'notice.txt'), '2019年土地征收公告\n征收范围：某村集体土地。\n');
  fs.writeFileSync(path.join(dir, 'page.html'), '<html><body><h1>划拨供地结果公示</h1><p>地块一<script>alert(1)</script></p></body></html>');
  fs.writeFileSync(path.join(dir, 'plan.docx'), sampleDocx({ heading: '土地利用年度计划', paragraphs: ['计划指标如下。'] }));
  fs.writeFileSync(path.join(dir, 'old-scan.pdf'), samplePdf(['Benchmark land prices 2018']));
  const files = ['notice.txt', 'page.html', 'plan.docx', 'old-scan.pdf'].map((f) => path.join(dir, f));
  const run = runCli(t.services, ['items', 'import', ...files, '--column', '历史文件', '--published-on', '2019-03-01', '--agency', t.fx.agency.code]);
  assert.equal(run.status, 0, run.stderr + run.stdout);
  const items = await t.services.database.db.selectFrom('items').selectAll().where('agencyId', '=', t.fx.agency.id).orderBy('indexNumber').execute();
  assert.deepEqual(items.map((i) => i.title), ['2019年土地征收公告', '划拨供地结果公示', '土地利用年度计划', 'Benchmark land prices 2018']);
  assert.deepEqual(items.map((i) => i.indexNumber), [1, 2, 3, 4].map((n) => `${t.fx.agency.creditCode}/2019-0000${n}`));
  assert.ok(items.every((i) => i.status === 'published' && i.publishedOn === '2019-03-01'));
  assert.doesNotMatch(items[1].bodyHtml, /script/);
  const attachments = await t.services.database.db.selectFrom('attachments').select(['filename']).orderBy('filename').execute();
  assert.deepEqual(attachments.map((a) => a.filename), ['old-scan.pdf', 'plan.docx']);
  const events = await t.services.database.db.selectFrom('auditEvents').select('action').where('action', '=', 'item.import').execute();
  assert.equal(events.length, 4);
  assert.ok((await t.services.search.search({ q: '征收', page: 1, pageSize: 10 })).hits.length >= 1);
});
