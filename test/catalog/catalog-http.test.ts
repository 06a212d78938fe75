// The catalog and review JSON API through app.inject: public endpoints hide everything that is
// not published and public (404 NOT_FOUND), text comes back unchanged (escaping is the
// renderer's job), staff endpoints act within the signed-in user's agency, uploads are checked
// by content.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useHttpFixture } from '../helpers/http-fixture.ts';
import { multipartForm, type TestSession } from '../helpers/http.ts';
import { samplePdf, samplePng, sampleDocx, sampleExe } from '../helpers/sample-files.ts';
import { advanceTo, createColumn, draftInput, publishedItem } from '../factories.ts';

let columnId: string;

const t = useHttpFixture({
  sessions: ['officer', 'drafter'],
  otherSessions: ['officer'],
  setup: async ({ services, fx }) => {
    columnId = (await createColumn(services, fx)).id;
  },
});

const json = (session: TestSession, method: 'POST' | 'PUT' | 'GET', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: { cookie: session.cookie, 'x-csrf-token': session.csrf }, ...(payload === undefined ? {} : { payload: payload as object }) });

describe('catalog JSON API', () => {
  test('GET /api/v1/items returns exactly { items, total, page } of published public items, and searches with q', async () => {
    const item = await publishedItem(t.services, t.fx, columnId, { title: '征地补偿安置方案公告' });
    await publishedItem(t.services, t.fx, columnId, { title: '内网通知', scope: 'intranet' });
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/items?page=1' });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.deepEqual(Object.keys(body).sort(), ['items', 'page', 'total']);
    assert.deepEqual(body.items.map((i: { id: string }) => i.id), [item.id]);
    assert.equal(body.items[0].indexNumber, item.indexNumber);
    assert.equal(body.items[0].status, undefined, 'no internal fields in the public list');
    const found = (await t.app.inject({ method: 'GET', url: `/api/v1/items?q=${encodeURIComponent('征地补偿')}` })).json();
    assert.deepEqual(found.items.map((i: { id: string }) => i.id), [item.id]);
    assert.equal(found.total, 1);
  });

  test('GET /api/v1/items/:id: metadata, body text and attachments of a published item; 404 for anything else', async () => {
    const draft = await t.services.catalog.createDraft(t.fx.actor('drafter'), draftInput(columnId));
    const inReview = await advanceTo(t.services, t.fx, (await t.services.catalog.createDraft(t.fx.actor('drafter'), draftInput(columnId))).id, 'officeCheck');
    const intranet = await publishedItem(t.services, t.fx, columnId, { scope: 'intranet' });
    const xss = '<script>alert(1)</script>';
    const item = await publishedItem(t.services, t.fx, columnId, { title: `标题${xss}`, docNumber: `文号${xss}`, summary: `概述${xss}`, bodyHtml: `<p>正文</p>${xss}` });
    for (const id of [draft.id, inReview.id, intranet.id, 'nonexistent']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/items/${id}` });
      assert.equal(res.statusCode, 404, id);
      assert.equal(res.json().error.code, 'NOT_FOUND');
    }
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/items/${item.id}` });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.title, `标题${xss}`);
    assert.equal(body.docNumber, `文号${xss}`);
    assert.equal(body.summary, `概述${xss}`);
    assert.equal(body.bodyText, '正文');
    assert.equal(body.bodyHtml, '<p>正文</p>');
    assert.deepEqual(body.attachments, []);
  });

  test('staff flow over HTTP: draft, upload, submit … publish; attachment downloadable once published', async () => {
    const created = await json(t.as.drafter, 'POST', '/api/v1/staff/items', draftInput(columnId, { title: '不动产登记公告' }));
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json().id;
    const pdf = samplePdf(['Land registration notice 2025']);
    const up = await multipartForm(t.app, `/api/v1/staff/items/${id}/attachments`, {}, [{ field: 'file', filename: '公告.pdf', bytes: pdf }], t.as.drafter);
    assert.equal(up.statusCode, 201, up.body);
    const attachment = up.json();
    assert.equal(attachment.mediaType, 'application/pdf');
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/attachments/${attachment.id}` })).statusCode, 404, 'not public before publication');

    const submit = await json(t.as.drafter, 'POST', `/api/v1/staff/items/${id}/actions/submit`, { opinion: '' });
    assert.equal(submit.json().status, 'departmentReview');
    const denied = await json(t.as.drafter, 'POST', `/api/v1/staff/items/${id}/actions/approve`, { opinion: '同意' });
    assert.equal(denied.statusCode, 403);
    await advanceTo(t.services, t.fx, id, 'officeCheck');
    const queue = (await json(t.as.officer, 'GET', '/api/v1/staff/queue')).json();
    assert.ok(queue.entries.some((e: { item: { id: string }; verbs: string[] }) => e.item.id === id && e.verbs.includes('publish')));
    const published = await json(t.as.officer, 'POST', `/api/v1/staff/items/${id}/actions/publish`, { opinion: '复核无误' });
    assert.equal(published.statusCode, 200, published.body);
    assert.equal(published.json().status, 'published');

    const download = await t.app.inject({ method: 'GET', url: `/api/v1/attachments/${attachment.id}` });
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers['content-type'], 'application/pdf');
    assert.match(String(download.headers['content-disposition']), /filename\*=UTF-8''%E5%85%AC%E5%91%8A\.pdf/);
    assert.deepEqual(download.rawPayload, pdf);
    // The PDF's text is searchable.
    assert.ok((await t.services.search.search({ q: 'registration', page: 1, pageSize: 10 })).hits.some((h) => h.itemId === id));

    const records = (await json(t.as.officer, 'GET', `/api/v1/staff/items/${id}/review-records`)).json().records;
    assert.equal(records.at(-1).conclusion, 'published');
    assert.equal(records.at(-1).opinion, '复核无误');
  });

  test('send back over HTTP without an opinion is a field error on opinion', async () => {
    const item = await t.services.catalog.createDraft(t.fx.actor('drafter'), draftInput(columnId));
    await advanceTo(t.services, t.fx, item.id, 'officeCheck');
    const res = await json(t.as.officer, 'POST', `/api/v1/staff/items/${item.id}/actions/sendBack`, { opinion: '' });
    assert.equal(res.statusCode, 422);
    assert.equal(res.json().error.fields[0].field, 'opinion');
  });

  test('attachment type spoofing is refused by content', async () => {
    const item = await t.services.catalog.createDraft(t.fx.actor('drafter'), draftInput(columnId));
    const upload = (filename: string, bytes: Buffer) =>
      multipartForm(t.app, `/api/v1/staff/items/${item.id}/attachments`, {}, [{ field: 'file', filename, bytes }], t.as.drafter);
    const pngAsPdf = await upload('公告.pdf', samplePng);
    assert.equal(pngAsPdf.statusCode, 422);
    assert.equal(pngAsPdf.json().error.code, 'ATTACHMENT_TYPE_MISMATCH');
    const exeAsPdf = await upload('公告.pdf', sampleExe());
    assert.equal(exeAsPdf.json().error.code, 'ATTACHMENT_TYPE_NOT_ALLOWED');
    const exe = await upload('setup.exe', sampleExe());
    assert.equal(exe.json().error.code, 'ATTACHMENT_TYPE_NOT_ALLOWED');
    const png = await upload('地块图.png', samplePng);
    assert.equal(png.statusCode, 201);
    const docx = await upload('附件.docx', sampleDocx({ paragraphs: ['征收土地预公告'] }));
    assert.equal(docx.statusCode, 201);
    const text = await t.services.database.db.selectFrom('attachments').select('textContent').where('id', '=', docx.json().id).executeTakeFirstOrThrow();
    assert.equal(text.textContent, '征收土地预公告');
  });

  test('Word import: sanitised body, first heading as title', async () => {
    const bytes = sampleDocx({ heading: '关于开展地质灾害排查的通知', paragraphs: ['各乡镇：', '<script>alert(1)</script>请于十月底前完成排查。'] });
    const res = await multipartForm(t.app, `/api/v1/staff/word-import`, {}, [{ field: 'file', filename: 'a.docx', bytes }], t.as.drafter);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.title, '关于开展地质灾害排查的通知');
    assert.equal(body.bodyHtml, '<p>各乡镇：</p><p>&lt;script&gt;alert(1)&lt;/script&gt;请于十月底前完成排查。</p>');
    assert.equal(body.bodyText, '各乡镇：\n<script>alert(1)</script>请于十月底前完成排查。');
    const notWord = await multipartForm(t.app, `/api/v1/staff/word-import`, {}, [{ field: 'file', filename: 'a.docx', bytes: samplePng }], t.as.drafter);
    assert.equal(notWord.json().error.code, 'ATTACHMENT_TYPE_NOT_ALLOWED');
  });

  test('staff endpoints: sign-in required, other agencies get 404, columns managed by the office', async () => {
    const item = await t.services.catalog.createDraft(t.fx.actor('drafter'), draftInput(columnId));
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/staff/items/${item.id}` })).statusCode, 401);
    const other = await json(t.asOther.officer, 'GET', `/api/v1/staff/items/${item.id}`);
    assert.equal(other.statusCode, 404);
    assert.equal(other.json().error.code, 'NOT_FOUND');
    const col = { parentId: null, code: 'zcjd', name: '政策解读', description: '', sortOrder: 9, updateIntervalDays: 180, departmentIds: [] };
    assert.equal((await json(t.as.drafter, 'POST', '/api/v1/staff/columns', col)).statusCode, 403);
    const created = await json(t.as.officer, 'POST', '/api/v1/staff/columns', col);
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json().updateIntervalDays, 180);
    const tree = (await json(t.as.officer, 'GET', '/api/v1/staff/columns')).json().columns;
    assert.ok(tree.some((c: { code: string }) => c.code === 'zcjd'));
    const list = (await json(t.as.drafter, 'GET', '/api/v1/staff/items?status=draft')).json();
    assert.ok(list.items.some((i: { id: string }) => i.id === item.id));
  });
});
