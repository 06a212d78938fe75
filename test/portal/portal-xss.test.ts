// Cross-site scripting: every field staff type (title, 文号, summary, 主题分类, 发文机关, column
// name and description, attachment name, body) and every query echoed back carries two classic
// payloads; no portal page may turn them into markup.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ColumnNode, ItemDetail } from '../../src/modules/catalog/catalog.contract.ts';
import { useHttpFixture } from '../helpers/http-fixture.ts';
import { samplePdf } from '../helpers/sample-files.ts';
import { assertNoInjectedMarkup, assertPortalPage, columnInput, draftInput, publishItem } from './portal-helpers.ts';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';

describe('portal escapes everything it did not sanitise itself', () => {
  let column: ColumnNode;
  let item: ItemDetail;
  let interpretation: ItemDetail;

  const t = useHttpFixture({
    setup: async ({ services, fx }) => {
      const officer = fx.actor('officer');
      // Column names are at most 40 characters: one payload each, both in the description.
      column = await services.catalog.createColumn(officer, columnInput(`征地${SCRIPT}`, null, { description: `说明${SCRIPT}${IMG}` }));
      await services.catalog.createColumn(officer, columnInput(`公告${IMG}`, column.id));
      item = await publishItem(
        services,
        officer,
        draftInput(column.id, `征地补偿公告${SCRIPT}${IMG}`, {
          docNumber: `${IMG}〔2025〕1号${SCRIPT}`,
          summary: `概述${SCRIPT}${IMG}`,
          topic: `主题${IMG}`,
          issuers: [`机关${SCRIPT}`, `机关${IMG}`],
          bodyHtml: `<p>征地补偿正文</p>${SCRIPT}<img src=x onerror=alert(1)><a href="javascript:alert(1)">链接</a>`,
        }),
        [{ filename: `附件${IMG}.pdf`, bytes: samplePdf(['x']) }],
      );
      interpretation = await publishItem(services, officer, draftInput(column.id, `解读${SCRIPT}${IMG}`, { interpretsItemIds: [item.id], docNumber: '', topic: `主题${SCRIPT}` }));
    },
  });

  const pages = () => [
    '/',
    '/catalog',
    `/columns/${column.id}`,
    `/items/${item.id}`,
    `/items/${item.id}/print`,
    `/items/${interpretation.id}`,
    '/guide',
    `/search?q=${encodeURIComponent('征地补偿')}`,
    `/search?q=${encodeURIComponent(IMG)}`,
    `/search?q=${encodeURIComponent(SCRIPT)}&column=${encodeURIComponent(IMG)}&validity=${encodeURIComponent(SCRIPT)}`,
  ];

  test('no page turns stored or echoed payloads into markup', async () => {
    for (const url of pages()) {
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, url);
      assertNoInjectedMarkup(res.body);
      if (!url.endsWith('/print')) assertPortalPage(res.body);
    }
  });

  test('the payloads are shown as text, escaped', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/items/${item.id}` });
    assert.ok(res.body.includes('征地补偿公告&lt;script>alert(1)&lt;/script>'), 'title as text');
    assert.ok(res.body.includes('&lt;img src=x onerror=alert(1)>'), 'img payload as text');
    assert.ok(!res.body.includes('javascript:alert'), 'sanitised body has no javascript: links');
    assert.ok(res.body.includes('征地补偿正文'));
    const search = await t.app.inject({ method: 'GET', url: `/search?q=${encodeURIComponent(IMG)}` });
    assert.ok(search.body.includes('value="&quot;>&lt;img src=x onerror=alert(1)>"') || search.body.includes('value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"'));
  });

  test('a hostile attachment name cannot break the download header', async () => {
    const attachment = item.attachments[0];
    const res = await t.app.inject({ method: 'GET', url: `/attachments/${attachment.id}` });
    assert.equal(res.statusCode, 200);
    const disposition = String(res.headers['content-disposition']);
    assert.ok(!/[\r\n]/.test(disposition));
    assert.equal((disposition.match(/"/g) ?? []).length, 2, 'only the quotes around the fallback name');
  });

  test('error pages do not echo the URL or agency parameter as markup', async () => {
    for (const url of [`/items/${encodeURIComponent(SCRIPT)}`, `/?agency=${encodeURIComponent(IMG)}`, `/x${encodeURIComponent(SCRIPT)}`]) {
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 404, url);
      assertNoInjectedMarkup(res.body);
    }
  });
});

describe('the markup check itself', () => {
  test('flags injected elements and handlers, accepts escaped text and quoted values', () => {
    assert.throws(() => assertNoInjectedMarkup('<p><img src=x onerror=alert(1)></p>'));
    assert.throws(() => assertNoInjectedMarkup('<td><script>alert(1)</script></td>'));
    assert.throws(() => assertNoInjectedMarkup('<a href="/" onclick="x()">a</a>'));
    assertNoInjectedMarkup('<td>&lt;script>alert(1)&lt;/script>&quot;>&lt;img src=x onerror=alert(1)></td>');
    assertNoInjectedMarkup('<input value="&quot;>&lt;img src=x onerror=alert(1)>">');
  });
});
