// Console item pages: the editor, the list, the record page's review actions, the queue, the
// review record sheet, and escaping of everything staff type.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { form, get, multipartForm } from '../helpers/http.ts';
import { sampleDocx, sampleExe, samplePdf } from '../helpers/sample-files.ts';
import { useHttpFixture } from '../helpers/http-fixture.ts';

const XSS = '<script>alert(1)</script>';

describe('console items', () => {
  let columnId: string;
  const t = useHttpFixture({
    sessions: ['drafter', 'departmentHead'],
    setup: async ({ services, fx }) => {
      const column = await services.catalog.createColumn(fx.actor('officer'), {
        parentId: null, code: 'policy', name: '政策文件', description: '', sortOrder: 1, updateIntervalDays: null, departmentIds: [],
      });
      columnId = column.id;
    },
  });

  const itemFields = (overrides: Record<string, string | string[]> = {}) => ({
    columnId,
    title: '关于印发《赣州市国土空间规划管理办法》的通知',
    docNumber: '赣市自然资字〔2025〕12号',
    issuers: '赣州市自然资源局\n赣州市住房和城乡建设局',
    writtenOn: '2025-09-22',
    topic: '国土空间规划',
    summary: '规范国土空间规划管理。',
    bodyHtml: '<p>各县（市、区）自然资源局：</p>',
    disclosureMode: 'proactive',
    scope: 'public',
    validity: 'inForce',
    ...overrides,
  });

  async function createViaEditor(overrides: Record<string, string | string[]> = {}): Promise<string> {
    const res = await form(t.app, '/console/items/new', itemFields(overrides), t.as.drafter);
    assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
    const m = /^\/console\/items\/([0-9A-Z]+)\?done=created$/.exec(String(res.headers.location));
    assert.ok(m, String(res.headers.location));
    return m[1];
  }


  test('a drafter creates an item through the editor and it appears in the list', async () => {
    const editor = await get(t.app, '/console/items/new', t.as.drafter);
    assert.equal(editor.statusCode, 200);
    assert.match(editor.body, /enctype="multipart\/form-data"/);
    assert.match(editor.body, /<option value="[^"]+">政策文件<\/option>/);
    const id = await createViaEditor();
    const item = await t.services.catalog.getForStaff(t.fx.actor('drafter'), id);
    assert.deepEqual(item.issuers, ['赣州市自然资源局', '赣州市住房和城乡建设局']);
    assert.equal(item.departmentId, t.fx.departments.planning.id);
    const list = await get(t.app, '/console/items?status=draft', t.as.drafter);
    assert.equal(list.statusCode, 200);
    assert.match(list.body, new RegExp(`href="/console/items/${id}">关于印发《赣州市国土空间规划管理办法》的通知`));
    const record = await get(t.app, `/console/items/${id}?done=created`, t.as.drafter);
    assert.match(record.body, /草稿已创建/);
    assert.match(record.body, /提交审核/);
    assert.match(record.body, /公开期限/);
  });

  test('an editor error keeps everything typed and links the summary to the field', async () => {
    const res = await form(t.app, '/console/items/new', itemFields({ title: '', disclosureMode: 'onRequest', summary: '保留这段摘要' }), t.as.drafter);
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /<title>错误：/);
    assert.match(res.body, /href="#title">请输入标题/);
    assert.match(res.body, /href="#disclosureModeReason">依申请公开或不予公开的，须填写理由/);
    assert.match(res.body, />保留这段摘要<\/textarea>/);
    assert.match(res.body, /value="赣市自然资字〔2025〕12号"/);
    assert.match(res.body, /value="onRequest" checked/);
  });

  test('send-back without an opinion shows the field error and keeps the typed text', async () => {
    const id = await createViaEditor({ title: '待退回的草稿' });
    assert.equal((await form(t.app, `/console/items/${id}/act`, { verb: 'submit', opinion: '', basis: '' }, t.as.drafter)).statusCode, 303);
    const page = await get(t.app, `/console/items/${id}`, t.as.departmentHead);
    assert.match(page.body, /name="verb" value="sendBack"/);
    const res = await form(t.app, `/console/items/${id}/act`, { verb: 'sendBack', opinion: '  ', basis: '《条例》第十九条' }, t.as.departmentHead);
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /<title>错误：/);
    assert.match(res.body, /href="#opinion-sendBack">退回修改须填写意见/);
    assert.match(res.body, /id="opinion-sendBack-error"/);
    assert.match(res.body, /id="basis-sendBack" name="basis" type="text" value="《条例》第十九条"/);
    assert.equal((await t.services.catalog.getForStaff(t.fx.actor('drafter'), id)).status, 'departmentReview');
    const ok = await form(t.app, `/console/items/${id}/act`, { verb: 'sendBack', opinion: '请补充附件', basis: '' }, t.as.departmentHead);
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, `/console/items/${id}?done=sendBack`);
    assert.equal((await t.services.catalog.getForStaff(t.fx.actor('drafter'), id)).status, 'draft');
  });

  test('a drafter sees no approve button, and posting approve anyway is refused', async () => {
    const id = await createViaEditor({ title: '待初审的草稿' });
    await form(t.app, `/console/items/${id}/act`, { verb: 'submit', opinion: '', basis: '' }, t.as.drafter);
    const page = await get(t.app, `/console/items/${id}`, t.as.drafter);
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /name="verb" value="approve"/);
    assert.doesNotMatch(page.body, /编辑草稿/);
    const res = await form(t.app, `/console/items/${id}/act`, { verb: 'approve', opinion: '同意', basis: '' }, t.as.drafter);
    assert.equal(res.statusCode, 403);
    assert.equal((await t.services.catalog.getForStaff(t.fx.actor('drafter'), id)).status, 'departmentReview');
    // The head has it in "my work", with a due date and a text label next to its colour.
    const home = await get(t.app, '/console', t.as.departmentHead);
    assert.match(home.body, /待我审核/);
    assert.match(home.body, new RegExp(`href="/console/items/${id}">待初审的草稿`));
    assert.match(home.body, /class="due-state due-(onTime|dueSoon|overdue)">(按期|即将到期|已超期)/);
    assert.match(home.body, /<details class="due-explain"><summary>期限如何计算<\/summary>/);
    const approve = await form(t.app, `/console/items/${id}/act`, { verb: 'approve', opinion: '同意公开', basis: '《条例》第二十条' }, t.as.departmentHead);
    assert.equal(approve.statusCode, 303);
    const sheet = await get(t.app, `/console/items/${id}/review-records`, t.as.departmentHead);
    assert.equal(sheet.statusCode, 200);
    assert.match(sheet.body, /同意公开/);
    assert.match(sheet.body, /《条例》第二十条/);
    assert.match(sheet.body, /科室初审/);
  });

  test('item fields with script tags are escaped on console pages', async () => {
    const id = await createViaEditor({ title: XSS, docNumber: XSS, summary: XSS, topic: XSS, issuers: XSS, bodyHtml: `<p>正文</p>${XSS}` });
    for (const url of [`/console/items/${id}`, '/console/items', `/console/items/${id}/edit`, `/console/items/${id}/review-records`]) {
      const res = await get(t.app, url, t.as.drafter);
      assert.equal(res.statusCode, 200, url);
      assert.doesNotMatch(res.body, /<script>alert\(1\)<\/script>/, url);
    }
    const record = await get(t.app, `/console/items/${id}`, t.as.drafter);
    assert.match(record.body, /&lt;script>alert\(1\)&lt;\/script>|&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });

  test('an officer manages columns; a drafter may not', async () => {
    const officer = await t.signIn('officer');
    const res = await form(t.app, '/console/columns', { name: '规划计划', code: 'plans', parentId: columnId, sortOrder: '2', updateIntervalDays: '30', departmentIds: t.fx.departments.planning.id }, officer);
    assert.equal(res.statusCode, 303);
    const tree = await get(t.app, '/console/columns', officer);
    assert.match(tree.body, /规划计划/);
    assert.match(tree.body, /30 天/);
    const bad = await form(t.app, '/console/columns', { name: '', code: 'Bad Code' }, officer);
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /<title>错误：/);
    assert.equal((await get(t.app, '/console/columns', t.as.drafter)).statusCode, 403);
  });

  test('Word import fills title and body and keeps the other fields typed', async () => {
    const docx = sampleDocx({ heading: '关于加强耕地保护的通知', paragraphs: ['各有关单位：', '现就有关事项通知如下。'] });
    const res = await multipartForm(t.app, '/console/items/new', { ...itemFields({ title: '' }), intent: 'import' }, [{ field: 'wordFile', filename: 'notice.docx', bytes: docx }], t.as.drafter);
    assert.equal(res.statusCode, 200, res.body.slice(0, 1500));
    assert.match(res.body, /已从 Word 文档导入标题和正文/);
    assert.match(res.body, /id="title" name="title" type="text" value="关于加强耕地保护的通知"/);
    assert.match(res.body, /现就有关事项通知如下。/);
    assert.match(res.body, /value="赣市自然资字〔2025〕12号"/);
    const wrong = await multipartForm(t.app, '/console/items/new', { ...itemFields(), intent: 'import' }, [{ field: 'wordFile', filename: 'a.exe', bytes: sampleExe() }], t.as.drafter);
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /href="#wordFile">请上传 .docx 格式的 Word 文档/);
    // Saving through the multipart form works too.
    const saved = await multipartForm(t.app, '/console/items/new', { ...itemFields({ title: '从表单保存' }), intent: 'save' }, [], t.as.drafter);
    assert.equal(saved.statusCode, 303);
  });

  test('attachments are uploaded and removed on the edit page', async () => {
    const id = await createViaEditor({ title: '带附件的草稿' });
    const up = await multipartForm(t.app, `/console/items/${id}/attachments`, {}, [{ field: 'file', filename: '附件一.pdf', bytes: samplePdf(['Annex one']) }], t.as.drafter);
    assert.equal(up.statusCode, 303);
    const item = await t.services.catalog.getForStaff(t.fx.actor('drafter'), id);
    assert.equal(item.attachments.length, 1);
    const edit = await get(t.app, `/console/items/${id}/edit?done=uploaded`, t.as.drafter);
    assert.match(edit.body, /附件已上传/);
    assert.match(edit.body, /附件一\.pdf/);
    const download = await get(t.app, `/console/attachments/${item.attachments[0].id}`, t.as.drafter);
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers['content-type'], 'application/pdf');
    const exe = await multipartForm(t.app, `/console/items/${id}/attachments`, {}, [{ field: 'file', filename: 'x.exe', bytes: sampleExe() }], t.as.drafter);
    assert.equal(exe.statusCode, 422);
    assert.match(exe.body, /href="#file">/);
    const removed = await form(t.app, `/console/items/${id}/attachments/${item.attachments[0].id}/delete`, {}, t.as.drafter);
    assert.equal(removed.statusCode, 303);
    assert.equal((await t.services.catalog.getForStaff(t.fx.actor('drafter'), id)).attachments.length, 0);
  });
});
