// Portal 互动交流 over HTTP: the form's error pattern with values kept, CSRF, idempotent double
// submission, the receipt and lookup, and the public Q&A list with search and the answer page.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cookieFrom, encodeForm, type TestSession } from '../helpers/http.ts';
import { useHttpFixture } from '../helpers/http-fixture.ts';

describe('portal 互动交流', () => {
  let ip = 0;

  const t = useHttpFixture();

  const fields = (extra: Record<string, string> = {}) => ({
    askerName: '李四', phone: '13900001111', email: '', subject: '耕地占补平衡政策咨询', content: '请问耕地占补平衡指标如何申请？需要哪些材料？', consentToPublish: '1', website: '', ...extra,
  });

  async function openForm(slug: string): Promise<{ session: TestSession; stamp: string; remote: string; body: string }> {
    const remote = `10.1.0.${++ip}`;
    const page = await t.app.inject({ method: 'GET', url: `/interact/${slug}/new`, remoteAddress: remote });
    assert.equal(page.statusCode, 200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1];
    const stamp = /name="formStamp" value="([^"]+)"/.exec(page.body)![1];
    return { session: { cookie: `gk_csrf=${cookieFrom(page, 'gk_csrf')}`, csrf }, stamp, remote, body: page.body };
  }

  function post(url: string, body: Record<string, string | undefined>, session: TestSession, remote: string, csrf = true) {
    return t.app.inject({
      method: 'POST', url, remoteAddress: remote,
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: encodeForm(csrf ? { _csrf: session.csrf, ...body } : body),
    });
  }

  async function submit(slug: string, extra: Record<string, string> = {}) {
    const form = await openForm(slug);
    t.clock.advanceMs(5_000);
    const res = await post(`/interact/${slug}/new`, { formStamp: form.stamp, ...fields(extra) }, form.session, form.remote);
    return { res, ...form };
  }

  test('the entry page links both forms and the nav shows 互动交流', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/interact' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /href="\/interact\/consult\/new"/);
    assert.match(res.body, /href="\/interact\/mailbox\/new"/);
    assert.match(res.body, /aria-current="page"[^>]*>互动交流|<a href="\/interact" aria-current="page">互动交流/);
  });

  test('a failed submit shows 错误：, a summary, the messages and keeps every value', async () => {
    const { res } = await submit('consult', { phone: '12', content: '太短了', subject: '宅基地<b>咨询</b>' });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /<title>错误：在线咨询/);
    assert.match(res.body, /class="error-summary"/);
    assert.match(res.body, /href="#phone">联系电话格式不正确/);
    assert.match(res.body, /href="#content">留言内容至少需要 10 个字/);
    assert.match(res.body, /value="李四"/);
    assert.match(res.body, /value="12"/);
    assert.match(res.body, /value="宅基地&lt;b>咨询&lt;\/b>"|value="宅基地&lt;b&gt;咨询&lt;\/b&gt;"/);
    assert.match(res.body, />太短了<\/textarea>/);
    assert.match(res.body, /name="consentToPublish" value="1" checked/);
    assert.equal(Number((await t.services.database.db.selectFrom('messages').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n), 0);
  });

  test('CSRF is required', async () => {
    const form = await openForm('mailbox');
    t.clock.advanceMs(5_000);
    const res = await post('/interact/mailbox/new', { formStamp: form.stamp, ...fields() }, form.session, form.remote, false);
    assert.equal(res.statusCode, 403);
  });

  test('a submission gives a receipt, a double click the same one, and the lookup shows the message', async () => {
    const first = await submit('mailbox');
    assert.equal(first.res.statusCode, 303);
    const again = await post('/interact/mailbox/new', { formStamp: first.stamp, ...fields() }, first.session, first.remote);
    assert.equal(again.headers.location, first.res.headers.location);
    const receipt = await t.app.inject({ method: 'GET', url: String(first.res.headers.location) });
    assert.equal(receipt.statusCode, 200);
    const code = /class="receipt-code">([^<]+)</.exec(receipt.body)![1];
    assert.match(receipt.body, /局长信箱已提交/);
    const forged = await t.app.inject({ method: 'GET', url: `/interact/receipt/${code}?k=mailbox.2025-09-26.2025-10-20.xxxx` });
    assert.equal(forged.statusCode, 404);

    const track = await openForm('consult');
    const wrong = await post('/interact/track', { code, phoneLast4: '0000' }, track.session, track.remote);
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /查询码或联系电话后四位不正确/);
    const right = await post('/interact/track', { code, phoneLast4: '1111' }, track.session, track.remote);
    assert.equal(right.statusCode, 200);
    assert.match(right.body, /耕地占补平衡政策咨询/);
    assert.match(right.body, /办理中/);
  });

  test('the Q&A list shows answers published with consent, searchable, masked, with a page each', async () => {
    const published = await submit('consult', { subject: '土地复垦验收咨询', content: '我是李四，想问土地复垦项目验收需要多长时间？' });
    const privateOne = await submit('consult', { subject: '不公开的复垦问题', content: '土地复垦的另一个问题，请不要公开。', consentToPublish: '' });
    const ids = await t.services.database.db.selectFrom('messages').select(['id', 'subject']).where('subject', 'in', ['土地复垦验收咨询', '不公开的复垦问题']).execute();
    assert.equal(published.res.statusCode, 303);
    assert.equal(privateOne.res.statusCode, 303);
    for (const m of ids) {
      await t.services.participation.draft(t.fx.actor('officer'), m.id, { answer: '李四您好：验收一般在 20 个工作日内完成。' });
      await t.services.participation.approve(t.fx.actor('officer'), m.id);
    }
    const list = await t.app.inject({ method: 'GET', url: '/interact/answers?q=复垦' });
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /土地复垦验收咨询/);
    assert.doesNotMatch(list.body, /不公开的复垦问题/);
    assert.match(list.body, /共 1 条/);
    // Segmented like the catalog search: word order and spacing do not matter, every word must occur.
    for (const q of ['验收 复垦', '验收复垦']) {
      const reordered = await t.app.inject({ method: 'GET', url: `/interact/answers?q=${encodeURIComponent(q)}` });
      assert.match(reordered.body, /土地复垦验收咨询/, q);
      assert.match(reordered.body, new RegExp(`value="${q}"`), q);
    }
    assert.match((await t.app.inject({ method: 'GET', url: `/interact/answers?q=${encodeURIComponent('复垦 宅基地')}` })).body, /没有找到与“复垦 宅基地”相关的公开答复/);
    const none = await t.app.inject({ method: 'GET', url: '/interact/answers?q=%25' });
    assert.match(none.body, /没有找到/);
    const id = ids.find((m) => m.subject === '土地复垦验收咨询')!.id;
    const page = await t.app.inject({ method: 'GET', url: `/interact/answers/${id}` });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /验收一般在 20 个工作日内完成/);
    assert.doesNotMatch(page.body, /李四/);
    const hidden = ids.find((m) => m.subject !== '土地复垦验收咨询')!.id;
    assert.equal((await t.app.inject({ method: 'GET', url: `/interact/answers/${hidden}` })).statusCode, 404);
  });
});
